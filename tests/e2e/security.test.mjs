// Nothing lost, nobody in: the storage fault matrix, the Content-Security-Policy,
// and hostile links and files, end to end in the release build.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, PHONE, sharedServerAndBrowser, watchedPage } from './support/browser.mjs';
import { answer, next, openApp, seedRandomness, storeBeforeFirstPage } from './support/quiz-player.mjs';

const PROGRESS_KEY = 'safeguarding-check:progress';
const scratch = mkdtempSync(join(tmpdir(), 'sc-security-'));

const suite = sharedServerAndBrowser();
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A phone whose pages first run `setup` (to break storage in some way), with `stored` already saved. */
async function phone({ setup, stored, seed = 5 } = {}) {
  const context = await suite.browser.newContext({ viewport: PHONE });
  await seedRandomness(context, seed);
  if (stored !== undefined) {
    await storeBeforeFirstPage(context, PROGRESS_KEY, stored);
  }
  if (setup) await context.addInitScript(setup);
  const watched = await watchedPage(context, new URL(suite.server.url).origin);
  return { context, ...watched };
}

async function playQuickQuiz(page, right = 10) {
  await page.getByRole('button', { name: 'Start quick check' }).click();
  for (let n = 1; n <= 10; n++) {
    await answer(page, { correctly: n <= right });
    await next(page, { last: n === 10 });
  }
  await page.getByRole('heading', { name: `You scored ${right} out of 10` }).waitFor();
}

const stored = (page, key = PROGRESS_KEY) => page.evaluate((k) => localStorage.getItem(k), key);
const notice = (page) => page.locator('.notice-region');

test('the Content-Security-Policy is strict, and a violation would be caught', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
  for (const directive of [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ]) {
    assert.ok(policy.includes(directive), directive);
  }
  // The loader and the page's early script, each by its hash.
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/]+={0,2}'){3}(;|$)/);
  assert.ok(!/unsafe-inline|unsafe-eval'/.test(policy.replace("'wasm-unsafe-eval'", '')), 'no unsafe-inline or unsafe-eval');
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy comes before any script');

  // The app runs under it; an injected inline script is refused and reported.
  const { context, page, problems } = await phone();
  await openApp(page, suite.server.url);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
  });
  for (let tries = 0; problems.cspViolations.length === 0 && tries < 50; tries++) await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.injected), undefined, 'the injected script did not run');
  assert.equal(problems.cspViolations.length, 1, 'and the violation was reported');
  problems.cspViolations.length = 0; // the one we caused on purpose
  await context.close();
});

test('storage blocked: a plain notice, the quiz still works, nothing is kept', async () => {
  const { context, page, problems } = await phone({
    setup: () =>
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      }),
  });
  await openApp(page, suite.server.url);
  await notice(page).getByText(/Your browser is not letting this app save anything/).waitFor();
  await playQuickQuiz(page, 7);
  await page.getByRole('button', { name: 'Back to home' }).click();
  await page.getByText('7 out of 10 (70%)').first().waitFor();
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

for (const [spelling, thrown] of [
  ['QuotaExceededError', "new DOMException('full', 'QuotaExceededError')"],
  ['NS_ERROR_DOM_QUOTA_REACHED', "Object.assign(new Error('full'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' })"],
  ['code 22', "Object.assign(new Error('full'), { name: 'Error', code: 22 })"],
]) {
  test(`storage full (${spelling}): a visible notice, and the score kept in memory`, async () => {
    const { context, page, problems } = await phone({
      setup: new Function(`
        const real = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (key === '${PROGRESS_KEY}') throw ${thrown};
          return real.call(this, key, value);
        };`),
    });
    await openApp(page, suite.server.url);
    await playQuickQuiz(page, 8);
    await notice(page).getByText(/Your device's storage is full/).waitFor();
    await page.getByRole('button', { name: 'Back to home' }).click();
    await page.getByText('8 out of 10 (80%)').first().waitFor();
    assert.equal(await stored(page), null, 'nothing half-written');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
}

test('a save that silently does not land is noticed (read-back check)', async () => {
  const { context, page } = await phone({
    setup: () => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key === 'safeguarding-check:progress') return undefined; // pretends to save
        return real.call(this, key, value);
      };
    },
  });
  await openApp(page, suite.server.url);
  await playQuickQuiz(page, 6);
  await notice(page).getByText(/Your latest score could not be saved/).waitFor();
  await context.close();
});

const junk = ['{', 'null', '[]', '42', '"x"', 'x'.repeat(1024 * 1024), '{"schema_version":2,"attempts":"lots","best":null,"items":{},"days":[]}'];
for (const value of junk) {
  const label = value.length > 40 ? `${value.length} characters of junk` : value;
  test(`stored progress that cannot be read (${label}) is kept aside, never lost, and the app starts afresh`, async () => {
    const { context, page, problems } = await phone({ stored: value });
    await openApp(page, suite.server.url);
    await notice(page).getByText(/We could not read the scores saved on this device/).waitFor();
    const keys = await page.evaluate(() => Object.keys(localStorage));
    const aside = keys.find((k) => k.startsWith('safeguarding-check:unreadable-progress:'));
    assert.ok(aside, 'the old data was copied aside');
    assert.equal(await stored(page, aside), value, 'exactly as it was');
    await playQuickQuiz(page, 9);
    assert.equal(JSON.parse(await stored(page)).attempts.filter((e) => e.value).length, 1, 'new progress is saved');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
}

test('unreadable progress too big to copy aside is left exactly as it was, and never overwritten', async () => {
  // 3 million characters: copying them aside would pass the browser's storage limit.
  const big = 'y'.repeat(3 * 1024 * 1024);
  const { context, page } = await phone({ stored: big });
  await openApp(page, suite.server.url);
  await notice(page).getByText(/We have left them as they are/).waitFor();
  await playQuickQuiz(page, 4);
  assert.equal(await stored(page), big, 'left alone');
  await context.close();
});

test('progress from a newer version is left untouched (read-only)', async () => {
  const future = '{"schema_version":99,"from":"the future"}';
  const { context, page } = await phone({ stored: future });
  await openApp(page, suite.server.url);
  await notice(page).getByText(/Your scores were saved by a newer version of this app/).waitFor();
  await playQuickQuiz(page, 10);
  assert.equal(await stored(page), future, 'never overwritten');
  await context.close();
});

test('progress from the first release is migrated', async () => {
  const v1 = '{"schema_version":1,"last":{"correct":6,"total":10,"finished_at_ms":1790000000000},"best":{"correct":9,"total":10,"finished_at_ms":1780000000000}}';
  const { context, page } = await phone({ stored: v1 });
  await openApp(page, suite.server.url);
  const scores = page.locator('.scores');
  await scores.getByText(/Last score\s*6 out of 10 \(60%\)/).waitFor();
  await scores.getByText(/Best score\s*9 out of 10 \(90%\)/).waitFor();
  assert.equal(await notice(page).innerText(), '', 'no warning: it was read');
  await playQuickQuiz(page, 5);
  const now = JSON.parse(await stored(page));
  assert.equal(now.schema_version, 7);
  const attempts = now.attempts.map((e) => e.value).sort((a, b) => a.finished_at - b.finished_at);
  assert.deepEqual(attempts.map((a) => a.score.correct), [6, 5], 'the old score is kept');
  await page.getByRole('button', { name: 'Back to home' }).click();
  await scores.getByText(/Best score\s*9 out of 10 \(90%\)/).waitFor();
  await context.close();
});

test('hostile links: markup, script URLs, huge and negative numbers, 100 KB values', async () => {
  const { context, page, problems } = await phone();
  const base = `${suite.server.url}?view=trainer-quiz&topics=all&count=5&seed=7&mode=practice&pass=80`;
  for (const [link, message] of [
    [`${base}&title=${encodeURIComponent('javascript:alert(1)')}`, null],
    [base.replace('count=5', 'count=-1'), /question count this app cannot use/],
    [base.replace('seed=7', 'seed=18446744073709551616'), /question order this app cannot use/],
    [`${base}&title=${'x'.repeat(100 * 1024)}`, /too long to be one of ours/],
    [`${suite.server.url}?view=result&topics=all&count=5&seed=7&mode=practice&pass=80&score=5&missed=&r=abcdef12&name=${'n'.repeat(100 * 1024)}`, /result link is too long/],
    [`${suite.server.url}?view=learn&card=${encodeURIComponent('"><script>alert(1)</script>')}`, /That link did not work/],
  ]) {
    await page.goto(link);
    if (message) {
      await page.getByText(message).waitFor();
    } else {
      // A script URL as a title is just words on the page.
      await page.getByRole('heading', { name: 'javascript:alert(1)' }).waitFor();
      assert.equal(await page.locator('a[href^="javascript"]').count(), 0);
    }
  }
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('hostile import files: 50 MB, __proto__ keys, <script> strings, truncated, wrong version', async () => {
  const { context, page } = await phone({ seed: 6 });
  await openApp(page, suite.server.url);
  await playQuickQuiz(page, 8);
  await page.getByRole('button', { name: 'Back to home' }).click();
  await page.getByRole('link', { name: 'Progress', exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export my progress' }).click()]);
  const good = readFileSync(await download.path(), 'utf8');
  const before = await stored(page);
  const someId = Object.keys(JSON.parse(good).store.progress.items)[0];

  const huge = join(scratch, 'fifty.json');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 50 * 1024 * 1024); // 50 MB of zeros, never read by the app
  closeSync(fd);
  const files = [
    [huge, /too large to be a progress backup/],
    [good.replace(`"${someId}"`, '"__proto__"'), /mentions 1 question this version of the app does not have/],
    [good.replace('"store":{', '"__proto__":{"polluted":true},"store":{'), /damaged/],
    [good.replace(`"${someId}"`, '"<script>alert(1)</script>"'), /mentions 1 question/],
    [good.slice(0, -7), /not a progress backup from this app/],
    [good.replace('"schema_version":7', '"schema_version":2'), /damaged/],
    [good.replace('"version":2', '"version":42'), /made by a newer version/],
  ];
  for (const [content, message] of files) {
    const path = content === huge ? huge : join(scratch, 'import.json');
    if (path !== huge) writeFileSync(path, content);
    await page.getByLabel('Import a backup file').setInputFiles(path);
    await page.locator('.backup-status').getByText(message).waitFor();
    assert.equal(await stored(page), before, 'nothing changed');
    assert.equal(await page.evaluate(() => ({}).polluted), undefined, 'no prototype pollution');
  }
  await context.close();
});

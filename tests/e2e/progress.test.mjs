// Progress that lasts: the modes, spaced review, the progress screen, several
// tabs, and backup and restore.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, PHONE, sharedServerAndBrowser, watchedPage } from './support/browser.mjs';
import { answer, next, openApp, seedRandomness } from './support/quiz-player.mjs';
import { prepared, preparedState } from './support/prepared.mjs';
import { axeInLightAndDark } from './support/axe.mjs';

const PROGRESS_KEY = 'safeguarding-check:progress';
const scratch = mkdtempSync(join(tmpdir(), 'sc-progress-'));

const suite = sharedServerAndBrowser();
after(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A phone; `store` names a prepared store it starts with
 * (support/prepared.mjs), `daysAhead` moves its clock on.
 */
async function phone({ seed = 11, daysAhead = 0, bypassCSP = false, store } = {}) {
  // Only the axe scan bypasses the CSP: axe is injected as an inline script.
  const context = await suite.browser.newContext({
    viewport: PHONE,
    acceptDownloads: true,
    bypassCSP,
    ...(store ? { storageState: preparedState(new URL(suite.server.url).origin, store) } : {}),
  });
  await seedRandomness(context, seed);
  if (daysAhead) {
    // Move the page's clock forward, as if the person came back later.
    await context.addInitScript((days) => {
      const realNow = Date.now.bind(Date);
      Date.now = () => realNow() + days * 86_400_000;
    }, daysAhead);
  }
  const watched = await watchedPage(context, new URL(suite.server.url).origin);
  return { context, ...watched };
}

/** Plays the quiz on screen to the end, answering right when `right(n)` says so. */
async function finishQuiz(page, right = () => true) {
  for (let n = 1; ; n++) {
    const count = await page.locator('.question-count').innerText();
    const total = Number(count.match(/of (\d+)/)[1]);
    await answer(page, { correctly: right(n) });
    await next(page, { last: n === total });
    if (n === total) break;
  }
  await page.getByRole('heading', { name: /^You scored \d+ out of \d+$/ }).waitFor();
}

const storedProgress = (page) => page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);

/**
 * What a stored store holds, without the times it was written at. Each
 * answer in an item's log is `[ms, 1 or 0, day]`; a backup taken in after a
 * clear adds a fourth, when it was taken in (so the clear keeps it), which
 * is left out.
 */
const content = (store) => ({
  items: Object.fromEntries(
    Object.entries(store.progress.items).map(([id, i]) => [
      id,
      { right: i.right, wrong: i.wrong, log: i.log.map((answer) => answer.slice(0, 3)), due: i.due },
    ]),
  ),
  attempts: store.attempts.filter((e) => e.value).map((e) => [e.id, e.value.score, e.value.items]),
});

// An assessment played from start to end, with its secret kept, is in
// assessment.test.mjs; these open finished ones from prepared stores.
test('a passed assessment shows pass, the score against the pass mark, and every explanation', async () => {
  const { quiz } = prepared('passed-assessment');
  const { context, page, problems } = await phone({ store: 'passed-assessment' });
  await page.goto(`${suite.server.url}?view=results&attempt=${quiz.id}`);
  // Exactly the pass mark is a pass.
  await page.getByRole('heading', { name: 'You passed' }).waitFor();
  await page.getByText('You scored 16 out of 20 (80%). The pass mark is 80%.').waitFor();
  const review = page.locator('.answer-list > li');
  assert.equal(await review.count(), 20, 'every answer is listed');
  assert.equal(await review.locator('.source').count(), 20, 'each with its explanation and source');
  assert.equal(await page.locator('.answer-list details[open]').count(), 4, 'only the four missed are open');
  await page.screenshot({ path: join(ARTIFACTS, 'assessment-results.png') });
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a failed assessment says so kindly', async () => {
  const { quiz } = prepared('failed-assessment');
  const { context, page } = await phone({ store: 'failed-assessment' });
  await page.goto(`${suite.server.url}?view=results&attempt=${quiz.id}`);
  await page.getByRole('heading', { name: 'Not passed this time' }).waitFor();
  await page.getByText('You scored 10 out of 20 (50%). The pass mark is 80%.').waitFor();
  await page.getByRole('button', { name: 'Review these 10 mistakes now' }).waitFor();
  await context.close();
});

test('mistakes come back in "Review my mistakes", and answers fall due for a refresher, each offered with its effort', async () => {
  // A quick check with the last three of ten missed.
  const { context, page } = await phone({ seed: 21, store: 'finished-quick-check' });
  await openApp(page, suite.server.url);
  // An honest count: three questions, and what they are.
  const mistakes = page.locator('.way-in', { has: page.getByRole('button', { name: 'Review my mistakes' }) });
  await mistakes.getByText('The 3 questions you last got wrong.').waitFor();
  assert.equal(await mistakes.locator('.effort').textContent(), '3 questions \u00b7 about 2 minutes \u00b7 nothing is timed');
  await page.getByRole('button', { name: 'Review my mistakes' }).click();
  await page.locator('.quiz-title').getByText('Review my mistakes').waitFor();
  await page.getByText('Question 1 of 3').waitFor();
  const stored = await storedProgress(page);
  await context.close();

  // A month later the same answers are due for a refresher.
  const later = await phone({ seed: 22, daysAhead: 30 });
  await later.page.goto(suite.server.url);
  await later.page.evaluate(([key, value]) => localStorage.setItem(key, value), [PROGRESS_KEY, stored]);
  await openApp(later.page, suite.server.url);
  // Offered as a short refresher, with its effort, not as a backlog.
  const refresher = later.page.locator('.way-in', { has: later.page.getByRole('button', { name: 'Start a 10-question refresher' }) });
  assert.equal(await refresher.locator('.effort').textContent(), '10 questions \u00b7 about 5 minutes \u00b7 nothing is timed');
  assert.equal(await later.page.getByText(/are due/).count(), 0, 'no count of what is due');
  await later.page.getByRole('button', { name: 'Start a 10-question refresher' }).click();
  // The review of mistakes was left part-way, so the app asks first.
  await later.page.getByRole('button', { name: 'Start the new one' }).click();
  await later.page.locator('.quiz-title').getByText('Refresher').waitFor();
  await finishQuiz(later.page);
  // All ten right: nothing is left to refresh, so results offer no second refresher
  // (a button that would start nothing), and say why.
  await later.page.getByText('Every answer was right, and nothing is left to go over for now.').waitFor();
  assert.equal(await later.page.getByRole('button', { name: 'Start another refresher' }).count(), 0);
  await later.page.reload();
  await later.page.getByText('Every answer was right, and nothing is left to go over for now.').waitFor();
  await later.page.getByRole('button', { name: 'Back to home' }).click();
  await later.page.getByRole('button', { name: 'Start quick check' }).waitFor();
  assert.equal(await later.page.getByRole('button', { name: /refresher/ }).count(), 0, 'nothing is due after the refresher');
  await later.context.close();
});

test('the progress screen shows the streak, mastery and scores over time, with no axe violations', async () => {
  // Two quick checks today: 7 of 10, then 10 of 10.
  const { context, page } = await phone({ seed: 31, bypassCSP: true, store: 'two-quick-checks' });
  await openApp(page, suite.server.url);
  await page.getByRole('link', { name: 'Progress', exact: true }).click();
  await page.getByRole('heading', { name: 'Your progress', exact: true }).waitFor();
  await page.getByText('You have practised 1 day in a row.').waitFor();
  const charts = page.locator('.progress-summary figure');
  assert.equal(await charts.count(), 2);
  const mastery = await charts.nth(0).locator('table').textContent();
  assert.match(mastery, /The national picture 2018-19\d+%/);
  const scores = await charts.nth(1).locator('table').textContent();
  assert.match(scores, /\d{1,2} \w+ \d{4} \u00b7 Quick check70%\d{1,2} \w+ \d{4} \u00b7 Quick check100%/, 'both quizzes, oldest first, each with its day and mode');
  // Drawn against 0 to 100%: the 70% bar is 70% of the track, not the whole of it.
  const widths = await charts.nth(1).locator('rect.chart-bar').evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('width'))));
  const track = Number(await charts.nth(1).locator('rect.chart-track').first().getAttribute('width'));
  assert.deepEqual(widths.map((w) => Math.round((w * 100) / track)), [70, 100]);
  for (const chart of [charts.nth(0), charts.nth(1)]) {
    assert.deepEqual(await chart.locator('.chart-scale text').allTextContents(), ['0%', '50%', '100%'], 'a labelled axis');
  }
  // A steady size: each quiz is a row of the same height as a mastery row, however few there are.
  const rowHeights = await page.locator('.progress-summary .bars li svg').evaluateAll((svgs) => [...new Set(svgs.map((s) => Math.round(s.getBoundingClientRect().height)))]);
  assert.equal(rowHeights.length, 1, `every bar is drawn at one height: ${rowHeights}`);
  assert.ok(rowHeights[0] <= 30, `the bars stay small: ${rowHeights[0]} px`);
  assert.deepEqual(await axeInLightAndDark(page), { light: [], dark: [] });
  await page.screenshot({ path: join(ARTIFACTS, 'progress.png'), fullPage: true });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'fits 360 px');
  await context.close();
});

test('a long history: a three-day streak, the last ten scores in order, mastery in every topic', async () => {
  // A quiz most days for six weeks, the last three days in a row.
  const { quizzes } = prepared('long-history');
  const { context, page } = await phone({ store: 'long-history' });
  await page.goto(`${suite.server.url}?view=progress`);
  await page.getByText('You have practised 3 days in a row.').waitFor();
  const charts = page.locator('.progress-summary figure');
  const scores = await charts.nth(1).locator('tbody td').allTextContents();
  assert.equal(scores.length, 10, 'the last 10 scores');
  const percent = (q) => `${Math.round((q.score.correct * 100) / q.score.total)}%`;
  assert.deepEqual(scores, quizzes.slice(-10).map(percent), 'oldest first, each its own score');
  const mastery = await charts.nth(0).locator('tbody td').allTextContents();
  assert.ok(mastery.length >= 10 && mastery.every((m) => /^\d+%$/.test(m)), `a mastery for every topic: ${mastery}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'fits 360 px');
  await context.close();
});

test('mastery fades gradually as answers come due: a month later a topic answered right is lower, never 0%', async () => {
  const { context, page } = await phone({ seed: 33, store: 'finished-quick-check' });
  await openApp(page, suite.server.url);
  const masteryAfter = async (p) => {
    await p.getByRole('link', { name: 'Progress', exact: true }).click();
    const rows = await p.locator('.progress-summary figure').first().locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th').textContent, Number(tr.querySelector('td').textContent.replace('%', ''))]));
    return Object.fromEntries(rows);
  };
  const today = await masteryAfter(page);
  const answered = Object.entries(today).filter(([, v]) => v > 0);
  assert.ok(answered.length > 0, `some topic has mastery today: ${JSON.stringify(today)}`);
  const stored = await storedProgress(page);
  await context.close();

  for (const daysAhead of [3, 30]) {
    const later = await phone({ seed: 34, daysAhead });
    await later.page.goto(suite.server.url);
    await later.page.evaluate(([key, value]) => localStorage.setItem(key, value), [PROGRESS_KEY, stored]);
    await openApp(later.page, suite.server.url);
    const then = await masteryAfter(later.page);
    for (const [topic, value] of answered) {
      assert.ok(then[topic] > 0, `${topic} is not 0% ${daysAhead} days on (was ${value}%)`);
      if (daysAhead === 3) {
        // Due about now: about 90% of what it was (whole percentages, so give or take 1).
        assert.ok(then[topic] <= value && then[topic] >= value * 0.85 - 1, `${topic} fades gradually, not in a step: ${value}% to ${then[topic]}%`);
      } else {
        assert.ok(then[topic] < value, `${topic} has faded ${daysAhead} days on: ${value}% to ${then[topic]}%`);
      }
    }
    await later.context.close();
  }
});

test('export, clear, then import gives back exactly the same progress', async () => {
  const { context, page } = await phone({ seed: 41, store: 'finished-quick-check' });
  await openApp(page, suite.server.url);
  const before = await storedProgress(page);
  assert.ok(before);

  await page.getByRole('link', { name: 'Progress', exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export my progress' }).click()]);
  assert.match(download.suggestedFilename(), /^safeguarding-check-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = join(scratch, 'backup.json');
  await download.saveAs(file);

  await page.getByRole('button', { name: 'Clear my data' }).click();
  await page.getByText(/This deletes from this device/).waitFor();
  await page.getByRole('button', { name: 'Delete my data' }).click();
  await page.getByText('Your data has been deleted from this app on this device.').waitFor();
  // Only the clear marker is left, so no other tab can write the data back.
  const cleared = JSON.parse(await storedProgress(page));
  assert.ok(cleared.cleared_at > 0);
  assert.deepEqual(content(cleared), { items: {}, attempts: [] });

  await page.getByLabel('Import a backup file').setInputFiles(file);
  await page.getByText(/has 10 answers, 1 finished quiz and 0 records\./).waitFor();
  await page.getByRole('button', { name: 'Replace' }).click();
  await page.getByText('Your progress was replaced by the backup.').waitFor();
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).progress.items && Object.keys(JSON.parse(localStorage.getItem(key)).progress.items).length > 0, PROGRESS_KEY);
  assert.deepEqual(content(JSON.parse(await storedProgress(page))), content(JSON.parse(before)), 'every answer and attempt is back');
  await context.close();
});

test('bad imports give a clear message and change nothing', async () => {
  const { context, page } = await phone({ seed: 51, store: 'finished-quick-check' });
  await openApp(page, suite.server.url);
  await page.getByRole('link', { name: 'Progress', exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export my progress' }).click()]);
  const good = readFileSync(await download.path(), 'utf8');
  const before = await storedProgress(page);

  const firstItem = JSON.parse(good).store.progress.items;
  const someId = Object.keys(firstItem)[0];
  const cases = [
    ['truncated.json', good.slice(0, good.length / 2), /not a progress backup from this app/],
    ['newer.json', good.replace('"version":2', '"version":7'), /made by a newer version of the app/],
    ['unknown.json', good.replace(`"${someId}"`, '"a-question-that-never-was"'), /mentions 1 question this version of the app does not have/],
    ['huge.json', ' '.repeat(20 * 1024 * 1024), /too large to be a progress backup/],
    ['notes.json', '{"shopping": ["milk"]}', /not a progress backup from this app/],
  ];
  for (const [name, text, message] of cases) {
    const path = join(scratch, name);
    writeFileSync(path, text);
    await page.getByLabel('Import a backup file').setInputFiles(path);
    await page.locator('.backup-status').getByText(message).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Replace' }).count(), 0, `${name}: no way to apply it`);
    assert.equal(await storedProgress(page), before, `${name} changed nothing`);
  }
  await context.close();
});

test('two tabs stay consistent: each sees the other\'s answers and neither overwrites them', async () => {
  const { context, page: first } = await phone({ seed: 61 });
  await openApp(first, suite.server.url);
  const second = await context.newPage();
  await openApp(second, suite.server.url);

  // A person plays in the tab in front; the other is hidden, as on a phone
  // (a hidden tab gets no animation frames, which every tap here waits for).
  await first.bringToFront();
  await first.getByRole('button', { name: 'Start quick check' }).click();
  await finishQuiz(first);
  // The second tab, hidden, hears of it through the storage event, with no reload.
  await second.bringToFront();
  await second.getByText('10 out of 10 (100%)', { exact: false }).first().waitFor();

  await second.getByRole('button', { name: 'Start quick check' }).click();
  await finishQuiz(second, (n) => n > 5);
  const stored = JSON.parse(await storedProgress(second));
  const attempts = stored.attempts.map((e) => e.value).sort((a, b) => a.finished_at - b.finished_at);
  assert.equal(attempts.length, 2, 'both tabs\' quizzes are kept');
  assert.deepEqual(attempts.map((a) => a.score.correct), [10, 5]);
  await first.bringToFront();
  await first.getByRole('button', { name: 'Back to home' }).click();
  await first.getByText(/Last score\s*5 out of 10/).waitFor();
  await first.getByText(/Best score\s*10 out of 10/).waitFor();
  await context.close();
});

test('flip card answers feed the same spaced review', async () => {
  const { context, page } = await phone({ seed: 71 });
  await page.goto(`${suite.server.url}?view=flip&card=aims`);
  await page.getByText('Card 1 of 3').waitFor();
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: 'Show the answer' }).click();
    await page.getByRole('button', { name: 'Not yet' }).click();
  }
  await page.getByText('You knew 0 of 3.').waitFor();
  await page.waitForFunction((key) => Object.keys(JSON.parse(localStorage.getItem(key) ?? '{"progress":{"items":{}}}').progress.items).length === 3, PROGRESS_KEY);
  const stored = JSON.parse(await storedProgress(page));
  assert.deepEqual(Object.keys(stored.progress.items).sort(), ['flip-aims-0', 'flip-aims-1', 'flip-aims-2']);
  assert.ok(Object.values(stored.progress.items).every((item) => item.wrong === 1 && item.due > item.last));
  await context.close();
});

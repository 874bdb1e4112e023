// Inputs from the outside world: links after a trip through chat apps and
// e-mail, one session's debrief however its title was typed or mangled,
// dates across clock changes and time zones (Playwright's clock and
// timezoneId), and a backup from a phone whose clock was fast.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PHONE, sharedServerAndBrowser, untilApp, watchedPage } from './support/browser.mjs';
import { currentQuestion, openApp, playQuiz, seedRandomness, storeBeforeFirstPage } from './support/quiz-player.mjs';

const suite = sharedServerAndBrowser();
const PROGRESS_KEY = 'safeguarding-check:progress';
const scratch = mkdtempSync(join(tmpdir(), 'outside-world-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A phone: `timezoneId` and a clock started at `time` (time then flows), with
 * `stored` saved before the first page runs.
 */
async function phone({ seed = 21, timezoneId, time, stored } = {}) {
  const context = await suite.browser.newContext({ viewport: PHONE, ...(timezoneId ? { timezoneId } : {}) });
  await seedRandomness(context, seed);
  if (time !== undefined) await context.clock.install({ time });
  if (stored !== undefined) {
    await storeBeforeFirstPage(context, PROGRESS_KEY, stored);
  }
  const watched = await watchedPage(context, new URL(suite.server.url).origin);
  return { context, ...watched };
}

const stored = (page) => page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);

/** Makes a practice link of `count` questions on the trainer screen; returns it and the debrief's address. */
async function makeLink(page, title, count = '5') {
  await page.goto(`${suite.server.url}?view=trainer`);
  await page.getByLabel('Number of questions').selectOption(count);
  await page.getByLabel('Title (optional)').fill(title);
  await page.getByRole('button', { name: 'Make the quiz link' }).click();
  const link = await page.getByLabel('The quiz link', { exact: true }).inputValue();
  const debrief = new URL(await page.getByRole('link', { name: 'Open the debrief' }).getAttribute('href'), suite.server.url).href;
  return { link, debrief };
}

test('a trainer\'s link survives what chat and e-mail apps do to it, and the address is tidied', async () => {
  const trainer = await phone();
  const { link } = await makeLink(trainer.page, 'Church hall');
  await trainer.context.close();
  // One of each thing other software does to a link. Every spelling of each
  // (`&#038;`, `?utm_…` after the query, a zero-width space, quotes…) is read
  // natively, in src/quiz/links/query.rs and tests/native/link_properties.rs; this
  // checks the app's wiring: the same quiz opens, and the address is tidied.
  const manglings = [
    `${link}&fbclid=IwAR3xYz_abc-123&utm_source=newsletter`,
    // WordPress writes &#038;: the browser takes the rest for the fragment.
    link.replaceAll('&', '&#038;'),
    `${link}).`,
  ];
  const firstQuestion = async (url) => {
    const { context, page, problems } = await phone({ seed: 77 });
    await page.goto(url);
    await page.getByRole('heading', { name: 'Church hall' }).waitFor();
    // The page before the app shows the landing too; the app tidies the address.
    await untilApp(page);
    assert.equal(await page.getByText(/damaged or incomplete|did not work/).count(), 0, url);
    assert.equal(page.url(), link, `the address is tidied: ${url}`);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    const question = await currentQuestion(page);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
    return question.id;
  };
  const expected = await firstQuestion(link);
  for (const mangled of manglings) {
    assert.equal(await firstQuestion(mangled), expected, `the same quiz: ${mangled}`);
  }
});

test('a trainer\'s link cut anywhere in its last 60 characters is refused with a plain message, before and after the app arrives', async () => {
  const trainer = await phone();
  await trainer.page.goto(`${suite.server.url}?view=trainer`);
  // An assessment with a refresher: its link ends "&pass=80&refresh=12".
  await trainer.page.getByLabel(/^Assessment/).check();
  await trainer.page.getByLabel('Title (optional)').fill('Church hall');
  await trainer.page.getByRole('button', { name: 'Make the quiz link' }).click();
  const link = await trainer.page.getByLabel('The quiz link', { exact: true }).inputValue();
  await trainer.context.close();
  assert.match(link, /\?view=trainer-quiz&c=[0-9a-f]{8}&title=/);
  const { context, page, problems } = await phone();
  for (let cut = 1; cut <= 60; cut++) {
    const url = link.slice(0, -cut);
    await page.goto(url);
    // The page before the app shows no landing for it...
    assert.equal(await page.getByRole('button', { name: 'Start the quiz' }).count(), 0, url);
    // ...and the app says what happened and what to do.
    await page.getByRole('alert').filter({ hasText: 'This link is incomplete. Ask for it again, or scan the QR code.' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Start the quiz' }).count(), 0, url);
  }
  // The whole link still opens.
  await page.goto(link);
  await page.getByRole('button', { name: 'Start the quiz' }).waitFor();
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('the home page and a Learn card\'s link with tracking parameters open where they point', async () => {
  const { context, page } = await phone();
  for (const [url, landed] of [
    [`${suite.server.url}?fbclid=IwAR3xYz`, () => page.getByRole('button', { name: 'Start quick check' })],
    [`${suite.server.url}?utm_source=mail&utm_medium=email.`, () => page.getByRole('button', { name: 'Start quick check' })],
    [`${suite.server.url}?view=learn&amp;card=principle-3&fbclid=abc).`, () => page.getByRole('heading', { level: 2, name: /Principle 3/ })],
  ]) {
    await page.goto(url);
    await landed().waitFor();
    await untilApp(page);
    assert.equal(await page.getByText('That link did not work').count(), 0, url);
    assert.doesNotMatch(page.url(), /fbclid|utm_|amp;|\.$/, 'the address is tidied');
  }
  await context.close();
});

test('one session\'s learners land in one debrief, however its title was typed or mangled', async () => {
  const trainer = await phone({ seed: 31 });
  // Typed with two spaces, as people do.
  const { link, debrief } = await makeLink(trainer.page, 'Team  day');
  const titled = (title) => {
    const url = new URL(link);
    url.searchParams.set('title', title);
    return url.href;
  };
  // One learner opens the link as sent; one a copy whose title gained a full
  // stop; one a copy with the title at the end, as older links had it.
  const older = `${link.replace(/&title=[^&]*/, '')}&title=Team%20day`;
  const results = [];
  for (const [k, url] of [link, titled('Team day.'), older].entries()) {
    const learner = await phone({ seed: 400 + k });
    await learner.page.goto(url);
    await learner.page.getByRole('button', { name: 'Start the quiz' }).click();
    await playQuiz(learner.page, { count: 5, correctly: (n) => n !== k + 1 });
    results.push(await learner.page.getByLabel('Your result link').inputValue());
    await learner.context.close();
  }
  for (const result of results) {
    await trainer.page.goto(result);
    await trainer.page.getByRole('heading', { name: 'Group debrief' }).waitFor();
  }
  // The trainer's own "Open the debrief" shows all three.
  await trainer.page.goto(debrief);
  const figures = await trainer.page.locator('.debrief-figures').innerText();
  assert.match(figures, /Responses\s*3/, figures);
  await trainer.context.close();
});

test('dates stay the day they happened: 00:30 BST on 1 July, seen in December and in New York; the streak survives flying west', async () => {
  // 00:30 in London on 1 July 2026 (BST) is 23:30 UTC on 30 June.
  const london = await phone({ timezoneId: 'Europe/London', time: Date.parse('2026-06-30T23:30:00Z') });
  await openApp(london.page, suite.server.url);
  await london.page.getByRole('button', { name: 'Start quick check' }).click();
  await playQuiz(london.page);
  await london.page.getByRole('button', { name: 'Make a completion record' }).click();
  await london.page.getByLabel('Your name (optional)').fill('Sam Jones');
  await london.page.getByRole('button', { name: 'Save the record' }).click();
  await london.page.getByRole('heading', { name: 'Your completion records' }).waitFor();
  assert.match(await london.page.locator('.certificate').first().innerText(), /Completed\s*1 July 2026/);
  const store = await stored(london.page);
  await london.context.close();

  // An hour later, landed in New York (20:30 on 30 June there): the streak is still there.
  const newYork = await phone({ timezoneId: 'America/New_York', time: Date.parse('2026-07-01T00:30:00Z'), stored: store });
  await newYork.page.goto(`${suite.server.url}?view=progress`);
  await newYork.page.getByText('You have practised 1 day in a row.').waitFor();
  await newYork.context.close();

  // In December, in London (GMT) and in New York: still 1 July.
  for (const timezoneId of ['Europe/London', 'America/New_York']) {
    const later = await phone({ timezoneId, time: Date.parse('2026-12-10T12:00:00Z'), stored: store });
    await later.page.goto(`${suite.server.url}?view=records`);
    assert.match(await later.page.locator('.certificate').first().innerText(), /Completed\s*1 July 2026/, timezoneId);
    await later.page.goto(suite.server.url);
    await later.page.locator('.scores').getByText(/Last score\s*10 out of 10 \(100%\) on 1 July 2026/).waitFor();
    await later.page.goto(`${suite.server.url}?view=progress`);
    await later.page.getByText('Practise today to start a streak.').waitFor();
    await later.context.close();
  }
});

test('a backup from a phone whose clock was 2 days fast is taken in, with a note, and nothing is lost', async () => {
  const DAY = 86_400_000;
  const now = Date.parse('2026-11-20T10:00:00Z');
  const fast = await phone({ timezoneId: 'Europe/London', time: now + 2 * DAY });
  await openApp(fast.page, suite.server.url);
  await fast.page.getByRole('button', { name: 'Start quick check' }).click();
  await playQuiz(fast.page, { correctly: (n) => n <= 7 });
  await fast.page.goto(`${suite.server.url}?view=progress`);
  const [download] = await Promise.all([fast.page.waitForEvent('download'), fast.page.getByRole('button', { name: 'Export my progress' }).click()]);
  const file = join(scratch, 'fast-clock.json');
  writeFileSync(file, readFileSync(await download.path(), 'utf8'));
  await fast.context.close();

  const right = await phone({ timezoneId: 'Europe/London', time: now });
  await right.page.goto(`${suite.server.url}?view=progress`);
  await right.page.getByLabel('Import a backup file').setInputFiles(file);
  const status = right.page.locator('.backup-status');
  await status.getByText('This backup, made on 20 November 2026, has 10 answers, 1 finished quiz and 0 records.').waitFor();
  await status.getByText(/had its clock about 2 days fast, so dates after today were changed to today/).waitFor();
  await right.page.getByRole('button', { name: 'Merge' }).click();
  await status.getByText('The backup was added to your progress.').waitFor();
  await right.page.goto(suite.server.url);
  await right.page.locator('.scores').getByText(/Last score\s*7 out of 10 \(70%\) on 20 November 2026/).waitFor();
  const kept = JSON.parse(await stored(right.page));
  const times = JSON.stringify(kept).match(/"(?:at|finished_at|started_at|made_at)":\d+/g).map((t) => Number(t.split(':')[1]));
  assert.ok(Math.max(...times) <= now + 5 * 60_000, 'no date is left in the future');
  await right.context.close();
});

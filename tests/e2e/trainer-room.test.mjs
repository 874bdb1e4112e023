// The trainer's room and the learner's record (issue #32, in part): a
// returning trainer sees their sessions first, with every debrief one tap
// away; the trainer screen says which device collects results; the
// learner's result QR code comes on screen whole when asked for; files
// offered say what they hold on a shared device; a completion record can be
// made from any finished quiz, at any time, and says how it was made.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, sharedServerAndBrowser, untilApp, watchedPage } from './support/browser.mjs';
import { answer, next } from './support/quiz-player.mjs';
import { prepared, preparedState } from './support/prepared.mjs';
import { axeInLightAndDark } from './support/axe.mjs';

const suite = sharedServerAndBrowser();

async function phone(options = {}) {
  const context = await suite.browser.newContext({ viewport: PHONE, ...options });
  const watched = await watchedPage(context, new URL(suite.server.url).origin);
  return { context, ...watched };
}

/**
 * Makes a session on the trainer screen of `page`, titled `title` if given:
 * its quiz link, the spec part of it (for result links) and its session link.
 */
async function makeSession(page, title) {
  await page.goto(`${suite.server.url}?view=trainer`);
  await untilApp(page);
  if (title) await page.getByLabel('Title (optional)').fill(title);
  await page.getByRole('button', { name: 'Make the quiz link' }).click();
  const link = await page.getByLabel('The quiz link', { exact: true }).inputValue();
  const sessionLink = await page.getByLabel('The session link', { exact: true }).inputValue();
  return { link, spec: new URL(link).search.replace('?view=trainer-quiz', ''), sessionLink };
}

/** True if `a` comes before `b` in the page. */
const before = (page, a, b) =>
  page.evaluate(([a, b]) => Boolean(document.querySelector(a).compareDocumentPosition(document.querySelector(b)) & Node.DOCUMENT_POSITION_FOLLOWING), [a, b]);

test('a returning trainer sees their sessions first, and every debrief one tap away; the screen says which device collects results', async () => {
  const { context, page, problems } = await phone();
  await page.goto(`${suite.server.url}?view=trainer`);
  await untilApp(page);
  assert.equal(await page.locator('#sessions-heading').count(), 0, 'no sessions yet: the form alone');
  await page.getByLabel('Title (optional)').fill('Tuesday');
  await page.getByRole('button', { name: 'Make the quiz link' }).click();
  await page.getByLabel('The quiz link', { exact: true }).waitFor();
  assert.match(await page.locator('.session-panel').innerText(), /A result is collected by the device that scans its QR code or opens its link, and only there\./);

  // The next day: the trainer screen opens on their sessions, above the empty form.
  await page.goto(`${suite.server.url}?view=trainer`);
  await page.locator('#sessions-heading').waitFor();
  assert.ok(await before(page, '#sessions-heading', '#quiz-title'), 'the sessions come before the form');
  assert.match(await page.locator('.session-list').innerText(), /Tuesday/);
  await page.getByRole('link', { name: 'Every debrief on this device' }).click();
  await page.getByRole('heading', { name: 'Group debrief' }).waitFor();
  assert.match(page.url(), /view=debrief/);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('"Show my result to the trainer" brings the whole QR code on screen', async () => {
  const { context, page, problems } = await phone({ viewport: { width: 360, height: 640 } });
  await page.goto(`${suite.server.url}?view=trainer-quiz&title=Room&topics=all&count=1&seed=5&mode=practice&pass=80`);
  await untilApp(page);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await answer(page, { correctly: true });
  await next(page, { last: true });
  await page.getByRole('button', { name: 'Show my result to the trainer' }).click();
  const qr = page.locator('.result-qr');
  await qr.waitFor();
  await page.waitForTimeout(300);
  const box = await qr.boundingBox();
  // (Within a pixel: the page scrolls in whole pixels.)
  assert.ok(box.y >= -1 && box.y + box.height <= 641, `the code is on screen whole: ${JSON.stringify(box)}`);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a file offered says what it may hold on a shared device, and "Clear my data" says saved files stay', async () => {
  const { context, page, problems } = await phone({ acceptDownloads: true });
  await page.goto(`${suite.server.url}?view=progress`);
  await untilApp(page);
  await page.getByRole('button', { name: 'Export my progress' }).click();
  await page.getByText(/on a shared device, delete it from the downloads once it is kept elsewhere\./).waitFor();
  await page.getByRole('button', { name: 'Clear my data' }).click();
  await page.getByText('Files already saved from this app (backups, records, QR codes) are not deleted').waitFor();
  await page.getByRole('button', { name: 'Delete my data' }).click();
  const said = page.getByText('Your data has been deleted from this app on this device. Any files saved from it before are still in the downloads.');
  await said.waitFor();
  // The button pressed is gone: focus is on what happened.
  const text = await said.innerText();
  await page.waitForFunction((text) => document.activeElement?.textContent === text, text, { timeout: 5_000 });
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a completion record can be made later from any finished quiz, from Progress or home, and says how it was made', async () => {
  const { quiz } = prepared('passed-assessment');
  const { context, page, problems } = await phone({ storageState: preparedState(new URL(suite.server.url).origin, 'passed-assessment') });
  // Home's scores lead to every finished quiz.
  await page.goto(suite.server.url);
  await untilApp(page);
  await page.getByRole('link', { name: 'Your finished quizzes, and completion records from them' }).click();
  await page.getByRole('heading', { name: 'Your finished quizzes' }).waitFor();
  const entry = page.locator('.finished-list li').first();
  assert.match(await entry.innerText(), new RegExp(`: ${quiz.score.correct} out of ${quiz.score.total}`));
  await entry.getByRole('link', { name: 'Make a completion record' }).click();
  await page.getByRole('heading', { name: 'Make a completion record' }).waitFor();
  await page.getByLabel('Your name (optional)').fill('Sam Jones');
  await page.getByRole('button', { name: 'Save the record' }).click();
  const certificate = page.locator('.certificate').first();
  await certificate.waitFor();
  const text = await certificate.innerText();
  assert.match(text, /Score\s*\d+ out of \d+ \(\d+%\), passed \(pass mark \d+%\)/, text);
  assert.match(text, /Made by the learner on their own device with Safeguarding Check, which marked the answers given\. No organisation has checked or issued this record/);
  // And back on the results from Progress, the same quiz.
  await page.goto(`${suite.server.url}?view=progress`);
  await page.locator('.finished-list li').first().getByRole('link').first().click();
  await page.getByRole('heading', { name: 'You passed' }).waitFor();
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a session moves to another device by its session link: the same quiz, the same debrief, and present mode there', async () => {
  const phoneDevice = await phone();
  const { link: quizLink, sessionLink } = await makeSession(phoneDevice.page, 'Church hall');
  assert.match(sessionLink, /\?view=session&c=[0-9a-f]{8}&title=Church/);

  // The laptop on the projector: another device, nothing on it yet.
  const laptop = await phone({ viewport: { width: 1280, height: 800 } });
  await laptop.page.goto(sessionLink);
  await untilApp(laptop.page);
  await laptop.page.getByRole('heading', { name: 'Church hall' }).waitFor();
  assert.equal(await laptop.page.getByLabel('The quiz link', { exact: true }).inputValue(), quizLink, 'the same quiz: no new seed');
  assert.equal(new URL(laptop.page.url()).searchParams.get('quiz'), new URL(phoneDevice.page.url()).searchParams.get('quiz'), 'the same session, so one debrief');
  await laptop.page.getByRole('link', { name: 'Show on a projector' }).click();
  await laptop.page.getByText("Scan with your phone's camera").waitFor();
  // Opened twice, still one session.
  await laptop.page.goto(sessionLink);
  await laptop.page.getByRole('heading', { name: 'Church hall' }).waitFor();
  assert.equal(await laptop.page.locator('.session-list li').count(), 1);
  // A cut session link is refused, never opened as another session.
  await laptop.page.goto(sessionLink.slice(0, -3));
  await laptop.page.getByText('That link did not work, so here is the home page.').waitFor();
  assert.deepEqual(phoneDevice.problems.pageErrors, []);
  assert.deepEqual(laptop.problems.pageErrors, []);
  await phoneDevice.context.close();
  await laptop.context.close();
});

test('results collected on two devices come together in one debrief through the backup, none counted twice', async () => {
  const first = await phone({ acceptDownloads: true });
  const { spec, sessionLink } = await makeSession(first.page, 'Two phones');
  const result = (token, missed) => `${suite.server.url}?view=result${spec}&score=${10 - missed.length}&missed=${missed.join('.')}&r=${token}`;
  // Two results scanned on the first phone, two on the second (one of them the same learner's).
  for (const [token, missed] of [['aaaa0001', [0]], ['aaaa0002', [1, 2]]]) {
    await first.page.goto(result(token, missed));
    await first.page.getByText(/result was added to the debrief\./).waitFor();
  }
  const second = await phone();
  await second.page.goto(sessionLink);
  await untilApp(second.page);
  for (const [token, missed] of [['aaaa0002', [1, 2]], ['aaaa0003', []]]) {
    await second.page.goto(result(token, missed));
    await second.page.getByText(/result was added to the debrief\.|already counted/).waitFor();
  }
  await first.page.goto(`${suite.server.url}?view=progress`);
  const [download] = await Promise.all([first.page.waitForEvent('download'), first.page.getByRole('button', { name: 'Export my progress' }).click()]);
  await second.page.goto(`${suite.server.url}?view=progress`);
  await second.page.getByLabel('Import a backup file').setInputFiles(await download.path());
  await second.page.getByRole('button', { name: 'Merge' }).click();
  await second.page.getByText('The backup was added to your progress.').waitFor();
  await second.page.goto(`${suite.server.url}?view=debrief&quiz=${new URL(sessionLink).searchParams.get('c')}`);
  await second.page.locator('.debrief-figures').waitFor();
  assert.match(await second.page.locator('.debrief-figures').innerText(), /Responses\s*3\b/, 'three learners, the one scanned twice counted once');
  assert.deepEqual(first.problems.pageErrors, []);
  assert.deepEqual(second.problems.pageErrors, []);
  await first.context.close();
  await second.context.close();
});

test('the debrief names a scenario question by its scenario, and draws a score nobody got as nothing', async () => {
  const { context, page, problems } = await phone();
  const { spec } = await makeSession(page, 'Scenarios');
  // Every question missed by one learner: each is in "Most missed" or the list of every question.
  await page.goto(`${suite.server.url}?view=result${spec}&score=0&missed=0.1.2.3.4.5.6.7.8.9&r=bbbb0001`);
  await page.locator('.debrief-figures').waitFor();
  const bank = await page.evaluate(async () => (await fetch(document.getElementById('question-bank').getAttribute('href'))).json());
  const scenarios = bank.topics.flatMap((t) => t.questions).filter((q) => q.type === 'scenario');
  const rows = await page.locator('.by-question-prompt').allInnerTexts();
  for (const row of rows.filter((r) => /most clearly\?$/.test(r))) {
    assert.ok(scenarios.some((q) => row.startsWith(q.scenario.split('. ')[0])), `a scenario row starts with its scenario: ${row}`);
  }
  for (const item of await page.locator('ol.missed > li').all()) {
    const prompt = await item.locator('.missed-prompt').innerText();
    if (scenarios.some((q) => q.prompt === prompt)) assert.equal(await item.locator('.missed-scenario').count(), 1, `${prompt} shows its scenario`);
  }
  // Ten rows of the spread, one learner: only the row of 0 right has a bar.
  const widths = await page.locator('.spread-bar rect').evaluateAll((rects) => rects.map((r) => r.getAttribute('width')));
  assert.deepEqual(widths.filter((w) => w !== '0'), ['100']);
  assert.equal(await page.locator('.spread-track').count(), 0);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('the debrief on a projector: at 1080p no text under 24 px, the header hidden, and back as it was', async () => {
  const { context, page, problems } = await phone({ viewport: { width: 1920, height: 1080 }, isMobile: false, hasTouch: false, bypassCSP: true });
  const { spec } = await makeSession(page);
  await page.goto(`${suite.server.url}?view=result${spec}&score=7&missed=1.4.8&r=cccc0001`);
  await page.locator('.debrief-figures').waitFor();
  const smallest = () =>
    page.evaluate(() => {
      const sizes = [...document.querySelectorAll('main *')]
        .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()) && e.getClientRects().length > 0 && !e.closest('.visually-hidden'))
        .map((e) => parseFloat(getComputedStyle(e).fontSize));
      return Math.min(...sizes);
    });
  assert.ok((await smallest()) < 24, 'on a laptop screen the debrief is sized for reading close up');
  await page.getByRole('button', { name: 'Show on the projector' }).click();
  assert.ok((await smallest()) >= 24, `no text under 24 px: ${await smallest()}`);
  assert.equal(await page.locator('.site-header').isVisible(), false, 'the site header is hidden');
  assert.deepEqual(await axeInLightAndDark(page), { light: [], dark: [] }, 'no axe violations in the projector view, light and dark');
  await page.getByRole('button', { name: 'Leave the projector view' }).click();
  assert.equal(await page.locator('.site-header').isVisible(), true);
  // Leaving the screen leaves the projector view too.
  await page.getByRole('button', { name: 'Show on the projector' }).click();
  await page.getByRole('link', { name: 'Run a session' }).last().click();
  await page.getByRole('heading', { name: 'Run a session' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('projecting')), false);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('the session link carries the results collected so far: opened on the laptop, they join its debrief, none counted twice', async () => {
  const phoneDevice = await phone();
  const { spec } = await makeSession(phoneDevice.page, 'Moving results');
  const session = new URL(phoneDevice.page.url()).searchParams.get('quiz');
  const name = 'سارة_O.Neil';
  for (const [token, missed, who] of [['dddd0001', [0], name], ['dddd0002', [1, 2], null]]) {
    await phoneDevice.page.goto(`${suite.server.url}?view=result${who ? `&name=${encodeURIComponent(who)}` : ''}${spec}&score=${10 - missed.length}&missed=${missed.join('.')}&r=${token}`);
    await phoneDevice.page.getByText(/result was added to the debrief\./).waitFor();
  }
  await phoneDevice.page.goto(`${suite.server.url}?view=trainer&quiz=${session}`);
  const withResults = await phoneDevice.page.getByLabel('The session link', { exact: true }).inputValue();
  assert.match(withResults, /&results=2_/);

  const laptop = await phone({ viewport: { width: 1280, height: 800 } });
  await laptop.page.goto(withResults);
  await untilApp(laptop.page);
  await laptop.page.getByText('2 results came with the session: 2 new, 0 already counted here.').waitFor();
  assert.match(await laptop.page.locator('.debrief-figures').innerText(), /Responses\s*2\b/);
  assert.deepEqual(await laptop.page.locator('bdi').allInnerTexts(), [name], 'the name came with its result, whole');
  // Opened again, later, with one more result collected on the phone: only the new one counts.
  await phoneDevice.page.goto(`${suite.server.url}?view=result${spec}&score=10&missed=&r=dddd0003`);
  await phoneDevice.page.getByText(/result was added to the debrief\./).waitFor();
  await phoneDevice.page.goto(`${suite.server.url}?view=trainer&quiz=${session}`);
  const later = await phoneDevice.page.getByLabel('The session link', { exact: true }).inputValue();
  await laptop.page.goto(later);
  await laptop.page.getByText('3 results came with the session: 1 new, 2 already counted here.').waitFor();
  assert.match(await laptop.page.locator('.debrief-figures').innerText(), /Responses\s*3\b/);
  // Cut in the middle of its results: refused, not read as fewer results.
  await laptop.page.goto(later.slice(0, later.indexOf('&results=') + 20));
  await laptop.page.getByText('That link did not work, so here is the home page.').waitFor();
  assert.deepEqual(phoneDevice.problems.pageErrors, []);
  assert.deepEqual(laptop.problems.pageErrors, []);
  await phoneDevice.context.close();
  await laptop.context.close();
});

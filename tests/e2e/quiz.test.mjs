// Plays the real release build in headless Chromium at phone size, by visible
// labels and roles, the way a person would.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from './support/static-server.mjs';
import { ARTIFACTS, DIST, PHONE, assertDistBuilt, launchBrowser, watchedPage } from './support/browser.mjs';

const principles = JSON.parse(
  readFileSync(new URL('../../assets/questions/principles.json', import.meta.url), 'utf8'),
);
const questionByPrompt = new Map(principles.questions.map((q) => [q.prompt, q]));

let server;
let browser;

before(async () => {
  assertDistBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveStatic(DIST);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openApp() {
  const context = await browser.newContext({ viewport: PHONE });
  const origin = new URL(server.url).origin;
  const { page, problems } = await watchedPage(context, origin);
  await page.goto(server.url);
  // The static shell paints first; the Start button only exists once the app runs.
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  return { context, page, problems };
}

/** Answers the question on screen: correctly, or with the first wrong option. */
async function answer(page, { correctly }) {
  const prompt = (await page.locator('fieldset legend').innerText()).trim();
  const question = questionByPrompt.get(prompt);
  assert.ok(question, `the prompt on screen is not in the bank: ${prompt}`);
  const option = question.options.find((o) => Boolean(o.correct) === correctly);
  await page.getByLabel(option.text, { exact: true }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  const status = page.locator('.feedback-region[role=status]');
  await status.getByText(correctly ? 'Correct.' : 'Not quite.').waitFor();
  const feedback = await status.innerText();
  assert.match(feedback, new RegExp(`Source: ${question.source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.ok(feedback.includes(question.explanation), 'the explanation is shown');
  return question;
}

test('a whole quiz at 360 px, by labels, and the score survives a reload', async () => {
  const { context, page, problems } = await openApp();
  await page.screenshot({ path: join(ARTIFACTS, 'home-empty.png') });
  assert.ok(await page.getByText('You have not finished a quiz yet.').isVisible());

  await page.getByRole('button', { name: 'Start quiz' }).click();
  const seen = new Set();
  for (let n = 1; n <= 10; n++) {
    await page.getByText(`Question ${n} of 10`).waitFor();
    // Question 1 is answered wrongly on purpose, the rest correctly.
    const question = await answer(page, { correctly: n !== 1 });
    seen.add(question.id);
    if (n === 1) await page.screenshot({ path: join(ARTIFACTS, 'feedback-wrong.png') });
    const next = page.getByRole('button', { name: n === 10 ? 'See results' : 'Next question' });
    // Focus moves to the next step after checking, for keyboard users.
    await next.waitFor();
    assert.equal(await next.evaluate((el) => el === document.activeElement), true);
    await next.click();
  }
  assert.equal(seen.size, 10, 'ten different questions');

  await page.getByRole('heading', { name: 'You scored 9 out of 10' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'results.png'), fullPage: true });
  await page.getByRole('button', { name: 'Back to home' }).click();
  await page.getByText('9 out of 10 (90%)').first().waitFor();

  await page.reload();
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  const scores = await page.locator('.scores').innerText();
  assert.match(scores, /Last score\s+9 out of 10 \(90%\)/);
  assert.match(scores, /Best score\s+9 out of 10 \(90%\)/);
  await page.screenshot({ path: join(ARTIFACTS, 'home-with-scores.png') });

  const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(noScroll, 'no horizontal scrolling at 360 px');
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
  await context.close();
});

test('checking with no answer shows an error summary that leads to the options', async () => {
  const { context, page, problems } = await openApp();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await page.getByRole('button', { name: 'Check answer' }).click();

  const summary = page.getByRole('alert');
  await summary.getByText('There is a problem').waitFor();
  assert.equal(await summary.evaluate((el) => el === document.activeElement), true, 'the summary takes focus');
  await summary.getByRole('link', { name: 'Select an answer' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'option-0');
  assert.equal(await page.locator('.feedback-region').innerText(), '');
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
  await context.close();
});

test('the quiz can be played with the keyboard alone', async () => {
  const { context, page } = await openApp();
  await page.getByRole('button', { name: 'Start quiz' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText('Question 1 of 10').waitFor();
  // Focus is on the question; Tab reaches the radios, Space picks one, Enter checks.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await page.locator('.feedback-region').getByText(/Correct\.|Not quite\./).waitFor();
  await page.keyboard.press('Enter');
  await page.getByText('Question 2 of 10').waitFor();
  await context.close();
});

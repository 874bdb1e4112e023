// Plays the real release build in headless Chromium at phone size, by visible
// labels and roles, the way a person would.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { answer, next, openApp as open, seedRandomness } from './support/quiz-player.mjs';
import { ARTIFACTS, PHONE, sharedServerAndBrowser, watchedPage } from './support/browser.mjs';

const suite = sharedServerAndBrowser();

async function openApp() {
  const context = await suite.browser.newContext({ viewport: PHONE });
  // Repeatable quizzes, so a failure can be replayed.
  await seedRandomness(context, 42);
  const origin = new URL(suite.server.url).origin;
  const { page, problems } = await watchedPage(context, origin);
  await open(page, suite.server.url);
  return { context, page, problems };
}

test('a whole quiz at 360 px, by labels, and the score survives a reload', async () => {
  const { context, page, problems } = await openApp();
  await page.screenshot({ path: join(ARTIFACTS, 'home-empty.png') });
  assert.ok(await page.getByText('You have not finished a quiz yet.').isVisible());

  await page.getByRole('button', { name: 'Start quick check' }).click();
  const seen = new Set();
  for (let n = 1; n <= 10; n++) {
    await page.getByText(`Question ${n} of 10`).waitFor();
    // Question 1 is answered wrongly on purpose, the rest correctly.
    const question = await answer(page, { correctly: n !== 1 });
    seen.add(question.id);
    if (n === 1) await page.screenshot({ path: join(ARTIFACTS, 'feedback-wrong.png') });
    // Focus and the screen move to the feedback after checking, not to the spot just tapped.
    await page.waitForFunction(() => document.activeElement?.classList.contains('feedback-verdict'), null, { timeout: 5000 });
    await next(page, { last: n === 10 });
  }
  assert.equal(seen.size, 10, 'ten different questions');

  await page.getByRole('heading', { name: 'You scored 9 out of 10' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'results.png'), fullPage: true });
  await page.getByRole('button', { name: 'Back to home' }).click();
  await page.getByText('9 out of 10 (90%)').first().waitFor();

  await page.reload();
  await page.getByRole('button', { name: 'Start quick check' }).waitFor();
  const scores = await page.locator('.scores').innerText();
  assert.match(scores, /Last score\s+9 out of 10 \(90%\)/);
  assert.match(scores, /Best score\s+9 out of 10 \(90%\)/);
  await page.screenshot({ path: join(ARTIFACTS, 'home-with-scores.png') });

  const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(noScroll, 'no horizontal scrolling at 360 px');
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [], cspViolations: [] });
  await context.close();
});

test('checking with no answer shows an error summary that leads to the options', async () => {
  const { context, page, problems } = await openApp();
  // Principle 6 has only choice questions, so the first one needs a pick.
  await page.getByLabel('Topic', { exact: true }).selectOption('principle-6');
  await page.getByRole('button', { name: 'Practise this topic' }).click();
  await page.getByRole('button', { name: 'Check answer' }).click();

  const summary = page.getByRole('alert');
  await summary.getByText('There is a problem').waitFor();
  assert.equal(await summary.evaluate((el) => el === document.activeElement), true, 'the summary takes focus');
  const link = summary.getByRole('link', { name: /^Select (an answer|at least one answer)$/ });
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'option-0');
  assert.equal(await page.locator('.feedback-region').innerText(), '');
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [], cspViolations: [] });
  await context.close();
});

test('a quiz in progress survives a reload, at the same question with its answers', async () => {
  const { context, page, problems } = await openApp();
  await page.getByRole('button', { name: 'Start quick check' }).click();
  await answer(page, { correctly: true });
  await next(page);
  await page.getByText('Question 2 of 10').waitFor();
  await page.reload();
  await page.getByText('Question 2 of 10').waitFor();
  // Finish it: the first answer still counts.
  for (let n = 2; n <= 10; n++) {
    await page.getByText(`Question ${n} of 10`).waitFor();
    await answer(page, { correctly: true });
    await next(page, { last: n === 10 });
  }
  await page.getByRole('heading', { name: 'You scored 10 out of 10' }).waitFor();
  // A reload (a phone discarding the tab) keeps the results, at their own address.
  assert.match(page.url(), /\?view=results&attempt=[0-9a-f]{16}$/);
  await page.reload();
  await page.getByRole('heading', { name: 'You scored 10 out of 10' }).waitFor();
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('after a saved score the app asks the browser to keep its data, and About shows storage', async () => {
  const context = await suite.browser.newContext({ viewport: PHONE });
  // Count calls to navigator.storage.persist() without changing what it does.
  await context.addInitScript(() => {
    const persist = navigator.storage.persist.bind(navigator.storage);
    window.__persistCalls = 0;
    navigator.storage.persist = () => {
      window.__persistCalls += 1;
      return persist();
    };
  });
  const { page } = await watchedPage(context, new URL(suite.server.url).origin);
  await open(page, suite.server.url);
  assert.equal(await page.evaluate(() => window.__persistCalls), 0, 'nothing asked before anything is saved');
  await page.getByRole('button', { name: 'Start quick check' }).click();
  for (let n = 1; n <= 10; n++) {
    await answer(page, { correctly: n % 2 === 0 });
    await next(page, { last: n === 10 });
  }
  await page.getByRole('heading', { name: 'You scored 5 out of 10' }).waitFor();
  await page.waitForFunction(() => window.__persistCalls === 1);

  await page.getByRole('button', { name: 'Back to home' }).click();
  await page.getByRole('link', { name: 'About this app and your data' }).click();
  await page.getByRole('heading', { name: 'About this app' }).waitFor();
  // What holds the data is local storage (about 5 MB), measured: not the offline copy's quota.
  const said = await page.locator('.storage-estimate').getByText(/^Your data takes about [\d.]+ (bytes|KB|MB) of the roughly 5 MB a browser keeps for one site's data\./).innerText();
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('safeguarding-check:')).reduce((sum, k) => sum + 2 * (k.length + localStorage.getItem(k).length), 0),
  );
  const [, figure, unit] = said.match(/about ([\d.]+) (bytes|KB|MB)/);
  const bytes = Number(figure) * { bytes: 1, KB: 1024, MB: 1024 * 1024 }[unit];
  assert.ok(Math.abs(bytes - kept) <= Math.max(1024, kept * 0.1), `${said} (${kept} bytes kept)`);
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  await page
    .locator('.persist-status')
    .getByText(persisted ? "Your browser has agreed to keep this app's data." : /^Your browser may clear this app's data/)
    .waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'about.png'), fullPage: true });
  await context.close();
});

// A trainer's session end to end: the quiz link and its QR code, the same
// quiz on every phone, result links tallied into a debrief, and hostile
// links. Records in print are in trainer-kit.test.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import jsQR from 'jsqr';
import UPNG from 'upng-js';
import { ARTIFACTS, PHONE, sharedServerAndBrowser, watchedPage } from './support/browser.mjs';
import { answer, currentQuestion, next, seedRandomness } from './support/quiz-player.mjs';

const suite = sharedServerAndBrowser();

async function phone(seed, options = {}) {
  const context = await suite.browser.newContext({ viewport: PHONE, ...options });
  await seedRandomness(context, seed);
  const watched = await watchedPage(context, new URL(suite.server.url).origin);
  return { context, ...watched };
}

/** Makes a quiz link on the trainer screen and returns it. */
async function makeLink(page, { title, count = '5', assessment = false, topics = [] }) {
  await page.goto(`${suite.server.url}?view=trainer`);
  for (const topic of topics) await page.getByLabel(topic, { exact: true }).check();
  await page.getByLabel('Number of questions').selectOption(count);
  if (assessment) await page.getByLabel(/^Assessment:/).check();
  await page.getByLabel('Title (optional)').fill(title);
  await page.getByRole('button', { name: 'Make the quiz link' }).click();
  return page.getByLabel('The quiz link', { exact: true }).inputValue();
}

/** The prompts and the option order of the first `n` questions, answering each. */
async function firstQuestions(page, n) {
  const seen = [];
  for (let i = 0; i < n; i++) {
    const question = await currentQuestion(page);
    const options = await page.locator('fieldset .option label, .order-item .order-text, .match-row select').evaluateAll((els) =>
      els.map((e) => (e.tagName === 'SELECT' ? [...e.options].map((o) => o.textContent).join('|') : e.firstChild.textContent)),
    );
    seen.push({ id: question.id, options });
    await answer(page, { correctly: true });
    await next(page);
  }
  return seen;
}

test('two phones opening the same link get the same questions in the same order', async () => {
  const trainer = await phone(1);
  const link = await makeLink(trainer.page, { title: 'Tuesday team', count: '10' });
  const [a, b] = [await phone(101), await phone(202)];
  const seen = [];
  for (const learner of [a, b]) {
    await learner.page.goto(link);
    await learner.page.getByRole('heading', { name: 'Tuesday team' }).waitFor();
    await learner.page.getByRole('button', { name: 'Start the quiz' }).click();
    seen.push(await firstQuestions(learner.page, 3));
  }
  assert.deepEqual(seen[0], seen[1], 'same questions, same option order, whatever the phone');
  for (const c of [trainer, a, b]) await c.context.close();
});

test('the QR code on the trainer screen decodes back to the link', async () => {
  const { context, page, problems } = await phone(2);
  const link = await makeLink(page, { title: 'QR check', topics: ['Principle 3: Always share information'] });
  assert.match(link, /\?view=trainer-quiz&c=[0-9a-f]{8}&title=QR%20check&topics=principle-3&count=5&seed=\d+&mode=practice&pass=80&refresh=12$/);
  const png = await page.locator('.qr-box svg').screenshot();
  const image = UPNG.decode(png);
  const rgba = new Uint8ClampedArray(UPNG.toRGBA8(image)[0]);
  const decoded = jsQR(rgba, image.width, image.height);
  assert.ok(decoded, 'the QR code can be read');
  assert.equal(decoded.data, link);
  await page.screenshot({ path: join(ARTIFACTS, 'trainer-qr.png'), fullPage: true });
  assert.deepEqual(problems.foreignRequests, [], 'the QR code is drawn on the device');
  await context.close();
});

test('three learners\' result links give the trainer the right debrief', async () => {
  const trainer = await phone(3);
  const link = await makeLink(trainer.page, { title: 'Debrief check', count: '5' });
  const results = [];
  // Learner k answers question k+1 wrongly; the first learner also misses question 1.
  const plans = [[0, 1], [2], [1]];
  for (const [k, wrong] of plans.entries()) {
    const learner = await phone(300 + k);
    await learner.page.goto(link);
    await learner.page.getByRole('button', { name: 'Start the quiz' }).click();
    for (let n = 0; n < 5; n++) {
      await answer(learner.page, { correctly: !wrong.includes(n) });
      await next(learner.page, { last: n === 4 });
    }
    await learner.page.getByRole('heading', { name: `You scored ${5 - wrong.length} out of 5` }).waitFor();
    if (k === 0) await learner.page.getByLabel('Your name (optional)').fill('Ali Khan');
    results.push(await learner.page.getByLabel('Your result link').inputValue());
    await learner.context.close();
  }
  for (const result of results) {
    await trainer.page.goto(result);
    await trainer.page.getByRole('heading', { name: 'Group debrief' }).waitFor();
  }
  await trainer.page.getByText('A learner\'s result was added to the debrief.').waitFor();
  // The same link twice counts once.
  await trainer.page.goto(results[1]);
  await trainer.page.getByText('This result was already counted.').waitFor();
  const figures = await trainer.page.locator('.debrief-figures').innerText();
  assert.match(figures, /Responses\s*3/);
  assert.match(figures, /Average score\s*73%/, '(60 + 80 + 80) / 3');
  assert.match(await trainer.page.locator('.debrief').innerText(), /From: Ali Khan/);
  const missed = await trainer.page.locator('.missed-count').allInnerTexts();
  assert.deepEqual(missed, ['Question 2: missed by 2 of 3', 'Question 1: missed by 1 of 3', 'Question 3: missed by 1 of 3']);
  await trainer.page.screenshot({ path: join(ARTIFACTS, 'debrief.png'), fullPage: true });
  await trainer.context.close();
});

test('hostile and broken links give a clear message, never a broken page', async () => {
  const { context, page, problems } = await phone(4);
  const base = `${suite.server.url}?view=trainer-quiz&topics=all&count=10&seed=1&mode=practice&pass=80`;
  const cases = [
    [base.replace('count=10', 'count=0'), /a question count this app cannot use/],
    [base.replace('count=10', 'count=999999999999'), /a question count this app cannot use/],
    [base.replace('pass=80', 'pass=-5'), /a pass mark this app cannot use/],
    [base.replace('topics=all', 'topics=principle-99'), /asks for a topic this app does not have/],
    [base.replace('topics=all', 'topics=<img%20src=x%20onerror=alert(1)>'), /damaged or incomplete/],
    [`${base}&title=${'A'.repeat(10_000)}`, /too long to be one of ours/],
    [`${suite.server.url}?view=result&topics=all&count=3&seed=1&mode=practice&pass=80&score=9&missed=&r=abcdef12`, /result link has a score this app cannot use/],
  ];
  for (const [link, message] of cases) {
    await page.goto(link);
    await page.getByText(message).waitFor();
  }
  // A title with markup is shown as text, never run.
  await page.goto(`${base}&title=${encodeURIComponent('<img src=x onerror="window.hacked=1">Team')}`);
  await page.getByRole('heading', { name: '<img src=x onerror="window.hacked=1">Team' }).waitFor();
  assert.equal(await page.evaluate(() => window.hacked), undefined);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

// Every question type, at 360 px, with the keyboard alone: each answered right
// once and wrong once, with the feedback read from the live region. Plus the
// error messages of the types that need typing or choosing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, PHONE, sharedServerAndBrowser, watchedPage } from './support/browser.mjs';
import { answer, answerByKeyboard, choicesOnScreen, currentQuestion, next, openApp, seedRandomness, settled, sweepStarts } from './support/quiz-player.mjs';

const TYPES = ['single', 'multi', 'true_false', 'order', 'match', 'numeric', 'scenario'];

const suite = sharedServerAndBrowser();

async function phone(seed) {
  const context = await suite.browser.newContext({ viewport: PHONE });
  await seedRandomness(context, seed);
  const watched = await watchedPage(context, new URL(suite.server.url).origin);
  return { context, ...watched };
}

async function practise(page, topicId) {
  await page.getByLabel('Topic', { exact: true }).selectOption(topicId);
  await page.getByRole('button', { name: 'Practise this topic' }).click();
  await page.getByText(/^Question 1 of \d+$/).waitFor();
}

/** From the feedback (focus moves there after checking), Tab to Next and press Enter. */
async function nextByKeyboard(page) {
  // Focus moves to the feedback in the frame after it is drawn.
  await page.waitForFunction(() => document.activeElement?.classList.contains('feedback-verdict'), null, { timeout: 5000 });
  for (let presses = 0; presses < 5; presses++) {
    if (await page.evaluate(() => /^(Next question|See results)$/.test(document.activeElement?.textContent ?? ''))) break;
    await page.keyboard.press('Tab');
  }
  assert.ok(await page.evaluate(() => /^(Next question|See results)$/.test(document.activeElement?.textContent ?? '')), 'Next is a few Tabs on');
  await settled(page);
  await page.keyboard.press('Enter');
}

test('every question type, right and wrong, with the keyboard alone', async () => {
  const { context, page, problems } = await phone(1234);
  await openApp(page, suite.server.url);
  const needed = new Set(TYPES.flatMap((t) => [`${t}:right`, `${t}:wrong`]));
  const shots = new Set();
  // Until every type has been answered both ways.
  const starts = sweepStarts(page, (topic) => practise(page, topic), 8);
  for (const start of starts) {
    if (needed.size === 0) break;
    await page.getByRole('button', { name: 'Start quick check' }).waitFor();
    await start();
    const total = Number((await page.locator('.question-count').innerText()).match(/of (\d+)/)[1]);
    for (let n = 1; n <= total; n++) {
      await page.getByText(`Question ${n} of ${total}`).waitFor();
      const question = await currentQuestion(page);
      // A new question starts blank: nothing left over from the last one,
      // even where the app reuses the same controls (two match questions in a row).
      assert.deepEqual(await page.evaluate(choicesOnScreen), [], `${question.id} starts with nothing chosen`);
      // Answer right until that is done for this type, then wrong once.
      const correctly = needed.has(`${question.type}:right`) || !needed.has(`${question.type}:wrong`);
      const { feedback } = await answerByKeyboard(page, { correctly });
      needed.delete(`${question.type}:${correctly ? 'right' : 'wrong'}`);
      if (!shots.has(question.type)) {
        shots.add(question.type);
        await page.screenshot({ path: join(ARTIFACTS, `type-${question.type}-feedback.png`), fullPage: true });
      }
      assert.ok(feedback.length > 0);
      const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      assert.ok(fits, `${question.id} (${question.type}) fits 360 px with no sideways scrolling`);
      await nextByKeyboard(page);
    }
    await page.getByRole('heading', { name: /^You scored \d+ out of \d+$/ }).waitFor();
    await page.getByRole('button', { name: 'Back to home' }).focus();
    await page.keyboard.press('Enter');
  }
  assert.deepEqual([...needed], [], 'every type was answered right and wrong');
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [], cspViolations: [] });
  await context.close();
});

/**
 * Practises `topic` (or, with none, plays quick checks) until a question of
 * `type` is on screen. A question that teaches several facts at once (order,
 * match) is rarely drawn in a short topic quiz, so those come from quick checks.
 */
async function untilType(page, topic, type) {
  for (let attempt = 0; attempt < 8; attempt++) {
    if (topic) await practise(page, topic);
    else {
      await page.getByRole('button', { name: 'Start quick check' }).click();
      await page.getByText(/^Question 1 of \d+$/).waitFor();
    }
    for (;;) {
      if ((await currentQuestion(page)).type === type) return;
      await answer(page, { correctly: true });
      const last = (await page.getByRole('button', { name: 'See results' }).count()) > 0;
      await next(page, { last });
      if (last) {
        await page.getByRole('button', { name: 'Back to home' }).click();
        break;
      }
    }
  }
  throw new Error(`no ${type} question in ${topic}`);
}

const summaryText = (page) => page.getByRole('alert').innerText();

test('a number that is not a whole number gets a plain error, then can be fixed', async () => {
  const { context, page } = await phone(99);
  await openApp(page, suite.server.url);
  await untilType(page, 'national-picture', 'numeric');
  const question = await currentQuestion(page);
  const input = page.getByLabel(/^Your answer/);
  await settled(page);
  const notWhole = 'Enter a whole number, like 25: the figures in this course have no decimal places';
  for (const [typed, message] of [
    ['', 'Enter a number'],
    ['forty', 'Enter a number using digits, like 25'],
    ['4.5', notWhole],
    // A decimal comma is a decimal comma: never 45, never 126.
    ['4,5', notWhole],
    ['12,6', notWhole],
    ['1.000', 'Enter the number without a full stop, like 1000'],
    ['99999999999999999999999', 'Enter a number no bigger than 1,000,000'],
  ]) {
    await input.fill(typed);
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByRole('alert').getByText(message).waitFor();
    assert.match(await summaryText(page), new RegExp(message));
    assert.equal(await page.locator('#answer-error').textContent(), `Error: ${message}`);
  }
  await page.getByRole('alert').getByRole('link').click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'number-answer');
  // Typed on a Japanese or Chinese keyboard: full-width digits and per cent sign.
  const fullWidth = String(question.answer).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  await input.fill(`${fullWidth}${question.unit === '%' ? '\uFF05' : ''}`);
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.locator('.feedback-region').getByText('Correct.').waitFor();
  assert.equal(await page.getByRole('alert').isHidden(), true, 'the error goes once fixed');
  await context.close();
});

test('a match question with a gap says which item still needs a match', async () => {
  const { context, page } = await phone(7);
  await openApp(page, suite.server.url);
  await untilType(page, null, 'match');
  const question = await currentQuestion(page);
  await settled(page);
  await page.getByLabel(question.pairs[0].left, { exact: true }).selectOption({ label: question.pairs[0].right });
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.getByRole('alert').getByText('Choose a match for every item').waitFor();
  await page.getByRole('alert').getByRole('link').click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'match-1', 'the link goes to the first empty one');
  await page.screenshot({ path: join(ARTIFACTS, 'match-error.png'), fullPage: true });
  await context.close();
});

test('the order buttons announce each move and keep focus on the item', async () => {
  const { context, page } = await phone(5);
  await openApp(page, suite.server.url);
  await untilType(page, null, 'order');
  const items = await page.locator('.order-item .order-text').allInnerTexts();
  const second = items[1];
  await settled(page);
  await page.getByRole('button', { name: `Up: move ${second} up`, exact: true }).click();
  const announced = page.locator('.order-list + [role=status]');
  await announced.getByText(`${second}: now 1 of ${items.length}`).waitFor();
  assert.equal(await page.locator('.order-item .order-text').first().innerText(), second);
  // At the top its Up button is disabled, so focus moves to its Down button
  // (once the list has been re-drawn).
  await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, `Down: move ${second} down`);
  const sizes = await page.locator('.order-button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height));
  assert.ok(sizes.every((h) => h >= 44), `order buttons are at least 44 px tall (${sizes})`);
  await context.close();
});

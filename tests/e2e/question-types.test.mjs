// Every question type, at 360 px, with the keyboard alone: each answered right
// once and wrong once, with the feedback read from the live region. (The
// error messages of the types that need typing or choosing are checked in the
// component tests, tests/browser.rs.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, PHONE, sharedServerAndBrowser, untilApp, watchedPage } from './support/browser.mjs';
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
  // The page before the app shows home too; choosing a topic is the app's.
  await untilApp(page);
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

// Checked in the component tests (tests/browser.rs), mounted over a prepared
// store in seconds: a number that is not a whole number (every message, and the
// summary's link to the box), a match with a gap, and the order buttons'
// announcement and focus. The buttons' 44 px is checked on every screen in
// accessibility.test.mjs.

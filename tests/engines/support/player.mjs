// Plays the quiz in Firefox or WebKit through the interface in engines.mjs:
// reads the screen in the page, finds the question in the bank (through the
// Chromium suite's quiz-player.mjs), and answers it right or wrong with the
// engine's own pointer and keys.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS } from '../../e2e/support/browser.mjs';
import { allowsSeveral, choicesOnScreen, plan, questionOnScreen } from '../../e2e/support/quiz-player.mjs';

/** What the quiz screen shows, read in the page. */
export const readScreen = () => {
  const text = (e) => e.firstChild?.textContent ?? '';
  const scenario = document.querySelector('#scenario-text p:not(.scenario-label)');
  return {
    count: document.querySelector('.question-count')?.textContent.trim() ?? null,
    prompt: document.querySelector('fieldset legend')?.textContent.trim() ?? null,
    scenario: scenario ? scenario.textContent.trim() : undefined,
    offered: [...document.querySelectorAll('fieldset .option label, .order-item .order-text, .match-row label')].map(text),
    order: [...document.querySelectorAll('.order-item .order-text')].map(text),
    labels: [...document.querySelectorAll('fieldset .option label')].map(text),
  };
};

/**
 * Waits out the quiz's guard against double taps: for half a second after it
 * moves on, its buttons ignore taps (the screen carries `data-settling`).
 */
export async function settled(browser) {
  await browser.waitFor(() => !document.querySelector('.quiz-screen[data-settling]'), [], 'the quiz to settle');
}

/** Waits until the quiz shows "Question n of total" and has settled (it ignores taps for half a second after moving on). */
export async function untilQuestion(browser, n, total) {
  await browser.waitForText('.question-count', `Question ${n} of ${total}`);
  await settled(browser);
}

/**
 * Answers the question on screen, right or wrong, with the engine's own
 * pointer and keys, checks the feedback in the live region, and returns the
 * question.
 */
export async function answer(browser, correctly) {
  const screen = await browser.run(readScreen);
  const question = questionOnScreen(screen);
  // A new question starts blank: nothing left over from the last one.
  assert.deepEqual(await browser.run(choicesOnScreen), [], `${question.id} starts with nothing chosen`);
  const want = plan(question, correctly);
  if (want.choose) {
    for (const text of want.choose) await browser.click(`#option-${screen.labels.indexOf(text)}`);
  } else if (want.number !== undefined) {
    await browser.type('#number-answer', String(want.number));
  } else if (want.matches) {
    const lefts = screen.offered;
    for (const [left, right] of want.matches) await browser.selectLabel(`#match-${lefts.indexOf(left)}`, right);
  } else if (want.order) {
    for (let place = 0; place < want.order.length; place++) {
      const item = want.order[place];
      for (;;) {
        const at = (await browser.run(readScreen)).order.indexOf(item);
        if (at <= place) break;
        await browser.click(`button[aria-label="Up: move ${item.replace(/"/g, '\\"')} up"]`);
        await browser.waitFor((item, at) => [...document.querySelectorAll('.order-item .order-text')].findIndex((e) => e.firstChild.textContent === item) < at, [item, at]);
      }
    }
  }
  if (allowsSeveral(question)) {
    const ticked = await browser.run(() => [...document.querySelectorAll('fieldset input:checked')].length);
    assert.equal(ticked, want.choose.length, `${question.id}: each tap ticked one box`);
  }
  await settled(browser);
  await browser.click('form button[type=submit]');
  const verdict = correctly ? 'Correct.' : 'Not quite.';
  const feedback = await browser
    .waitFor(
      (verdict) => {
        const region = document.querySelector('.feedback-region[role=status]');
        return region?.textContent.includes(verdict) ? region.textContent : null;
      },
      [verdict],
      `"${verdict}" in the live region for ${question.id}`,
    )
    .catch(async (error) => {
      // What the screen shows beside what the app kept: the kept draft is
      // how a select showing a choice the app did not have was found.
      writeFileSync(join(ARTIFACTS, `${browser.name}-no-feedback-${question.id}.png`), await browser.screenshot());
      const region = await browser.run(() => document.querySelector('.feedback-region[role=status]')?.textContent);
      const shown = await browser.run(() => [...document.querySelectorAll('fieldset input:checked, fieldset select')].map((i) => `${i.id}=${i.value}`));
      const kept = await browser.run(() => Object.values(localStorage).map((v) => v.match(/"draft".{0,200}/)?.[0]).filter(Boolean));
      throw new Error(`${error.message}; the region reads ${JSON.stringify(region)}; shown ${shown}; kept ${kept}; wanted ${JSON.stringify(want)}`);
    });
  assert.ok(feedback.includes(question.explanation), `${question.id}: the explanation is read out`);
  assert.ok(feedback.includes(`Source: ${question.source}`), `${question.id}: the source is read out`);
  if (!correctly && question.type === 'numeric') assert.ok(feedback.includes(`The figure is ${question.answer}${question.unit}.`), feedback);
  return question;
}

/** Moves on from feedback. */
export async function next(browser, last) {
  await settled(browser);
  await browser.clickText('button', last ? 'See results' : 'Next question');
}


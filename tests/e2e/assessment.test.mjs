// An assessment keeps its secret until it is submitted (issue #15): nothing on
// the page, in the DOM, in the live region, in any accessible name or in
// stored progress says whether an answer is right. Then "Check your answers"
// lets the person change any answer before submitting, as GOV.UK services do.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, PHONE, sharedServerAndBrowser, watchedPage } from './support/browser.mjs';
import { answer, currentQuestion, openApp, playAssessment, seedRandomness, settled } from './support/quiz-player.mjs';
import { axeViolations } from './support/axe.mjs';

const suite = sharedServerAndBrowser();
const STORE_KEY = 'safeguarding-check:progress';

/** Words and marks that would say an answer is right or wrong. None is in the bank's own text (checked below). */
const VERDICT_WORDS = [
  'Correct.', 'Not quite', 'Correct answer', 'Right place', 'Not here', 'Not right', 'Close:', 'The answer is',
  'The figure is', 'The right answers are', 'The right order is', 'The right matches are', 'You had ', 'You judged', 'in the right place', 'matches were right', 'You scored',
  'You passed', 'Not passed', 'you chose',
];
const VERDICT_CLASSES = [
  'is-answer', 'is-wrong-choice', 'tag-answer', 'tag-chosen', 'feedback-right', 'feedback-wrong', 'feedback-close',
  'answer-right', 'answer-missed', 'panel-passed', 'panel-not-passed', 'match-correction',
];

async function phone(seed) {
  // axe is injected as a script, which the app's CSP would (rightly) refuse.
  const context = await suite.browser.newContext({ viewport: PHONE, bypassCSP: true });
  await seedRandomness(context, seed);
  const { page, problems } = await watchedPage(context, new URL(suite.server.url).origin);
  return { context, page, problems };
}

const storedAnswers = (page) =>
  page.evaluate((key) => Object.keys(JSON.parse(localStorage.getItem(key) ?? '{"progress":{"items":{}}}').progress.items).length, STORE_KEY);

/** Everything a person, a screen reader or the DOM could learn on this screen, checked for any verdict. */
async function assertKeepsItsSecret(page, where) {
  const text = await page.locator('body').innerText();
  const names = await page.locator('body').ariaSnapshot();
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  for (const word of VERDICT_WORDS) {
    assert.ok(!text.includes(word), `${where}: the page says "${word}"`);
    assert.ok(!names.includes(word), `${where}: an accessible name says "${word}"`);
  }
  for (const name of VERDICT_CLASSES) {
    assert.ok(!new RegExp(`class="[^"]*\\b${name}\\b`).test(html), `${where}: an element has the class ${name}`);
  }
  // Values and ids go by where things are shown, not by the bank's order (in
  // which the right option is often first and the right order is the list).
  const positional = await page.evaluate(() => ({
    options: [...document.querySelectorAll('fieldset .option input')].every((e, i) => e.value === String(i)),
    matches: [...document.querySelectorAll('.match-row select')].every((s) => [...s.options].slice(1).every((o, i) => o.value === String(i))),
    order: [...document.querySelectorAll('.order-item')].every((li, i) => li.querySelector('[id^="move-up-"]')?.id === `move-up-${i}`),
  }));
  assert.deepEqual(positional, { options: true, matches: true, order: true }, `${where}: values and ids follow the screen`);
  const live = await page.evaluate(() =>
    [...document.querySelectorAll('[aria-live], [role=status], [role=alert]')]
      .filter((e) => e.checkVisibility())
      .map((e) => e.innerText.trim())
      .join(' ')
      .trim(),
  );
  assert.match(live, /^(|Your answer to question \d+ is saved\.)$/, `${where}: the live regions say only that an answer is saved`);
  assert.deepEqual(await axeViolations(page), [], `${where}: axe`);
  assert.equal(await storedAnswers(page), 0, `${where}: no answer is marked into progress before submitting`);
}

test('the bank itself uses none of the verdict words, so the secrecy check can fail only on a leak', async () => {
  const { TOPICS } = await import('./support/quiz-player.mjs');
  for (const question of TOPICS.flatMap((t) => t.questions)) {
    const shown = [question.prompt, question.scenario ?? '', ...(question.options ?? []).map((o) => o.text), ...(question.items ?? []).map((i) => i.text),
      ...(question.pairs ?? []).flatMap((p) => [p.left, p.right])].join(' ');
    for (const word of VERDICT_WORDS) assert.ok(!shown.includes(word), `${question.id} shows "${word}"`);
  }
});

test('a 20-question assessment shows no right or wrong until it is submitted, then marks it all', async () => {
  const { context, page, problems } = await phone(41);
  await openApp(page, suite.server.url);
  await page.getByRole('button', { name: 'Full assessment' }).click();
  await page.getByText('Question 1 of 20').waitFor();
  await assertKeepsItsSecret(page, 'question 1, before answering');
  const questions = await playAssessment(page, {
    // Right for 15, wrong for 5: a mix, so a leak of either kind would show.
    correctly: (n) => n % 4 !== 0,
    onSaved: async (n) => {
      if (n < 20) {
        await page.getByText(`Question ${n + 1} of 20`).waitFor();
        assert.equal(await page.locator('.feedback-region').innerText(), `Your answer to question ${n} is saved.`);
      }
      await assertKeepsItsSecret(page, n < 20 ? `after saving question ${n}` : 'check your answers');
    },
  });
  assert.equal(questions.length, 20);
  // Submitted: now, and only now, the marks.
  await page.getByRole('heading', { name: 'Not passed this time' }).waitFor();
  await page.getByText('You scored 15 out of 20 (75%). The pass mark is 80%.').waitFor();
  assert.equal(await page.locator('.answer-list details[open]').count(), 5, 'the five missed answers are open');
  assert.equal(await page.locator('.answer-list details:not([open])').count(), 15, 'the right ones are closed');
  assert.equal(await storedAnswers(page), 20, 'all twenty answers count for spaced review once submitted');
  await page.screenshot({ path: join(ARTIFACTS, 'assessment-not-passed.png') });
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('"Check your answers" changes an answer, and the change is what is marked', async () => {
  const link = `${suite.server.url}?view=trainer-quiz&topics=national-picture.characteristics.principle-1.principle-3.section-11&count=5&seed=77&mode=assessment&pass=80&title=Team%20check`;
  const second = await phone(42);
  await second.page.goto(link);
  await second.page.getByRole('button', { name: 'Start the quiz' }).click();
  for (let n = 1; n <= 5; n++) {
    await second.page.getByText(`Question ${n} of 5`).waitFor();
    await answer(second.page, { correctly: n !== 2, deferred: true });
  }
  const check = second.page;
  await check.getByRole('heading', { name: 'Check your answers before you submit' }).waitFor();
  // Still in the quiz: the header stays compact (the check page replaces the
  // question screen, and each holds the compact header).
  assert.equal(await check.locator('.site-tagline').isVisible(), false, 'the check page keeps the header compact');
  const rowsBefore = await check.locator('.summary-row').allInnerTexts();
  assert.equal(rowsBefore.length, 5);
  // Reload on the check page: it is still there.
  await check.reload();
  await check.getByRole('heading', { name: 'Check your answers before you submit' }).waitFor();
  await settled(check);
  await check.getByRole('button', { name: 'Change your answer to question 2' }).click();
  await check.getByText('Question 2 of 5').waitFor();
  const question = await currentQuestion(check);
  // The saved answer is there to change, not an empty question.
  if (['single', 'multi', 'true_false', 'scenario'].includes(question.type)) {
    assert.ok((await check.locator('fieldset input:checked').count()) > 0, 'the saved choice is shown');
  }
  await answer(check, { correctly: true, deferred: true });
  // Back to the check page, not on to question 3.
  await check.getByRole('heading', { name: 'Check your answers before you submit' }).waitFor();
  const rowsAfter = await check.locator('.summary-row').allInnerTexts();
  assert.notEqual(rowsAfter[1], rowsBefore[1], 'question 2 shows the new answer');
  assert.deepEqual([rowsAfter[0], ...rowsAfter.slice(2)], [rowsBefore[0], ...rowsBefore.slice(2)], 'the others are unchanged');
  await settled(check);
  await check.getByRole('button', { name: 'Submit your answers' }).click();
  await check.getByRole('heading', { name: 'You passed' }).waitFor();
  await check.getByText('You scored 5 out of 5 (100%). The pass mark is 80%.').waitFor();
  // Back after submitting shows the results, never the answers to change again.
  await check.goBack();
  await check.waitForTimeout(300);
  assert.equal(await check.getByRole('button', { name: /^Change your answer/ }).count(), 0, 'no changes after submitting');
  await check.screenshot({ path: join(ARTIFACTS, 'check-answers-submitted.png') });
  assert.deepEqual(second.problems.pageErrors, []);
  await second.context.close();
});

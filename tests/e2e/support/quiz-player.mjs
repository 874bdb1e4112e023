// Plays the quiz the way a person would, by visible labels and roles, using the
// question bank to know which answer is right.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const questionsDir = new URL('../../../assets/questions/', import.meta.url);
const questionByPrompt = new Map(
  readdirSync(questionsDir)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => JSON.parse(readFileSync(new URL(name, questionsDir), 'utf8')).questions)
    .map((q) => [q.prompt, q]),
);

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Opens the app and waits until it is running (the static shell paints first). */
export async function openApp(page, url) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
}

/** The question on screen, from the bank. */
export async function currentQuestion(page) {
  const prompt = (await page.locator('fieldset legend').innerText()).trim();
  const question = questionByPrompt.get(prompt);
  assert.ok(question, `the prompt on screen is not in the bank: ${prompt}`);
  return question;
}

/** Picks an answer (right or wrong), checks it, and verifies the feedback. */
export async function answer(page, { correctly }) {
  const question = await currentQuestion(page);
  const option = question.options.find((o) => Boolean(o.correct) === correctly);
  await page.getByLabel(option.text, { exact: true }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  const status = page.locator('.feedback-region[role=status]');
  await status.getByText(correctly ? 'Correct.' : 'Not quite.').waitFor();
  const feedback = await status.innerText();
  assert.match(feedback, new RegExp(`Source: ${escapeRegExp(question.source)}`));
  assert.ok(feedback.includes(question.explanation), 'the explanation is shown');
  return question;
}

/** Moves on after feedback. */
export async function next(page, { last = false } = {}) {
  await page.getByRole('button', { name: last ? 'See results' : 'Next question' }).click();
}

/** Plays a whole 10-question quiz from the home screen, all answers right. */
export async function playWholeQuiz(page) {
  await page.getByRole('button', { name: 'Start quiz' }).click();
  for (let n = 1; n <= 10; n++) {
    await page.getByText(`Question ${n} of 10`).waitFor();
    await answer(page, { correctly: true });
    await next(page, { last: n === 10 });
  }
  await page.getByRole('heading', { name: 'You scored 10 out of 10' }).waitFor();
}

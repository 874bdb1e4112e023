// Plays the quiz the way a person would: by visible labels and roles with a
// pointer, or with the keyboard alone. It reads the question bank to know
// which answer is right.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { untilApp } from './browser.mjs';

const questionsDir = new URL('../../../assets/questions/', import.meta.url);
export const TOPICS = readdirSync(questionsDir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(new URL(name, questionsDir), 'utf8')));

/**
 * A question is known on screen by its scenario (if any), its prompt, and the
 * things it offers (options, items to order, or items to match), sorted.
 */
const keyOf = (scenario, prompt, offered) => [scenario ?? '', prompt, ...[...offered].sort()].join('|');
const offeredIn = (q) => q.options?.map((o) => o.text) ?? q.items?.map((i) => i.text) ?? q.pairs?.map((p) => p.left) ?? [];
const questionByKey = new Map();
for (const question of TOPICS.flatMap((t) => t.questions)) {
  const key = keyOf(question.scenario, question.prompt, offeredIn(question));
  assert.ok(!questionByKey.has(key), `two questions look the same on screen: ${key}`);
  questionByKey.set(key, question);
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const allowsSeveral = (q) => q.type === 'multi' || (q.type === 'scenario' && q.options.filter((o) => o.correct).length > 1);

/**
 * Waits out the quiz's guard against double taps: for half a second after the
 * quiz moves on, its buttons ignore taps (the quiz carries `data-settling`).
 * A person never notices; a test clicking at machine speed would.
 */
export async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('.quiz-screen[data-settling]'));
}

/**
 * Opens the app and waits until it is running: the page before the app
 * already shows home (issue #30), and its buttons are replaced when the app
 * takes over, so a test of the app waits for the takeover (`untilApp`).
 */
export async function openApp(page, url) {
  await page.goto(url);
  await untilApp(page);
  await page.getByRole('button', { name: 'Start quick check' }).waitFor();
}

/** The question on screen, from the bank. */
export async function currentQuestion(page) {
  const prompt = (await page.locator('fieldset legend').innerText()).trim();
  const scenarioBox = page.locator('#scenario-text p:not(.scenario-label)');
  const scenario = (await scenarioBox.count()) ? (await scenarioBox.innerText()).trim() : undefined;
  const offered = await page
    .locator('fieldset .option label, .order-item .order-text, .match-row label')
    .evaluateAll((elements) => elements.map((e) => e.firstChild.textContent));
  return questionOnScreen({ scenario, prompt, offered });
}

/**
 * The bank's question for what a screen shows: its scenario (or undefined),
 * its prompt, and the texts it offers (options, items to order or to match).
 * Shared with the Firefox and WebKit suite, which reads the screen its own way.
 */
export function questionOnScreen({ scenario, prompt, offered }) {
  const isTrueFalse = offered.length === 2 && offered[0] === 'True' && offered[1] === 'False';
  const question = questionByKey.get(keyOf(scenario, prompt, isTrueFalse ? [] : offered));
  assert.ok(question, `the question on screen is not in the bank: ${prompt}`);
  return question;
}

/** The option texts in the order the page shows them. */
const shownLabels = (page) => page.locator('fieldset .option label').evaluateAll((labels) => labels.map((l) => l.firstChild.textContent));
const shownOrder = (page) => page.locator('.order-item .order-text').evaluateAll((items) => items.map((i) => i.firstChild.textContent));

/**
 * Run in the page: the controls of the question on screen that already hold
 * a choice (ticked boxes, chosen drop-downs, a typed figure), as "id=value".
 * A new question must have none.
 */
export const choicesOnScreen = () =>
  [...document.querySelectorAll('fieldset input:checked, fieldset select, #number-answer')]
    .filter((e) => (e.type === 'radio' || e.type === 'checkbox' ? e.checked : e.value !== ''))
    .map((e) => `${e.id}=${e.value}`);

/** What to pick for a question, right or wrong, in the bank's own terms. */
export function plan(question, correctly) {
  switch (question.type) {
    case 'true_false':
      return { choose: [correctly === question.answer ? 'True' : 'False'] };
    case 'numeric':
      return { number: correctly ? question.answer : question.answer + question.close_within + 10 };
    case 'match': {
      const rights = question.pairs.map((p) => p.right);
      // Wrong: every left gets the next pair's right.
      return { matches: question.pairs.map((p, i) => [p.left, correctly ? p.right : rights[(i + 1) % rights.length]]) };
    }
    case 'order':
      // The app never starts in the right order, so leaving it is a wrong answer.
      return { order: correctly ? question.items.map((i) => i.text) : null };
    default: {
      const right = question.options.filter((o) => o.correct).map((o) => o.text);
      const wrong = question.options.find((o) => !o.correct).text;
      return { choose: correctly ? (allowsSeveral(question) ? right : [right[0]]) : [wrong] };
    }
  }
}

/** Checks that the live region holds the verdict, the explanation and the source. */
async function expectFeedback(page, question, correctly) {
  const status = page.locator('.feedback-region[role=status]');
  await status.getByText(correctly ? 'Correct.' : 'Not quite.').waitFor();
  const feedback = await status.innerText();
  assert.match(feedback, new RegExp(`Source: ${escapeRegExp(question.source)}`));
  assert.ok(feedback.includes(question.explanation), `the explanation is shown for ${question.id}`);
  if (!correctly && question.type === 'numeric') {
    assert.ok(feedback.includes(`The figure is ${question.answer}${question.unit}.`), feedback);
  }
  return feedback;
}

/**
 * Answers the question on screen with a pointer, by labels, then checks the
 * feedback (or, in a full assessment, that the answer was saved).
 */
export async function answer(page, { correctly, deferred = false }) {
  await settled(page);
  const question = await currentQuestion(page);
  const want = plan(question, correctly);
  if (want.choose) {
    for (const text of want.choose) await page.getByLabel(text, { exact: true }).check();
  } else if (want.number !== undefined) {
    await page.getByLabel(/^Your answer/).fill(String(want.number));
  } else if (want.matches) {
    for (const [left, right] of want.matches) await page.getByLabel(left, { exact: true }).selectOption({ label: right });
  } else if (want.order) {
    for (let place = 0; place < want.order.length; place++) {
      const text = want.order[place];
      while ((await shownOrder(page)).indexOf(text) > place) {
        await page.getByRole('button', { name: `Up: move ${text} up`, exact: true }).click();
      }
    }
  }
  await settled(page);
  if (deferred) {
    const before = await page.locator('.question-count').innerText();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    // On to the next question (with a neutral note in the live region), or to checking the answers.
    await page.waitForFunction(
      (before) => document.querySelector('#check-heading') || document.querySelector('.question-count')?.innerText !== before,
      before,
    );
  } else {
    await page.getByRole('button', { name: 'Check answer' }).click();
    await expectFeedback(page, question, correctly);
  }
  return question;
}

/**
 * Plays an assessment already started, saving each answer (right when
 * `correctly(n)` for question n, counting from 1), then submits on the
 * check-your-answers page. Returns the questions in order.
 */
export async function playAssessment(page, { count = 20, correctly = () => true, onSaved = async () => {} } = {}) {
  const questions = [];
  for (let n = 1; n <= count; n++) {
    await page.getByText(`Question ${n} of ${count}`).waitFor();
    questions.push(await answer(page, { correctly: correctly(n), deferred: true }));
    await onSaved(n);
  }
  await page.getByRole('heading', { name: 'Check your answers before you submit' }).waitFor();
  await settled(page);
  await page.getByRole('button', { name: 'Submit your answers' }).click();
  return questions;
}

/** Presses Tab until `isThere(document.activeElement)` holds in the page. */
async function tabTo(page, isThere, arg) {
  for (let presses = 0; presses < 60; presses++) {
    if (await page.evaluate(isThere, arg)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the element (${isThere})`);
}

/** For `tabTo`: is the focused element one matching the selector? */
const focusMatches = (selector) => document.activeElement?.matches(selector) ?? false;

/** Answers the question on screen with the keyboard alone, then checks the feedback. */
export async function answerByKeyboard(page, { correctly }) {
  await settled(page);
  const question = await currentQuestion(page);
  const want = plan(question, correctly);
  if (want.choose) {
    const labels = await shownLabels(page);
    const several = allowsSeveral(question) || question.type === 'multi';
    if (several) {
      for (const text of want.choose) {
        const id = `option-${labels.indexOf(text)}`;
        await tabTo(page, (id) => document.activeElement?.id === id, id);
        await page.keyboard.press('Space');
      }
    } else {
      // A radio group is one Tab stop; the arrow keys move through it and select.
      await tabTo(page, focusMatches, 'fieldset input[type=radio]');
      const target = labels.indexOf(want.choose[0]);
      if (target === 0) await page.keyboard.press('Space');
      for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    }
  } else if (want.number !== undefined) {
    await tabTo(page, focusMatches, '#number-answer');
    await page.keyboard.type(String(want.number));
  } else if (want.matches) {
    for (const [index, [, right]] of want.matches.entries()) {
      const id = `match-${index}`;
      await tabTo(page, (id) => document.activeElement?.id === id, id);
      const options = await page.locator(`#${id} option`).allInnerTexts();
      const target = options.indexOf(right);
      // A native closed select moves to the next option on each Down arrow. A
      // styled one (appearance: base-select, so a long match wraps) opens its
      // list on the first, as a listbox does: then Down to the option, and Enter.
      await page.keyboard.press('ArrowDown');
      if (await page.evaluate((id) => document.getElementById(id).matches(':open'), id)) {
        for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
      } else {
        for (let i = 1; i < target; i++) await page.keyboard.press('ArrowDown');
      }
    }
  } else if (want.order) {
    for (let place = 0; place < want.order.length; place++) {
      const text = want.order[place];
      const up = `Up: move ${text} up`;
      let at = (await shownOrder(page)).indexOf(text);
      if (at > place) await tabTo(page, (label) => document.activeElement?.getAttribute('aria-label') === label, up);
      // Focus stays on the moved item's button, so Enter moves it again.
      while (at > place) {
        await page.keyboard.press('Enter');
        await page.waitForFunction(([t, was]) => [...document.querySelectorAll('.order-item .order-text')].findIndex((e) => e.firstChild.textContent === t) < was, [text, at]);
        at -= 1;
        // The app puts focus back on the moved item's button once it has re-drawn the list.
        await page.waitForFunction((t) => (document.activeElement?.getAttribute('aria-label') ?? '').endsWith(`move ${t} up`) || (document.activeElement?.getAttribute('aria-label') ?? '').endsWith(`move ${t} down`), text);
      }
    }
  }
  await tabTo(page, focusMatches, 'form button[type=submit]');
  await settled(page);
  await page.keyboard.press('Enter');
  return { question, feedback: await expectFeedback(page, question, correctly) };
}

/** Moves on after feedback. */
export async function next(page, { last = false } = {}) {
  await settled(page);
  await page.getByRole('button', { name: last ? 'See results' : 'Next question' }).click();
}

/**
 * Plays a quiz already on its first question to its results: `count`
 * questions, right when `correctly(n)` for question n, counting from 1.
 */
export async function playQuiz(page, { count = 10, correctly = () => true } = {}) {
  for (let n = 1; n <= count; n++) {
    await page.getByText(`Question ${n} of ${count}`).waitFor();
    await answer(page, { correctly: correctly(n) });
    await next(page, { last: n === count });
  }
  await page.getByRole('heading', { name: /^You scored/ }).waitFor();
}

/** Plays a whole 10-question quiz from the home screen, all answers right. */
export async function playWholeQuiz(page) {
  await page.getByRole('button', { name: 'Start quick check' }).click();
  await playQuiz(page);
  await page.getByRole('heading', { name: 'You scored 10 out of 10' }).waitFor();
}

/**
 * Ways to start quizzes for a sweep over every question type: `quickChecks`
 * quick checks first (every type comes up in a few, and order and match,
 * which teach several facts at once, are rarely drawn in a short topic quiz),
 * then each topic through `practise(topicId)`. Each waits for question 1.
 */
export function sweepStarts(page, practise, quickChecks) {
  return [
    ...Array.from({ length: quickChecks }, () => async () => {
      await page.getByRole('button', { name: 'Start quick check' }).click();
      await page.getByText(/^Question 1 of \d+$/).waitFor();
    }),
    ...TOPICS.map((topic) => () => practise(topic.id)),
  ];
}

/** Makes Math.random repeatable in every page of `context`, so quizzes are too. */
export async function seedRandomness(context, seed) {
  await context.addInitScript((seed) => {
    let state = seed >>> 0;
    Math.random = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }, seed);
}

/**
 * Saves `value` under `key` in local storage before the first page of
 * `context` runs, once per tab (a reload keeps what the app saved since).
 */
export async function storeBeforeFirstPage(context, key, value) {
  await context.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, [key, value]);
}

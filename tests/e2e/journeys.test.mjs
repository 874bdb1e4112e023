// Journeys across the places where features meet: reload, Back, Forward and
// a second tab, on every screen that holds data (question, feedback,
// results, record form, records, debrief, progress), plus the ten cases of
// issue #14. Nothing may be lost, and no screen may show a result that was
// not earned.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PHONE, sharedServerAndBrowser, untilApp, watchedPage } from './support/browser.mjs';
import { answer, currentQuestion, next, settled } from './support/quiz-player.mjs';
import { prepared, preparedState } from './support/prepared.mjs';

const STORE_KEY = 'safeguarding-check:progress';
const suite = sharedServerAndBrowser();
const QUIZ_URL = /\?view=quiz&quiz=[0-9a-f]{16}$/;
const RESULTS_URL = /\?view=results&attempt=[0-9a-f]{16}$/;
const RECORD_URL = /\?view=record&attempt=[0-9a-f]{16}$/;

/**
 * A phone (one browser profile); `tab()` opens another tab of it, sharing its
 * storage. `store` names a prepared store it starts with (support/prepared.mjs).
 */
async function phone({ store } = {}) {
  const origin = new URL(suite.server.url).origin;
  const context = await suite.browser.newContext({ viewport: PHONE, ...(store ? { storageState: preparedState(origin, store) } : {}) });
  const tab = async (path = '') => {
    const watched = await watchedPage(context, origin);
    await watched.page.goto(suite.server.url + path);
    await watched.page.locator('main, body').first().waitFor();
    return watched;
  };
  return { context, tab };
}

/** Opens the results of attempt `id` and waits for them. */
async function results(page, id) {
  await page.goto(`${suite.server.url}?view=results&attempt=${id}`);
  await page.locator('#results-heading').waitFor();
}

/** Opens home and waits for the app to run. */
async function home(page) {
  await page.goto(suite.server.url);
  // The page before the app shows home too (issue #30): wait for the app itself.
  await untilApp(page);
  await page.getByRole('button', { name: 'Start quick check' }).waitFor();
}

/** Starts a quick check from home and waits for question 1. */
async function startQuick(page) {
  await page.getByRole('button', { name: 'Start quick check' }).click();
  await page.getByText('Question 1 of 10').waitFor();
}

/** Answers the questions on screen up to (not including) question `stop`, or to the end. */
async function playTo(page, stop, right = () => true) {
  for (;;) {
    const [, n, total] = (await page.locator('.question-count').innerText()).match(/Question (\d+) of (\d+)/).map(Number);
    if (n === stop) {
      // The person takes in the new question before tapping (the quiz ignores taps just after it moves on).
      await settled(page);
      return;
    }
    await answer(page, { correctly: right(n) });
    await next(page, { last: n === total });
    if (n === total) {
      await page.getByRole('heading', { name: /^You scored \d+ out of \d+$/ }).waitFor();
      return;
    }
    await page.getByText(`Question ${n + 1} of ${total}`).waitFor();
  }
}

const scoreHeading = (page) => page.locator('#results-heading').innerText();
const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), STORE_KEY);
const liveRecords = (store) => (store?.records ?? []).filter((e) => e.value);

/** Makes a completion record for the results on screen, with reflections. */
async function makeRecord(page, learnt) {
  await page.getByRole('button', { name: 'Make a completion record' }).click();
  await page.getByRole('heading', { name: 'Make a completion record' }).waitFor();
  await page.getByLabel('What I learnt').fill(learnt);
  await page.getByRole('button', { name: 'Save the record' }).click();
  await page.getByRole('heading', { name: 'Your completion records' }).waitFor();
}

/** Clears all data from the progress screen of `page`. */
async function clearMyData(page) {
  await page.goto(`${suite.server.url}?view=progress`);
  await page.getByRole('button', { name: 'Clear my data' }).click();
  await page.getByRole('button', { name: 'Delete my data' }).click();
  await page.getByText('Your data has been deleted from this app on this device.').waitFor();
}

function assertClean(problems) {
  assert.deepEqual(problems.pageErrors, [], 'no uncaught errors');
  assert.deepEqual(problems.consoleErrors, [], 'no console errors');
}

// ---- The question and feedback screens

test('question: a pick, reload, Back and Forward keep the question, the pick and the answers so far', async () => {
  const { context, tab } = await phone();
  const { page, problems } = await tab();
  await startQuick(page);
  await playTo(page, 3);
  const url = page.url();
  assert.match(url, QUIZ_URL);
  const prompt = await page.locator('fieldset legend').innerText();
  // Pick something without checking it (a radio, a box, or a number).
  const question = await currentQuestion(page);
  let pick;
  if (question.options) {
    pick = question.options[0].text;
    await page.getByLabel(pick, { exact: true }).check();
  } else if (question.type === 'true_false') {
    pick = 'True';
    await page.getByLabel('True', { exact: true }).check();
  } else if (question.type === 'numeric') {
    await page.getByLabel(/^Your answer/).fill('12');
  }
  const isPicked = async () => {
    if (pick) return page.getByLabel(pick, { exact: true }).isChecked();
    if (question.type === 'numeric') return (await page.getByLabel(/^Your answer/).inputValue()) === '12';
    return true;
  };

  await page.reload();
  await page.getByText('Question 3 of 10').waitFor();
  assert.equal(await page.locator('fieldset legend').innerText(), prompt);
  assert.ok(await isPicked(), 'the pick survives a reload');

  await page.goBack();
  await page.getByRole('button', { name: 'Continue your quiz' }).waitFor();
  assert.match(await page.locator('.in-progress').innerText(), /Quick check, question 3 of 10/);
  await page.goForward();
  await page.getByText('Question 3 of 10').waitFor();
  assert.equal(page.url(), url);
  assert.ok(await isPicked(), 'the pick survives Back then Forward');

  // The two answers given count at the end.
  await playTo(page, null);
  assert.equal(await scoreHeading(page), 'You scored 10 out of 10');
  assertClean(problems);
  await context.close();
});

test('feedback: reload, Back and Forward show the same feedback again, not a fresh question', async () => {
  const { context, tab } = await phone();
  const { page, problems } = await tab();
  await startQuick(page);
  await answer(page, { correctly: false });
  const feedback = await page.locator('.feedback-region').innerText();
  assert.match(feedback, /^Not quite\./);
  for (const move of ['reload', 'back-forward']) {
    if (move === 'reload') await page.reload();
    else {
      await page.goBack();
      await page.getByRole('button', { name: 'Continue your quiz' }).waitFor();
      await page.goForward();
    }
    await page.getByRole('button', { name: 'Next question' }).waitFor();
    assert.equal(await page.locator('.feedback-region').innerText(), feedback, `after ${move}`);
  }
  assertClean(problems);
  await context.close();
});

// ---- Results

test('results: reload, Back and Forward show exactly that attempt, with its result link and record', async () => {
  const { context, tab } = await phone();
  const { page, problems } = await tab();
  await page.goto(`${suite.server.url}?view=trainer-quiz&topics=all&count=5&seed=3&mode=practice&pass=80`);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await playTo(page, null, (n) => n !== 2);
  assert.match(page.url(), RESULTS_URL);
  const heading = await scoreHeading(page);
  assert.equal(heading, 'You scored 4 out of 5');
  const link = await page.locator('#result-link').inputValue();

  // A phone discarding the tab while the learner opens a chat app.
  await page.reload();
  await page.locator('#results-heading').waitFor();
  assert.equal(await scoreHeading(page), heading);
  assert.equal(await page.locator('#result-link').inputValue(), link, 'the same result link, so it is counted once');
  assert.ok(await page.getByRole('button', { name: 'Make a completion record' }).isVisible());

  // Back goes to where the quiz began, which points to the result earned;
  // Forward comes back to the same results.
  await page.goBack();
  await page.getByRole('button', { name: 'Start the quiz' }).waitFor();
  await page.getByText('You finished this quiz on this device: 4 out of 5.').waitFor();
  await page.goForward();
  await page.locator('#results-heading').waitFor();
  assert.equal(await scoreHeading(page), heading);
  assertClean(problems);
  await context.close();
});

test('case 2: Back from the next quiz shows the earlier results, never a score built from the new quiz', async () => {
  // A quick check finished with the last three of ten missed.
  const { quiz } = prepared('finished-quick-check');
  const { context, tab } = await phone({ store: 'finished-quick-check' });
  const { page, problems } = await tab();
  await results(page, quiz.id);
  assert.equal(await scoreHeading(page), 'You scored 7 out of 10');
  const resultsUrl = page.url();

  await page.getByRole('button', { name: 'Start another quick check' }).click();
  await page.getByText('Question 1 of 10').waitFor();
  const secondQuiz = page.url();
  await answer(page, { correctly: true });
  await next(page);
  await page.getByText('Question 2 of 10').waitFor();

  await page.goBack();
  await page.locator('#results-heading').waitFor();
  assert.equal(page.url(), resultsUrl);
  assert.equal(await scoreHeading(page), 'You scored 7 out of 10');
  assert.equal(await page.locator('.answer-list > li').count(), 10, 'the first quiz\'s ten answers');
  assert.equal(await page.locator('.answer-list details[open]').count(), 3, 'its three missed answers');

  // Forward returns to the new quiz where it was, its first answer kept.
  await page.goForward();
  await page.getByText('Question 2 of 10').waitFor();
  assert.equal(page.url(), secondQuiz);
  assertClean(problems);
  await context.close();
});

// ---- Record form and records

test('case 7: reflections survive Back then Forward, a reload, and another tab saving a record', async () => {
  // A quick check finished: this tab makes its record while another tab plays a quiz and makes its own.
  const { quiz } = prepared('finished-quick-check');
  const { context, tab } = await phone({ store: 'finished-quick-check' });
  const { page, problems } = await tab();
  await results(page, quiz.id);
  await page.getByRole('button', { name: 'Make a completion record' }).click();
  await page.getByLabel('What I learnt').fill('Record the reasons for decisions.');
  await page.getByLabel('How it will change my practice').fill('I will share early.');
  assert.match(page.url(), RECORD_URL);

  await page.goBack();
  await page.locator('#results-heading').waitFor();
  await page.goForward();
  await page.getByRole('heading', { name: 'Make a completion record' }).waitFor();
  assert.equal(await page.getByLabel('What I learnt').inputValue(), 'Record the reasons for decisions.');
  assert.equal(await page.getByLabel('How it will change my practice').inputValue(), 'I will share early.');

  await page.reload();
  await page.getByRole('heading', { name: 'Make a completion record' }).waitFor();
  assert.equal(await page.getByLabel('What I learnt').inputValue(), 'Record the reasons for decisions.');

  // Another tab finishes a quiz and saves its own record meanwhile.
  const other = await tab();
  await startQuick(other.page);
  await playTo(other.page, null);
  await makeRecord(other.page, 'From the other tab.');
  assert.equal(await page.getByLabel('What I learnt').inputValue(), 'Record the reasons for decisions.', 'this tab\'s words stay');

  await page.getByRole('button', { name: 'Save the record' }).click();
  await page.getByRole('heading', { name: 'Your completion records' }).waitFor();
  await page.getByText('Record the reasons for decisions.').waitFor();
  await page.getByText('From the other tab.').waitFor();
  assertClean(problems);
  await context.close();
});

test('case 3: two tabs each save a record, and both are kept and shown in both', async () => {
  const { first, second } = prepared('two-quick-checks');
  const { context, tab } = await phone({ store: 'two-quick-checks' });
  const a = await tab();
  const b = await tab();
  await results(a.page, first.id);
  await results(b.page, second.id);
  await makeRecord(a.page, 'Tab A learnt this.');
  await makeRecord(b.page, 'Tab B learnt this.');
  for (const { page } of [a, b]) {
    await page.getByText('Tab A learnt this.').waitFor();
    await page.getByText('Tab B learnt this.').waitFor();
  }
  assert.equal(liveRecords(await stored(a.page)).length, 2);
  await a.page.reload();
  await a.page.getByText('Tab B learnt this.').waitFor();
  assertClean(a.problems);
  assertClean(b.problems);
  await context.close();
});

test('case 9: deleting a record can be undone, and a stale tab does not bring it back', async () => {
  const { quiz } = prepared('finished-quick-check');
  const { context, tab } = await phone({ store: 'finished-quick-check' });
  const { page, problems } = await tab();
  await results(page, quiz.id);
  await makeRecord(page, 'Keep me, maybe.');
  const stale = await tab('?view=records');
  await stale.page.getByText('Keep me, maybe.').waitFor();

  await page.getByRole('button', { name: 'Delete this record' }).click();
  await page.getByText('The record was deleted.').waitFor();
  await page.getByText('No records yet.').waitFor();
  await stale.page.getByText('No records yet.').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByText('Keep me, maybe.').waitFor();
  await stale.page.getByText('Keep me, maybe.').waitFor();

  // Deleted again, then the other tab saves something of its own: the record stays deleted.
  await page.getByRole('button', { name: 'Delete this record' }).click();
  await stale.page.getByText('No records yet.').waitFor();
  await stale.page.goto(suite.server.url);
  await startQuick(stale.page);
  await answer(stale.page, { correctly: true });
  await stale.page.waitForTimeout(300);
  assert.equal(liveRecords(await stored(page)).length, 0);
  await page.reload();
  await page.getByText('No records yet.').waitFor();
  assertClean(problems);
  await context.close();
});

// ---- Clear my data on a shared device

test('case 5: "Clear my data" empties every open tab at once, and no tab writes the data back', async () => {
  const { quiz } = prepared('finished-quick-check');
  const { context, tab } = await phone({ store: 'finished-quick-check' });
  const { page, problems } = await tab();
  await results(page, quiz.id);
  await makeRecord(page, 'Sam Jones was here.');
  // Tab A shows the records; tab B is part-way through a quiz; tab C shows progress.
  const quizTab = await tab();
  await startQuick(quizTab.page);
  await answer(quizTab.page, { correctly: true });
  const progressTab = await tab('?view=progress');
  await progressTab.page.getByText('You have practised 1 day in a row.').waitFor();

  const clearing = await tab();
  await clearMyData(clearing.page);

  await page.getByText('No records yet.').waitFor();
  assert.equal(await page.getByText('Sam Jones was here.').count(), 0, 'the last person\'s words are gone from the screen');
  await quizTab.page.getByRole('heading', { name: 'Not found on this device' }).waitFor();
  await progressTab.page.getByText('Practise today to start a streak.').waitFor();

  // The tab that had the records in memory saves something new: they stay gone.
  await page.goto(suite.server.url);
  await page.getByText('You have not finished a quiz yet.').waitFor();
  await startQuick(page);
  await answer(page, { correctly: true });
  await page.waitForTimeout(300);
  const after = await stored(page);
  assert.equal(liveRecords(after).length, 0);
  assert.equal((after.attempts ?? []).filter((e) => e.value).length, 0, 'no old attempt came back');
  assert.equal(Object.keys(after.progress.items).length, 1, 'only the answer given since');
  assertClean(problems);
  await context.close();
});

test('clear my data says what it deletes before it does', async () => {
  const { context, tab } = await phone();
  const { page, problems } = await tab('?view=progress');
  await page.getByRole('button', { name: 'Clear my data' }).click();
  const warning = await page.locator('.backup-step').innerText();
  for (const what of ['progress', 'completion records', 'debriefs and sessions', 'every tab', 'Files already saved from this app']) {
    assert.ok(warning.includes(what), `it names ${what}: ${warning}`);
  }
  await page.getByRole('button', { name: 'Cancel' }).click();
  // The button pressed is gone: focus goes back to what opened the step, not to the page.
  // (After the next frame, once the step is gone.)
  await page.waitForFunction(() => document.activeElement?.textContent === 'Clear my data', null, { timeout: 5_000 });
  assertClean(problems);
  await context.close();
});

// ---- Quizzes in progress across tabs, and starting while one is in progress

test('case 4: a quiz in one tab survives another tab finishing a trainer\'s quiz', async () => {
  const { context, tab } = await phone();
  const a = await tab();
  await startQuick(a.page);
  await playTo(a.page, 4);
  const quizA = a.page.url();

  const b = await tab('?view=trainer-quiz&topics=all&count=5&seed=9&mode=practice&pass=80');
  await b.page.getByRole('button', { name: 'Start the quiz' }).click();
  // Tab B is asked first, naming tab A's quiz, and starts the new one.
  await b.page.getByRole('heading', { name: 'You have a quiz in progress' }).waitFor();
  assert.match(await b.page.locator('.in-progress-name').innerText(), /Quick check, question 4 of 10/);
  await b.page.getByRole('button', { name: 'Start the new one' }).click();
  await b.page.getByText('Question 1 of 5').waitFor();
  await playTo(b.page, null);

  await a.page.reload();
  await a.page.getByText('Question 4 of 10').waitFor();
  assert.equal(a.page.url(), quizA);
  await home(a.page);
  await a.page.getByRole('button', { name: 'Continue your quiz' }).waitFor();
  assertClean(a.problems);
  assertClean(b.problems);
  await context.close();
});

test('case 6: every way to start a quiz asks first while one is in progress, and Continue goes back to it', async () => {
  const { context, tab } = await phone();
  const { page, problems } = await tab();
  await startQuick(page);
  await playTo(page, 2);
  const inProgress = page.url();
  const starts = [
    ['home: Start quick check', async () => { await home(page); await page.getByRole('button', { name: 'Start quick check' }).click(); }],
    ['home: Full assessment', async () => { await home(page); await page.getByRole('button', { name: 'Full assessment' }).click(); }],
    ['home: Practise this topic', async () => {
      await home(page);
      await page.locator('#topic').selectOption('principle-3');
      await page.getByRole('button', { name: 'Practise this topic' }).click();
    }],
    ['a Learn card: Check yourself on this', async () => {
      await page.goto(`${suite.server.url}?view=learn&card=principle-3`);
      await page.getByRole('button', { name: 'Check yourself on this' }).click();
    }],
    ['a trainer\'s link', async () => {
      await page.goto(`${suite.server.url}?view=trainer-quiz&topics=all&count=5&seed=4&mode=practice&pass=80`);
      await page.getByRole('button', { name: 'Start the quiz' }).click();
    }],
  ];
  for (const [how, start] of starts) {
    await start();
    await page.getByRole('heading', { name: 'You have a quiz in progress' }).waitFor();
    assert.match(await page.locator('.in-progress-name').innerText(), /^Quick check, question 2 of 10$/, how);
    await page.getByRole('button', { name: 'Continue it' }).click();
    await page.getByText('Question 2 of 10').waitFor();
    assert.equal(page.url(), inProgress, how);
  }
  // "Start the new one" starts it, and the first quiz is still there to finish.
  await home(page);
  await page.getByRole('button', { name: 'Full assessment' }).click();
  await page.getByRole('button', { name: 'Start the new one' }).click();
  await page.getByText('Question 1 of 20').waitFor();
  await home(page);
  assert.equal(await page.getByRole('button', { name: 'Continue your quiz' }).count(), 2);
  assertClean(problems);
  await context.close();
});

test('case 8: Back during a trainer\'s quiz offers Continue, and Forward keeps the drop-down picks', async () => {
  const { context, tab } = await phone();
  // Every question of Principle 5, one of which is a match question.
  const { page, problems } = await tab('?view=trainer-quiz&topics=principle-5&count=20&seed=5&mode=practice&pass=80');
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  // Answer until the match question comes up.
  let question;
  for (let n = 1; ; n++) {
    await page.getByText(`Question ${n} of `).waitFor();
    question = await currentQuestion(page);
    const total = Number((await page.locator('.question-count').innerText()).match(/of (\d+)/)[1]);
    if (question.type === 'match' || n === total) break;
    await answer(page, { correctly: true });
    await next(page);
  }
  assert.equal(question.type, 'match', 'the seed gives a match question');
  const at = await page.locator('.question-count').innerText();
  const [first] = question.pairs;
  await page.getByLabel(first.left, { exact: true }).selectOption({ label: first.right });

  await page.goBack();
  await page.getByRole('button', { name: 'Continue the quiz' }).waitFor();
  assert.match(await page.locator('main, body').first().innerText(), new RegExp(`part-way through this quiz: ${at.replace('Question', 'question')}`));
  await page.goForward();
  await page.getByText(at).waitFor();
  const picked = await page.getByLabel(first.left, { exact: true }).evaluate((select) => select.options[select.selectedIndex].text);
  assert.equal(picked, first.right, 'the pick is still there after Forward');

  await page.goBack();
  await page.getByRole('button', { name: 'Continue the quiz' }).click();
  await page.getByText(at).waitFor();
  assertClean(problems);
  await context.close();
});

// ---- Debrief and progress

test('debrief: reload, Back and Forward keep it; another tab\'s result appears; clearing can be undone', async () => {
  const { context, tab } = await phone();
  const result = (token, score, missed) =>
    `?view=result&topics=all&count=3&seed=1&mode=practice&pass=80&score=${score}&missed=${missed}&r=${token}`;
  const { page, problems } = await tab(result('aaaaaaa1', 2, '1'));
  await page.getByText('result was added to the debrief').waitFor();
  const responded = () => page.locator('.debrief-figures div', { hasText: 'Responses' }).locator('dd').innerText();
  assert.equal(await responded(), '1');
  await page.reload();
  await page.locator('.debrief-figures').waitFor();
  assert.equal(await responded(), '1');

  const other = await tab(result('bbbbbbb2', 3, ''));
  await other.page.getByText('result was added to the debrief').waitFor();
  await page.waitForFunction(() => document.querySelector('.debrief-figures dd')?.textContent === '2');

  await page.goto(`${suite.server.url}?view=debrief`);
  await page.getByRole('link', { name: /\(2 results\)/ }).click();
  await page.goBack();
  await page.getByRole('link', { name: /\(2 results\)/ }).waitFor();
  await page.goForward();
  await page.locator('.debrief-figures').waitFor();
  assert.equal(await responded(), '2');

  await page.getByRole('button', { name: 'Clear this debrief' }).click();
  await page.getByText('The debrief was cleared: 2 results removed.').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByText('The debrief is back.').waitFor();
  assert.equal(await responded(), '2');
  assertClean(problems);
  await context.close();
});

test('progress: another tab\'s quiz shows up at once, and a reload keeps it', async () => {
  const { context, tab } = await phone();
  const { page, problems } = await tab('?view=progress');
  await page.getByText('Practise today to start a streak.').waitFor();
  const other = await tab();
  await startQuick(other.page);
  await playTo(other.page, null);
  await page.getByText('You have practised 1 day in a row.').waitFor();
  await page.reload();
  await page.getByText('You have practised 1 day in a row.').waitFor();
  await page.goBack();
  await page.goForward();
  await page.getByText('You have practised 1 day in a row.').waitFor();
  assertClean(problems);
  await context.close();
});

// ---- Data from earlier versions, and hostile files

test('data stored by version 2 is taken in: the quiz in progress, the records, the debrief and the scores', async () => {
  const { context, tab } = await phone();
  const { page, problems } = await tab();
  const now = Date.now();
  const day = Math.floor(now / 86_400_000);
  await page.evaluate(({ now, day }) => {
    localStorage.clear();
    localStorage.setItem('safeguarding-check:progress', JSON.stringify({
      schema_version: 2,
      attempts: [{ at: now - 60_000, mode: 'quick', topic: null, correct: 7, total: 10 }],
      best: { at: now - 60_000, mode: 'quick', topic: null, correct: 7, total: 10 },
      items: {},
      days: [day],
    }));
    localStorage.setItem('safeguarding-check:records', JSON.stringify({
      version: 1,
      records: [{ made_at: now - 30_000, name: 'Old Record', finished_at: now - 60_000, activity: 'Quick check', topics: [],
        correct: 7, total: 10, passed: null, refresher_due_day: day + 365, learnt: 'Kept from version 2.', practice: '', supervision: '' }],
    }));
    localStorage.setItem('safeguarding-check:debrief', JSON.stringify({
      version: 1,
      results: ['?view=result&topics=all&count=3&seed=1&mode=practice&pass=80&score=3&missed=&r=cccccccc'],
    }));
  }, { now, day });
  // A version 2 quiz in progress: the first question of the bank, unanswered.
  const firstQuestion = await page.evaluate(async () => {
    const href = document.getElementById('question-bank').getAttribute('href');
    const bank = await (await fetch(href)).json();
    return bank.topics[0].questions.find((q) => q.type === 'single');
  });
  await page.evaluate((q) => {
    localStorage.setItem('safeguarding-check:quiz-in-progress', JSON.stringify({
      version: 2, mode: 'quick', topic: null, link: null,
      items: [{ id: q.id, order: q.options.map((_, i) => i), response: null }], position: 0, answered: false,
    }));
  }, firstQuestion);

  await page.reload();
  await page.getByRole('button', { name: 'Continue your quiz' }).waitFor();
  assert.match(await page.locator('.scores').innerText(), /7 out of 10/);
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(keys, ['safeguarding-check:progress'], 'the old keys are folded into the one store');
  await page.getByRole('button', { name: 'Continue your quiz' }).click();
  await page.getByText('Question 1 of 1').waitFor();
  await page.goto(`${suite.server.url}?view=records`);
  await page.getByText('Kept from version 2.').waitFor();
  await page.goto(`${suite.server.url}?view=debrief`);
  await page.getByRole('link', { name: /\(1 result\)/ }).waitFor();
  assertClean(problems);
  await context.close();
});

test('case 10: a 2 MB backup of 160,000 keys gets a plain message, and the page stays usable', async () => {
  const { context, tab } = await phone();
  const { page, problems } = await tab('?view=progress');
  const dir = mkdtempSync(join(tmpdir(), 'sc-journeys-'));
  const file = join(dir, 'huge.json');
  const keys = Array.from({ length: 160_000 }, (_, n) => `"k${n}":1`).join(',');
  writeFileSync(file, `{"app":"safeguarding-check","kind":"progress-backup","version":2,"exported_at":1,"store":{${keys}}}`);
  await page.getByLabel('Import a backup file').setInputFiles(file);
  await page.locator('.backup-status').getByText(/damaged|not a progress backup/).waitFor({ timeout: 10_000 });
  // The page still answers a tap.
  await page.getByRole('button', { name: 'Export my progress' }).waitFor();
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  assertClean(problems);
  await context.close();
});

test('the same quiz in two tabs: a pick in one never becomes an answer on the next question in the other', async () => {
  const { context, tab } = await phone();
  const a = await tab();
  await startQuick(a.page);
  const b = await tab(new URL(a.page.url()).search);
  await b.page.getByText('Question 1 of 10').waitFor();
  // B picks something on question 1 without checking it.
  const first = await currentQuestion(b.page);
  if (first.options) await b.page.getByLabel(first.options[0].text, { exact: true }).check();
  else if (first.type === 'true_false') await b.page.getByLabel('True', { exact: true }).check();
  else if (first.type === 'numeric') await b.page.getByLabel(/^Your answer/).fill('7');
  // A answers question 1 and moves on; B follows.
  await answer(a.page, { correctly: true });
  await next(a.page);
  await b.page.getByText('Question 2 of 10').waitFor();
  const picked = await b.page.locator('fieldset input:checked').count();
  const typed = await b.page.locator('#number-answer').count() ? await b.page.locator('#number-answer').inputValue() : '';
  assert.equal(picked, 0, 'nothing is picked on question 2 that nobody chose');
  assert.equal(typed, '');
  // And B can answer question 2 itself.
  await answer(b.page, { correctly: true });
  assertClean(a.problems);
  assertClean(b.problems);
  await context.close();
});

test('"Clear my data" made while the clock was fast does not swallow what is done after the clock is put right', async () => {
  const { context, tab } = await phone();
  const { page, problems } = await tab();
  await startQuick(page);
  await playTo(page, null);
  // The phone's clock runs an hour fast while the data is cleared, then is put right.
  await page.goto(`${suite.server.url}?view=progress`);
  await page.getByRole('button', { name: 'Clear my data' }).waitFor();
  await page.evaluate(() => {
    const real = Date.now.bind(Date);
    Date.now = () => real() + 3_600_000;
  });
  await page.getByRole('button', { name: 'Clear my data' }).click();
  await page.getByRole('button', { name: 'Delete my data' }).click();
  await page.getByText('Your data has been deleted from this app on this device.').waitFor();
  await page.goto(suite.server.url); // a fresh page: the clock is right again
  await startQuick(page);
  await answer(page, { correctly: true });
  await page.waitForTimeout(300);
  const after = await stored(page);
  assert.equal(Object.keys(after.progress.items).length, 1, 'the new answer is kept');
  assert.equal((after.quizzes ?? []).filter((e) => e.value).length, 1, 'and the quiz in progress');
  assertClean(problems);
  await context.close();
});

test('a quiz in progress can be removed from home, with Undo, and Back on the start question stays in the app', async () => {
  const { context, tab } = await phone();
  const { page, problems } = await tab();
  await startQuick(page);
  await playTo(page, 3);
  await home(page);
  // Back on "You have a quiz in progress" closes it, and stays on home.
  await page.getByRole('button', { name: 'Full assessment' }).click();
  await page.getByRole('heading', { name: 'You have a quiz in progress' }).waitFor();
  await page.goBack();
  await page.getByRole('button', { name: 'Continue your quiz' }).waitFor();
  assert.equal(new URL(page.url()).origin, new URL(suite.server.url).origin);

  await page.getByRole('button', { name: 'Remove this quiz: Quick check, question 3 of 10' }).click();
  await page.getByText('Removed: Quick check, question 3 of 10.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Continue your quiz' }).count(), 0);
  // Focus moves to Undo once the list is drawn again, a frame after the removal.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Undo', null, { timeout: 2000 });
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Continue your quiz' }).click();
  await page.getByText('Question 3 of 10').waitFor();
  assertClean(problems);
  await context.close();
});

// Before the app arrives (issue #30): on a line too slow for the wasm, the
// page already works: its home, and the first question of one quick check,
// with its error, feedback and live region, by pointer and keyboard, passing
// axe. When the wasm arrives the app takes that quiz over: the same quiz, the
// answer marked again and counted once, whatever the person did meanwhile
// (moved on, only chose, reloaded, quit, opened a second tab). A trainer's
// link shows its landing, word for word the app's, and a Start tapped before
// the app starts (or continues) that quiz once it is here. The wasm is held
// back at the network until the test releases it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, sharedServerAndBrowser, untilApp, watchedPage } from './support/browser.mjs';
import { answer, next, questionOnScreen, storeBeforeFirstPage } from './support/quiz-player.mjs';
import { LOAD_FAILED } from '../../scripts/start-early.mjs';
import { prepared } from './support/prepared.mjs';
import { axeInLightAndDark } from './support/axe.mjs';

const suite = sharedServerAndBrowser();
const STORE_KEY = 'safeguarding-check:progress';
const EARLY_KEY = 'safeguarding-check:early-start';

/**
 * A phone whose wasm download is held (in every tab) until `release()`.
 * `bypassCSP` only for the axe scans (axe is injected inline).
 */
async function phone({ bypassCSP = false, realTapGuard = false } = {}) {
  const context = await suite.browser.newContext({ viewport: PHONE, bypassCSP, realTapGuard, hasTouch: true });
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await context.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  const watched = await watchedPage(context, new URL(suite.server.url).origin);
  return { context, release, ...watched };
}

const appRunning = (page) => page.evaluate(() => performance.getEntriesByName('app-ready').length === 1);
const stored = (page, key) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);

/** The question on screen, from the bank (by what the page shows, as the player reads it). */
async function questionShown(page) {
  const prompt = (await page.locator('fieldset legend').innerText()).trim();
  const offered = await page.locator('fieldset .option label').evaluateAll((labels) => labels.map((l) => l.firstChild.textContent));
  return questionOnScreen({ scenario: undefined, prompt, offered });
}

/** On the page's home: "Start quick check", the right option, "Check answer", its feedback. Returns the question. */
async function rightOnThePage(page) {
  await page.getByRole('button', { name: 'Start quick check' }).click();
  const first = await questionShown(page);
  await page.getByLabel(optionFor(first, true), { exact: true }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.locator('.feedback-region').getByText('Correct.').waitFor();
  return first;
}

/** The option (shown text) that is right, or one that is wrong. */
function optionFor(question, right) {
  if (question.type === 'true_false') return right === question.answer ? 'True' : 'False';
  return question.options.find((o) => Boolean(o.correct) === right).text;
}

test('before the app arrives: home and the first question work, with their error, feedback and live region, and pass axe', async () => {
  const { context, page, problems } = await phone({ bypassCSP: true });
  await page.goto(suite.server.url);
  await page.getByRole('button', { name: 'Start quick check' }).waitFor();
  assert.equal(await appRunning(page), false, 'the app is still on its way');
  assert.deepEqual(await axeInLightAndDark(page), { light: [], dark: [] }, 'home');
  await page.getByRole('button', { name: 'Start quick check' }).click();
  await page.getByText('Question 1 of 10').waitFor();
  assert.match(page.url(), /\?view=quiz&quiz=[0-9a-f]{16}$/);
  assert.deepEqual(await axeInLightAndDark(page), { light: [], dark: [] }, 'the question');
  // Nothing chosen: the error summary, which takes focus and leads to the options.
  await page.getByRole('button', { name: 'Check answer' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.getByRole('link', { name: 'Select an answer' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
  assert.equal(await page.locator('#answer-error').textContent(), 'Error: Select an answer');
  assert.deepEqual(await axeInLightAndDark(page), { light: [], dark: [] }, 'the error');
  await summary.getByRole('link', { name: 'Select an answer' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'option-0');
  // By keyboard: the arrow keys choose in the radio group, Enter checks.
  const question = await questionShown(page);
  const labels = await page.locator('fieldset .option label').evaluateAll((all) => all.map((l) => l.firstChild.textContent));
  const wrong = labels.indexOf(optionFor(question, false));
  await page.keyboard.press('Space');
  for (let i = 0; i < wrong; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // The feedback arrives in the live region that was there from the start, and takes focus.
  const region = page.locator('.feedback-region[role=status][aria-live=polite]');
  await region.getByText('Not quite.').waitFor();
  assert.ok((await region.innerText()).includes(question.explanation), 'the explanation');
  assert.ok((await region.innerText()).includes(`Source: ${question.source}`), 'the source');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('feedback-verdict')), true, 'focus on the verdict');
  assert.equal(await page.locator('.error-summary').isHidden(), true, 'the error has gone');
  assert.equal(await page.locator('fieldset input:disabled').count(), labels.length, 'the options are locked');
  assert.deepEqual(await axeInLightAndDark(page), { light: [], dark: [] }, 'the feedback');
  // Next: the app is not here yet, and the page says so.
  await page.getByRole('button', { name: 'Next question' }).click();
  await page.getByText('Getting question 2 ready…').waitFor();
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('the quiz begun before the app arrived is the app\'s once it does: 10 questions, the first answer counted once, through a reload', async () => {
  const { context, page, release, problems } = await phone();
  await page.goto(suite.server.url);
  const first = await rightOnThePage(page);
  const quizUrl = page.url();
  await page.getByRole('button', { name: 'Next question' }).click();
  await page.getByText('Getting question 2 ready…').waitFor();

  release();
  await page.getByText('Question 2 of 10').waitFor();
  assert.equal(page.url(), quizUrl, 'the same quiz, at its own address');
  assert.equal(await stored(page, EARLY_KEY), null, 'the early start was taken in');
  const item = (await stored(page, STORE_KEY)).progress.items[first.id];
  assert.deepEqual([item.right, item.wrong], [1, 0], 'the first answer, marked by the app, counted once');
  for (let n = 2; n <= 10; n++) {
    await page.getByText(`Question ${n} of 10`).waitFor();
    if (n === 5) {
      await page.reload();
      await page.getByText('Question 5 of 10').waitFor();
    }
    await answer(page, { correctly: true });
    await next(page, { last: n === 10 });
  }
  await page.getByRole('heading', { name: 'You scored 10 out of 10' }).waitFor();
  assert.equal(await page.locator('.answer-list > li').count(), 10);
  const items = (await stored(page, STORE_KEY)).progress.items;
  assert.equal(Object.keys(items).length, 10, 'ten answers');
  assert.deepEqual([items[first.id].right, items[first.id].wrong], [1, 0], 'the first still counted once');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('the app arriving on the feedback shows that feedback; arriving mid-choice keeps the choice', async () => {
  for (const checked of [true, false]) {
    const { context, page, release, problems } = await phone();
    await page.goto(suite.server.url);
    await page.getByRole('button', { name: 'Start quick check' }).click();
    const first = await questionShown(page);
    const choice = optionFor(first, false);
    await page.getByLabel(choice, { exact: true }).check();
    const shownAt = (await page.locator('fieldset .option label').evaluateAll((all) => all.map((l) => l.firstChild.textContent))).indexOf(choice);
    if (checked) {
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.locator('.feedback-region').getByText('Not quite.').waitFor();
    }
    const before = await page.locator('#app').innerHTML();
    release();
    await untilApp(page);
    await page.getByText('Question 1 of 10').waitFor();
    assert.equal(await page.locator(`#option-${shownAt}`).isChecked(), true, `the choice is still chosen (checked: ${checked})`);
    if (checked) {
      await page.locator('.feedback-region').getByText('Not quite.').waitFor();
      await page.getByRole('button', { name: 'Next question' }).waitFor();
      assert.equal((await stored(page, STORE_KEY)).progress.items[first.id].wrong, 1);
    } else {
      assert.equal(await page.locator('.feedback-region').innerText(), '', 'not checked, so no feedback');
      assert.deepEqual((await stored(page, STORE_KEY)).progress.items, {}, 'and nothing counted');
      // Checked now, in the app.
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.locator('.feedback-region').getByText('Not quite.').waitFor();
    }
    // The app drew the same markup over the page.
    assert.equal((await page.locator('#app').innerHTML()).length > 0, true);
    assert.ok(before.includes('question-count'), 'the page showed the question before');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  }
});

test('a reload, Back and Quit before the app arrives lose nothing, and a second tab takes the same quiz in once', async () => {
  const { context, page, release, problems } = await phone();
  await page.goto(suite.server.url);
  await page.getByRole('button', { name: 'Start quick check' }).click();
  const first = await questionShown(page);
  const choice = optionFor(first, true);
  await page.getByLabel(choice, { exact: true }).check();
  // A reload, still without the app: the same question, the choice kept.
  await page.reload();
  await page.getByText('Question 1 of 10').waitFor();
  assert.equal(await page.getByLabel(choice, { exact: true }).isChecked(), true, 'the choice survives a reload');
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.locator('.feedback-region').getByText('Correct.').waitFor();
  // Back goes home; Forward returns to the feedback.
  await page.goBack();
  await page.getByRole('button', { name: 'Start quick check' }).waitFor();
  await page.goForward();
  await page.locator('.feedback-region').getByText('Correct.').waitFor();
  // Quit goes home; the quiz is kept for the app.
  await page.getByRole('button', { name: 'Quit' }).click();
  await page.getByRole('button', { name: 'Start quick check' }).waitFor();
  // A second tab opens while the first is home; the app arrives in both.
  const second = await watchedPage(context, new URL(suite.server.url).origin);
  await second.page.goto(suite.server.url);
  release();
  for (const tab of [page, second.page]) {
    await untilApp(tab);
    await tab.getByRole('button', { name: 'Continue your quiz' }).waitFor();
  }
  const store = await stored(page, STORE_KEY);
  assert.equal(store.quizzes.filter((e) => e.value).length, 1, 'one quiz, not one per tab');
  assert.deepEqual([store.progress.items[first.id].right, store.progress.items[first.id].wrong], [1, 0], 'its answer counted once');
  await page.getByRole('button', { name: 'Continue your quiz' }).click();
  await page.locator('.feedback-region').getByText('Correct.').waitFor();
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(second.problems.pageErrors, []);
  await context.close();
});

test('with the app already here before Start, the app runs its own quiz and nothing of the page\'s is left', async () => {
  const { context, page, release, problems } = await phone();
  release();
  await page.goto(suite.server.url);
  await untilApp(page);
  await page.getByRole('button', { name: 'Start quick check' }).click();
  await page.getByText('Question 1 of 10').waitFor();
  await answer(page, { correctly: true });
  assert.equal(await stored(page, EARLY_KEY), null, 'no early start was recorded');
  assert.equal(await page.locator('#early-quiz').count(), 1, 'the page\'s data is inert');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

/** Waits until the wasm is held again (after an earlier release): returns the new release. */
async function holdAgain(context) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await context.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** A trainer's landing as shown: its heading, what the quiz is, and whether Start is offered. */
const landingShown = (page) =>
  page.evaluate(() => {
    const heading = document.querySelector('#app h2');
    return {
      title: heading?.textContent.trim() ?? null,
      about: heading?.nextElementSibling?.textContent.trim() ?? null,
      start: [...document.querySelectorAll('#app button')].some((b) => b.textContent.trim() === 'Start the quiz'),
    };
  });

test('a trainer\'s link shows its landing before the app arrives, word for word as the app does, however chat apps mangled it', async () => {
  const base = (query) => `${suite.server.url}${query}`;
  const links = [
    '?view=trainer-quiz&title=Church%20hall&topics=all&count=10&seed=123&mode=practice&pass=80',
    '?view=trainer-quiz&title=Team%20day%20(Leeds)&topics=principle-3.section-11&count=20&seed=9&mode=assessment&pass=75',
    // More than the topics hold: as many as the draw gives.
    '?view=trainer-quiz&topics=principle-1.principle-2&count=50&seed=4&mode=practice&pass=80',
    '?view=trainer-quiz&topics=principle-9&count=1&seed=5&mode=assessment&pass=100',
    // What e-mail, chat and tracking tools do to a link.
    '?view=trainer-quiz&amp;title=Church%20hall&amp;topics=all&amp;count=10&amp;seed=123&amp;mode=practice&amp;pass=80&fbclid=IwAR3).',
    '?view=trainer-quiz&title=Church%20hall&topics=all&count=10&seed=123&mode=practice&pass=80?utm_source=newsletter%20',
    '?view=trainer-quiz&title=%E2%80%8B%20Church%20%20%20hall%E2%80%8E&topics=all&count=010&seed=123&mode=practice&pass=80%E2%80%9D',
    // Older links, with the title last.
    '?view=trainer-quiz&topics=all&count=12&seed=77&mode=practice&pass=80&title=Safeguarding%20refresher%202026',
    '?view=trainer-quiz&topics=all&count=12&seed=77&mode=practice&pass=80&title=Team%20day%20(Leeds)).',
    '?view=trainer-quiz&topics=all&count=12&seed=77&mode=practice&pass=80&title=%E2%80%9CSafe%20care%E2%80%9D%E2%80%9D%20',
    // Made with the check of its settings (c), and the same with a title changed on the way.
    '?view=trainer-quiz&c=LINKCHECK&title=Church%20hall&topics=all&count=10&seed=123&mode=practice&pass=80&refresh=12',
    '?view=trainer-quiz&c=LINKCHECK&title=Church%20hall.&topics=all&count=10&seed=123&mode=practice&pass=80&refresh=12',
  ];
  // The check, as the app makes it (the trainer screen's link for these settings).
  const check = linkCheck('&topics=all&count=10&seed=123&mode=practice&pass=80&refresh=12');
  for (const link of links.map((l) => l.replace('LINKCHECK', check))) {
    const { context, page, release, problems } = await phone();
    await page.goto(base(link));
    await page.getByRole('button', { name: 'Start the quiz' }).waitFor();
    assert.equal(await appRunning(page), false, 'the app is still on its way');
    const before = await landingShown(page);
    release();
    await untilApp(page);
    await page.getByRole('button', { name: 'Start the quiz' }).waitFor();
    assert.deepEqual(before, await landingShown(page), link);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  }
  // A link the app refuses shows no landing before it: the app says what is wrong.
  const good = '?view=trainer-quiz&title=Team&topics=all&count=10&seed=123&mode=practice&pass=80';
  for (const refused of [
    '?view=trainer-quiz&topics=all&count=0&seed=1&mode=practice&pass=80',
    '?view=trainer-quiz&topics=no-such-topic&count=5&seed=1&mode=practice&pass=80',
    // A key given twice differently, a bad escape in the title, a number escaped.
    `${good}&count=5`,
    `${good}&title=Other`,
    good.replace('title=Team', 'title=100%'),
    good.replace('title=Team', 'title=%E0%A4%A'),
    good.replace('count=10', 'count=%31%30'),
    // Cut, or a setting changed, after its check.
    `?view=trainer-quiz&c=${check}&title=Church%20hall&topics=all&count=10&seed=123&mode=practice&pass=80&refresh=1`,
    `?view=trainer-quiz&c=${check}&title=Church%20hall&topics=all&count=11&seed=123&mode=practice&pass=80&refresh=12`,
  ]) {
    const { context, page, release } = await phone();
    await page.goto(base(refused));
    await page.getByText('Getting the app ready…').waitFor();
    assert.equal((await landingShown(page)).start, false, refused);
    release();
    await page.getByRole('link', { name: 'Go to the home page' }).waitFor();
    await context.close();
  }
});

/**
 * The check a trainer's link made now carries for `settings`: FNV-1a of them
 * (QuizSpec::id). The app is the judge: a wrong check here would be refused
 * by it, and the landing test fails.
 */
function linkCheck(settings) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < settings.length; i++) hash = Math.imul(hash ^ settings.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

test('"Start the quiz" tapped before the app arrives says it is getting ready, then starts once, or continues the quiz already begun', async () => {
  const link = `${suite.server.url}?view=trainer-quiz&title=Team%20day&topics=all&count=5&seed=31&mode=assessment&pass=80`;
  const { context, page, release, problems } = await phone({ bypassCSP: true });
  await page.goto(link);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await page.getByRole('status').filter({ hasText: 'Getting the quiz ready. It starts as soon as it is here.' }).waitFor();
  assert.deepEqual(await axeInLightAndDark(page), { light: [], dark: [] }, 'the landing, getting ready');
  // A reload before the app: the tap is still kept, and the page still says so.
  await page.reload();
  await page.getByRole('status').filter({ hasText: 'Getting the quiz ready. It starts as soon as it is here.' }).waitFor();
  release();
  await page.getByText('Question 1 of 5').waitFor();
  await untilApp(page);
  const quizUrl = page.url();
  assert.match(quizUrl, /\?view=quiz&quiz=[0-9a-f]{16}$/);
  await answer(page, { correctly: true, deferred: true });
  await page.getByText('Question 2 of 5').waitFor();
  // The link opened again with the app held back: Start before the app
  // now continues the same quiz, where it was, not a second one.
  const releaseAgain = await holdAgain(context);
  await page.goto(link);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  releaseAgain();
  await page.getByText('Question 2 of 5').waitFor();
  await untilApp(page);
  assert.equal(page.url(), quizUrl, 'the same quiz, continued');
  // A reload later does not start anything by itself: the tap was used once.
  await page.goto(link);
  await untilApp(page);
  await page.getByRole('button', { name: 'Continue the quiz' }).waitFor();
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('before the app: the question opens at its top with focus on it and the quiz\'s header, at 320 px and 200% text; nothing moves at the takeover', async () => {
  const { context, page, release, problems } = await phone();
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(suite.server.url);
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  const start = page.getByRole('button', { name: 'Start quick check' });
  await start.scrollIntoViewIfNeeded();
  await start.click();
  await page.getByText('Question 1 of 10').waitFor();
  assert.equal(await page.evaluate(() => scrollY), 0, 'the question opens at its top');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('question-prompt')), true, 'focus on the question');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('in-quiz')), true, 'the compact header');
  await page.locator('fieldset .option label').first().click();
  const before = await page.locator('.question-prompt').boundingBox();
  release();
  await untilApp(page);
  assert.deepEqual(await page.locator('.question-prompt').boundingBox(), before, 'nothing moved at the takeover');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('before the app: a double tap on Check answer, 80 to 250 ms apart, always shows the feedback', async () => {
  for (const gap of [80, 150, 250]) {
    const { context, page, problems } = await phone({ realTapGuard: true });
    await page.goto(suite.server.url);
    await page.getByRole('button', { name: 'Start quick check' }).click();
    await page.getByText('Question 1 of 10').waitFor();
    await page.waitForTimeout(600);
    await page.locator('fieldset .option label').first().click();
    const check = await page.getByRole('button', { name: 'Check answer' }).boundingBox();
    const [x, y] = [check.x + check.width / 2, check.y + check.height / 2];
    await page.touchscreen.tap(x, y);
    await page.waitForTimeout(gap);
    await page.touchscreen.tap(x, y);
    await page.waitForTimeout(300);
    assert.equal(await page.locator('.feedback-region .feedback-verdict').count(), 1, `${gap} ms: the feedback is on screen`);
    assert.equal(await page.getByText('Getting question 2 ready…').count(), 0, `${gap} ms: the second tap did not move on`);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  }
});

test('before the app: Start quick check again goes back to the quiz begun, and the other ways in say they need the app', async () => {
  const { context, page, release, problems } = await phone();
  await page.goto(suite.server.url);
  await page.getByRole('button', { name: 'Start full assessment' }).click();
  await page.getByRole('status').filter({ hasText: 'That opens once the app is here' }).waitFor();
  const first = await rightOnThePage(page);
  const quizUrl = page.url();
  await page.getByRole('button', { name: 'Quit' }).click();
  await page.getByRole('button', { name: 'Start quick check' }).click();
  // The same quiz, on its feedback: nothing was replaced.
  await page.locator('.feedback-region').getByText('Correct.').waitFor();
  assert.equal(page.url(), quizUrl);
  release();
  await untilApp(page);
  const store = await stored(page, STORE_KEY);
  assert.equal(store.quizzes.filter((e) => e.value).length, 1, 'one quiz');
  assert.deepEqual([store.progress.items[first.id].right, store.progress.items[first.id].wrong], [1, 0], 'counted once');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('when the app cannot be downloaded, every screen of the page says so, whenever it happens: home after Quit, the question, a trainer\'s landing after Start', async () => {
  for (const url of [suite.server.url, `${suite.server.url}?view=trainer-quiz&title=Church%20hall&topics=all&count=10&seed=123&mode=practice&pass=80`]) {
    const context = await suite.browser.newContext({ viewport: PHONE });
    let fail;
    const failed = new Promise((resolve) => (fail = resolve));
    await context.route('**/*.wasm', async (route) => {
      await failed;
      await route.abort('internetdisconnected');
    });
    const { page } = await watchedPage(context, new URL(suite.server.url).origin);
    await page.goto(url);
    const landing = url !== suite.server.url;
    await page.getByRole('button', { name: landing ? 'Start the quiz' : 'Start quick check' }).click();
    if (landing) {
      await page.getByRole('status').filter({ hasText: 'Getting the quiz ready.' }).waitFor();
    } else {
      await page.getByText('Question 1 of 10').waitFor();
    }
    fail();
    await page.getByRole('alert').filter({ hasText: LOAD_FAILED }).waitFor();
    if (!landing) {
      await page.getByRole('button', { name: 'Quit' }).click();
      await page.getByRole('button', { name: 'Start quick check' }).waitFor();
      await page.getByRole('alert').filter({ hasText: LOAD_FAILED }).waitFor();
    }
    await context.close();
  }
});

test('a "Start the quiz" left behind (Back before the app arrived) never starts a quiz later, and a device used before waits for its own home', async () => {
  const link = `${suite.server.url}?view=trainer-quiz&title=Team&topics=all&count=5&seed=8&mode=practice&pass=80`;
  const { context, page, release } = await phone();
  await page.goto(suite.server.url);
  await page.goto(link);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await page.goBack();
  release();
  await untilApp(page);
  await page.goto(link);
  await untilApp(page);
  await page.getByRole('button', { name: 'Start the quiz' }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.getByText(/^Question 1 of/).count(), 0, 'nothing started by itself');
  await context.close();
  // A device where the app has been used: its home has scores and quizzes to continue, which the page cannot show.
  const used = await phone();
  await storeBeforeFirstPage(used.context, STORE_KEY, prepared('finished-quick-check').store);
  await used.page.goto(suite.server.url);
  await used.page.getByText('Getting the app ready…').waitFor();
  assert.equal(await used.page.getByRole('button', { name: 'Start quick check' }).count(), 0);
  used.release();
  await untilApp(used.page);
  await used.page.getByRole('button', { name: 'Start quick check' }).waitFor();
  await used.context.close();
});

test('the takeover keeps what the person had: the focused button, a topic chosen, the verdict in focus', async () => {
  const { context, page, release, problems } = await phone();
  await page.goto(suite.server.url);
  await page.getByLabel('Topic', { exact: true }).selectOption('principle-3');
  await page.getByRole('button', { name: 'Start full assessment' }).focus();
  release();
  await untilApp(page);
  assert.equal(await page.getByLabel('Topic', { exact: true }).inputValue(), 'principle-3', 'the topic chosen stays chosen');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), 'Start full assessment', 'focus stays where it was');
  // And the app takes the choice in: Practise this topic starts that topic.
  await page.getByRole('button', { name: 'Practise this topic' }).click();
  await page.getByText(/^Question 1 of \d+$/).waitFor();
  assert.match(await page.locator('.quiz-title').innerText(), /Principle 3/);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('before the app, an answer checked in one tab stands in the other: it cannot be checked again differently', async () => {
  const { context, page, release, problems } = await phone();
  await page.goto(suite.server.url);
  await page.getByRole('button', { name: 'Start quick check' }).click();
  const first = await questionShown(page);
  await page.getByLabel(optionFor(first, false), { exact: true }).check();
  const other = await watchedPage(context, new URL(suite.server.url).origin);
  await other.page.goto(suite.server.url);
  await other.page.getByRole('button', { name: 'Start quick check' }).click();
  await other.page.getByLabel(optionFor(first, true), { exact: true }).check();
  await other.page.getByRole('button', { name: 'Check answer' }).click();
  await other.page.locator('.feedback-region').getByText('Correct.').waitFor();
  // The first tab still shows its own pick; checking it shows the answer already checked.
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.locator('.feedback-region').getByText('Correct.').waitFor();
  release();
  await untilApp(page);
  const store = await stored(page, STORE_KEY);
  assert.deepEqual([store.progress.items[first.id].right, store.progress.items[first.id].wrong], [1, 0], 'the answer told "Correct." is the one counted');
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(other.problems.pageErrors, []);
  await context.close();
});

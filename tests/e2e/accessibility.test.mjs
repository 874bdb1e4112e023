// Accessible and calm on every phone: axe (WCAG 2.2 AA) on every screen and
// state, in light and in dark (each state reached once, its colour scheme
// switched in place), 44 px targets, 320 px and 200% text with no
// sideways scrolling, visible focus, and the README's screenshots.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, PHONE, sharedServerAndBrowser, untilApp, watchedPage } from './support/browser.mjs';
import { answer, currentQuestion, next, openApp, seedRandomness, settled, sweepStarts } from './support/quiz-player.mjs';
import { prepared, preparedState } from './support/prepared.mjs';
import { axeInLightAndDark } from './support/axe.mjs';
import { brokenWordsThatFit } from './support/layout.mjs';

const SCREENS = join(ARTIFACTS, 'screens');
const scratch = mkdtempSync(join(tmpdir(), 'sc-a11y-'));

const suite = sharedServerAndBrowser();
before(() => mkdirSync(SCREENS, { recursive: true }));
after(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A phone in light mode (`check` switches it to dark and back in place).
 * `store` names a prepared store it starts with (support/prepared.mjs).
 */
async function phone({ viewport = PHONE, seed = 8, blockStorage = false, store } = {}) {
  const origin = new URL(suite.server.url).origin;
  // axe and the 200% text style are injected inline, so these pages bypass the CSP
  // (the other test files check it).
  const context = await suite.browser.newContext({
    viewport,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    bypassCSP: true,
    ...(store ? { storageState: preparedState(origin, store) } : {}),
  });
  await seedRandomness(context, seed);
  if (blockStorage) {
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
  }
  const watched = await watchedPage(context, origin);
  return { context, ...watched };
}

/** Targets people tap: at least 44 px tall (radios and checkboxes by their whole option card). */
async function smallTargets(page) {
  return page.evaluate(() => {
    const visible = (el) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && !el.closest('.visually-hidden');
    };
    const small = [];
    for (const el of document.querySelectorAll('button, a[href], input, select, textarea')) {
      if (!visible(el)) continue;
      const target = el.matches('input[type=radio], input[type=checkbox]') ? el.closest('.option') ?? el : el;
      const box = target.getBoundingClientRect();
      if (box.height < 44 || box.width < 44) small.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.id || el.name).trim().slice(0, 40)}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
    return small;
  });
}

const fits = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * The screen as it is now, in light and then dark (switched in place, so
 * each state is reached once): axe in each, with a screenshot of each if
 * named (`<screenshot>-light.png`, `<screenshot>-dark.png`); then target
 * sizes and width, which do not depend on the colours. Back in light after.
 */
async function check(page, label, screenshot) {
  assert.deepEqual(await axeInLightAndDark(page), { light: [], dark: [] }, `axe: ${label}`);
  for (const scheme of ['light', 'dark']) {
    if (!screenshot) break;
    await page.emulateMedia({ colorScheme: scheme });
    assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), scheme === 'dark');
    await page.screenshot({ path: join(SCREENS, `${screenshot}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  assert.deepEqual(await smallTargets(page), [], `44 px targets: ${label}`);
  assert.ok(await fits(page), `no sideways scrolling: ${label}`);
}

async function practise(page, topicId) {
  // The page before the app shows home too; choosing a topic is the app's.
  await untilApp(page);
  await page.getByRole('button', { name: 'Start quick check' }).waitFor();
  await page.getByLabel('Topic', { exact: true }).selectOption(topicId);
  await page.getByRole('button', { name: 'Practise this topic' }).click();
  await page.getByText(/^Question 1 of \d+$/).waitFor();
}

test('every question type, before and after checking, right and wrong, played from an empty home', async () => {
  const { context, page } = await phone();
  await openApp(page, suite.server.url);
  await check(page, 'home, empty', 'home');
  const needed = new Set(['single', 'multi', 'true_false', 'order', 'match', 'numeric', 'scenario'].flatMap((t) => [`${t}:right`, `${t}:wrong`]));
  let errorChecked = false;
  const starts = sweepStarts(page, (topic) => practise(page, topic), 12);
  for (const start of starts) {
    if (needed.size === 0) break;
    await start();
    const total = Number((await page.locator('.question-count').innerText()).match(/of (\d+)/)[1]);
    for (let n = 1; n <= total; n++) {
      await page.getByText(`Question ${n} of ${total}`).waitFor();
      const question = await currentQuestion(page);
      const correctly = needed.has(`${question.type}:right`) || !needed.has(`${question.type}:wrong`);
      const wanted = needed.has(`${question.type}:${correctly ? 'right' : 'wrong'}`);
      if (wanted) await check(page, `${question.type} before checking`, `question-${question.type}`);
      if (!errorChecked && question.type !== 'order') {
        await settled(page);
        await page.getByRole('button', { name: 'Check answer' }).click();
        await page.getByRole('alert').getByText('There is a problem').waitFor();
        await check(page, 'error summary', 'error');
        errorChecked = true;
      }
      await answer(page, { correctly });
      if (wanted) {
        await check(page, `${question.type} answered ${correctly ? 'right' : 'wrong'}`, `feedback-${question.type}-${correctly ? 'right' : 'wrong'}`);
        needed.delete(`${question.type}:${correctly ? 'right' : 'wrong'}`);
      }
      await next(page, { last: n === total });
    }
    await page.getByRole('heading', { name: /^You scored/ }).waitFor();
    await check(page, 'results', 'results');
    await page.getByRole('button', { name: 'Back to home' }).click();
  }
  assert.deepEqual([...needed], []);
  // A debrief with nothing counted yet.
  await page.goto(`${suite.server.url}?view=debrief`);
  await page.getByRole('heading', { name: 'Group debrief' }).waitFor();
  await check(page, 'debrief, empty');
  await context.close();
});

test('the other screens and states, on a device with some use (a prepared store)', async () => {
  const everything = prepared('everything');
  const { context, page } = await phone({ seed: 9, store: 'everything' });
  await openApp(page, suite.server.url);
  await page.getByText('Last score').first().waitFor();
  await check(page, 'home with scores and quizzes in progress', 'home-scores');

  // Starting while a quiz is in progress asks first; then a new assessment, its first answer saved.
  await page.getByRole('button', { name: 'Start full assessment' }).click();
  await page.getByRole('heading', { name: 'You have a quiz in progress' }).waitFor();
  await check(page, 'start while a quiz is in progress');
  await page.getByRole('button', { name: 'Start the new one' }).click();
  await page.getByText('Question 1 of 20').waitFor();
  await answer(page, { correctly: true, deferred: true });
  await check(page, 'assessment, answer saved');
  await page.goto(`${suite.server.url}?view=quiz&quiz=${everything.in_progress.id}`);
  await page.locator('.feedback-region .feedback-verdict').waitFor();
  await page.getByRole('button', { name: 'Quit' }).click();
  await page.getByRole('heading', { name: 'Leave this quiz?' }).waitFor();
  await check(page, 'quit asks first');

  // The assessment whose answers are all saved: check them, save one again, submit.
  await page.goto(`${suite.server.url}?view=quiz&quiz=${everything.to_check.id}`);
  await page.getByRole('heading', { name: 'Check your answers before you submit' }).waitFor();
  await check(page, 'check your answers', 'check-answers');
  await page.getByRole('button', { name: /^Change/ }).first().click();
  await page.getByRole('button', { name: 'Save and continue' }).waitFor();
  await check(page, 'an assessment question, its answer to change');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('heading', { name: 'Check your answers before you submit' }).waitFor();
  await page.getByRole('button', { name: 'Submit your answers' }).click();
  await page.getByRole('heading', { name: 'Not passed this time' }).waitFor();
  await check(page, 'assessment results, not passed', 'assessment');
  await page.goto(`${suite.server.url}?view=results&attempt=${everything.certified.id}`);
  await page.getByRole('heading', { name: 'You passed' }).waitFor();
  await check(page, 'assessment results, passed');

  // Progress, with an import error showing.
  await page.getByRole('button', { name: 'Back to home' }).click();
  await page.getByRole('link', { name: 'Progress', exact: true }).click();
  await page.getByRole('heading', { name: 'Your progress', exact: true }).waitFor();
  await check(page, 'progress', 'progress');
  const bad = join(scratch, 'bad.json');
  writeFileSync(bad, '{"not": "a backup"}');
  await page.getByLabel('Import a backup file').setInputFiles(bad);
  await page.locator('.backup-status').getByText(/not a progress backup/).waitFor();
  await check(page, 'import error');
  await page.getByRole('button', { name: 'Clear my data' }).click();
  await check(page, 'clear confirmation');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Trainer, before and after making a link, then present mode and the debrief.
  await page.goto(`${suite.server.url}?view=trainer`);
  await page.getByRole('heading', { name: 'Run a session' }).waitFor();
  await check(page, 'trainer');
  await page.getByRole('button', { name: 'Make the quiz link' }).click();
  await page.locator('.qr-box svg').waitFor();
  // The README's picture shows the link and its QR code.
  await page.locator('.qr-box svg').evaluate((qr) => qr.scrollIntoView({ block: 'end' }));
  await check(page, 'trainer with QR', 'trainer-qr');
  await page.getByLabel('Number of questions').selectOption('5');
  await page.getByText('This QR code is out of date.').waitFor();
  await check(page, 'trainer, QR code out of date');
  await page.getByLabel('Number of questions').selectOption('10');
  await page.getByRole('link', { name: 'Show on a projector' }).click();
  await page.getByText("Scan with your phone's camera").waitFor();
  await check(page, 'present mode', 'present');
  // A learner's result link opened here: counted, with a notice, in the session's debrief.
  const spec = everything.link.replace('?view=trainer-quiz', '');
  await page.goto(`${suite.server.url}?view=result${spec}&score=2&missed=0.3.4&r=d4e5f6a7`);
  await page.getByText("A learner's result was added to the debrief.").waitFor();
  await page.locator('.debrief-figures').waitFor();
  await check(page, 'debrief with figures, a result just added', 'debrief');

  // A completion record: the form, then the list, then a deletion with Undo.
  await page.goto(`${suite.server.url}?view=results&attempt=${everything.finished.id}`);
  await page.getByRole('button', { name: 'Make a completion record' }).click();
  await check(page, 'record form');
  await page.getByRole('button', { name: 'Save the record' }).click();
  await page.getByRole('heading', { name: 'Your completion records' }).waitFor();
  await check(page, 'records', 'records');
  // Every record deleted: none left, and Undo.
  while ((await page.getByRole('button', { name: 'Delete this record' }).count()) > 0) {
    await page.getByRole('button', { name: 'Delete this record' }).first().click();
  }
  await page.getByText('No records yet.').waitFor();
  await page.getByRole('button', { name: 'Undo' }).waitFor();
  await check(page, 'records, all deleted, with Undo');

  // A screen whose data is gone says so.
  await page.goto(`${suite.server.url}?view=results&attempt=0123456789abcdef`);
  await page.getByRole('heading', { name: 'Not found on this device' }).waitFor();
  await check(page, 'results no longer on this device');

  // Join with a code, empty and with a code that does not match.
  await page.goto(`${suite.server.url}?view=join`);
  await page.getByRole('heading', { name: 'Join with a code' }).waitFor();
  await check(page, 'join with a code');
  await page.getByLabel('Session code').fill('ABCD-EFGH-JKMN');
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByText('This code does not match a session.', { exact: false }).waitFor();
  await check(page, 'join with a code, a code that does not match');

  for (const [view, heading, shot] of [
    ['about', 'About this app', 'about'],
    ['accessibility', 'Accessibility statement'],
    ['learn', 'Learn'],
    ['learn&card=national-picture', 'The national picture 2018-19', 'learn-national-picture'],
    ['learn&card=characteristics', 'Characteristics of the 538 children'],
    ['learn&card=e-learning', 'E-learning'],
  ]) {
    await page.goto(`${suite.server.url}?view=${view}`);
    await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    await check(page, view, shot);
  }
  await context.close();
});

test('blocked storage gives a plain notice, and the notice passes axe', async () => {
  const { context, page } = await phone({ blockStorage: true });
  await openApp(page, suite.server.url);
  await page.getByText(/Your browser is not letting this app save anything/).waitFor();
  await check(page, 'storage warning', 'storage-warning');
  // The quiz still works, in memory.
  await page.getByRole('button', { name: 'Start quick check' }).click();
  await answer(page, { correctly: true });
  await context.close();
});

for (const width of [320, 360]) {
  test(`${width} px wide with text at 200%: nothing scrolls sideways and no word that would fit is broken, on every screen and question type`, async () => {
    const everything = prepared('everything');
    const { context, page } = await phone({ viewport: { width, height: 640 }, seed: 10, store: 'everything' });
    const zoom = () => page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    const reflows = async (where) => {
      assert.ok(await fits(page), `${where} fits ${width} px at 200%`);
      assert.deepEqual(await page.evaluate(brokenWordsThatFit), [], `${where}: no word broken that would fit on its line, at ${width} px and 200%`);
    };
    // A session with a long title, its present mode, and its debrief with one result just added.
    await page.goto(`${suite.server.url}?view=trainer`);
    // A long title with a word too long for any line (an underscored file-like name), as trainers type them.
    await page.getByLabel('Title (optional)').fill('Hall: Safeguarding_Level3_Refresher_Thursday_CivicCentre');
    await page.getByRole('button', { name: 'Make the quiz link' }).click();
    const link = await page.getByLabel('The quiz link', { exact: true }).inputValue();
    const session = new URL(page.url()).searchParams.get('quiz');
    const result = `?view=result${new URL(link).search.replace('?view=trainer-quiz', '')}&score=8&missed=0.3&r=abcdef12`;
    const screens = [
      '', '?view=learn', '?view=learn&card=characteristics', '?view=learn&card=national-picture', '?view=progress',
      '?view=trainer', `?view=trainer&quiz=${session}`, `?view=present&quiz=${session}`, result,
      `?view=debrief&quiz=${everything.quiz_id}`, '?view=debrief', `?view=projector&quiz=${everything.quiz_id}`, '?view=join', '?view=records', '?view=about', '?view=accessibility',
      `?view=results&attempt=${everything.finished.id}`, `?view=results&attempt=${everything.certified.id}`,
      `?view=results&attempt=${everything.failed.id}`,
      `?view=quiz&quiz=${everything.to_check.id}`, `?view=quiz&quiz=${everything.in_progress.id}`,
    ];
    for (const screen of screens) {
      await page.goto(suite.server.url + screen);
      await page.locator('main h2:visible').first().waitFor();
      await zoom();
      await reflows(screen || 'home');
    }
    await context.close();

    // A quiz of one question of each type, each before and after a wrong answer (its corrections shown), then its results.
    const { quiz_id: quiz, types } = prepared('every-type');
    const walk = await phone({ viewport: { width, height: 640 }, store: 'every-type' });
    await walk.page.goto(`${suite.server.url}?view=quiz&quiz=${quiz}`);
    await walk.page.getByText(`Question 1 of ${types.length}`).waitFor();
    await walk.page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    const page2 = walk.page;
    for (const [n, type] of types.entries()) {
      await page2.getByText(`Question ${n + 1} of ${types.length}`).waitFor();
      assert.ok(await fits(page2), `${type} fits ${width} px at 200%`);
      assert.deepEqual(await page2.evaluate(brokenWordsThatFit), [], `${type}: no word broken that would fit`);
      await answer(page2, { correctly: false });
      assert.ok(await fits(page2), `${type} answered wrongly fits ${width} px at 200%`);
      assert.deepEqual(await page2.evaluate(brokenWordsThatFit), [], `${type} answered: no word broken that would fit`);
      await next(page2, { last: n === types.length - 1 });
    }
    await page2.getByRole('heading', { name: /^You scored/ }).waitFor();
    assert.ok(await fits(page2), `results fit ${width} px at 200%`);
    assert.deepEqual(await page2.evaluate(brokenWordsThatFit), [], 'results: no word broken that would fit');
    await walk.context.close();
  });
}

test('focus is always visible, and every main flow can be reached by keyboard from home', async () => {
  const { context, page } = await phone();
  await openApp(page, suite.server.url);
  const reached = new Set();
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const inOption = el.closest('.option') && getComputedStyle(el.closest('.option')).outlineStyle !== 'none';
      return { name: (el.textContent || el.id).trim(), visible: ring || style.boxShadow !== 'none' || Boolean(inOption) };
    });
    if (!focused) continue;
    assert.ok(focused.visible, `focus is visible on "${focused.name}"`);
    reached.add(focused.name);
  }
  for (const name of ['Start quick check', 'Start full assessment', 'Practise this topic', 'Learn', 'Progress', 'Records', 'Run a session', 'About this app and your data', 'Accessibility statement']) {
    assert.ok(reached.has(name), `Tab reaches "${name}"`);
  }
  // Each of those opens with Enter, and its screen's heading appears.
  for (const [name, heading] of [['Learn', 'Learn'], ['Progress', 'Your progress'], ['Run a session', 'Run a session'], ['Records', 'Your completion records'], ['Accessibility statement', 'Accessibility statement']]) {
    await page.goto(suite.server.url);
    await page.getByRole('button', { name: 'Start quick check' }).waitFor();
    for (let presses = 0; presses < 40; presses++) {
      if (await page.evaluate((n) => document.activeElement?.textContent?.trim() === n, name)) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: heading, exact: true }).waitFor();
  }
  await context.close();
});

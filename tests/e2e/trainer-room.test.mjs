// The trainer's room and the learner's record (issue #32, in part): a
// returning trainer sees their sessions first, with every debrief one tap
// away; the trainer screen says which device collects results; the
// learner's result QR code comes on screen whole when asked for; files
// offered say what they hold on a shared device; a completion record can be
// made from any finished quiz, at any time, and says how it was made.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, sharedServerAndBrowser, untilApp, watchedPage } from './support/browser.mjs';
import { answer, next, playAssessment, settled } from './support/quiz-player.mjs';
import { prepared, preparedState } from './support/prepared.mjs';
import { axeInLightAndDark } from './support/axe.mjs';
import { smallestText } from './support/layout.mjs';
import { decodePng } from './support/qr.mjs';

const suite = sharedServerAndBrowser();

async function phone(options = {}) {
  const context = await suite.browser.newContext({ viewport: PHONE, ...options });
  const watched = await watchedPage(context, new URL(suite.server.url).origin);
  return { context, ...watched };
}

/**
 * Makes a session on the trainer screen of `page`, titled `title` if given
 * (an assessment with its pass mark of 80% if `assessment`):
 * its quiz link, the spec part of it (for result links) and its session link.
 */
async function makeSession(page, title, { assessment = false } = {}) {
  await page.goto(`${suite.server.url}?view=trainer`);
  await untilApp(page);
  if (title) await page.getByLabel('Title (optional)').fill(title);
  if (assessment) await page.getByLabel('Assessment: feedback at the end, with a pass mark').check();
  await page.getByRole('button', { name: 'Make the quiz link' }).click();
  const link = await page.getByLabel('The quiz link', { exact: true }).inputValue();
  const sessionLink = await page.getByLabel('The session link', { exact: true }).inputValue();
  return { link, spec: new URL(link).search.replace('?view=trainer-quiz', ''), sessionLink };
}

/** True if `a` comes before `b` in the page. */
const before = (page, a, b) =>
  page.evaluate(([a, b]) => Boolean(document.querySelector(a).compareDocumentPosition(document.querySelector(b)) & Node.DOCUMENT_POSITION_FOLLOWING), [a, b]);

test('a returning trainer sees their sessions first, and every debrief one tap away; the screen says which device collects results', async () => {
  const { context, page, problems } = await phone();
  await page.goto(`${suite.server.url}?view=trainer`);
  await untilApp(page);
  assert.equal(await page.locator('#sessions-heading').count(), 0, 'no sessions yet: the form alone');
  await page.getByLabel('Title (optional)').fill('Tuesday');
  await page.getByRole('button', { name: 'Make the quiz link' }).click();
  await page.getByLabel('The quiz link', { exact: true }).waitFor();
  assert.match(await page.locator('.session-panel').innerText(), /A result is collected by the device that scans its QR code or opens its link, and only there\./);

  // The next day: the trainer screen opens on their sessions, above the empty form.
  await page.goto(`${suite.server.url}?view=trainer`);
  await page.locator('#sessions-heading').waitFor();
  assert.ok(await before(page, '#sessions-heading', '#quiz-title'), 'the sessions come before the form');
  assert.match(await page.locator('.session-list').innerText(), /Tuesday/);
  await page.getByRole('link', { name: 'Every debrief on this device' }).click();
  await page.getByRole('heading', { name: 'Group debrief' }).waitFor();
  assert.match(page.url(), /view=debrief/);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('"Show my result to the trainer" brings the whole QR code on screen', async () => {
  const { context, page, problems } = await phone({ viewport: { width: 360, height: 640 } });
  await page.goto(`${suite.server.url}?view=trainer-quiz&title=Room&topics=all&count=1&seed=5&mode=practice&pass=80`);
  await untilApp(page);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await answer(page, { correctly: true });
  await next(page, { last: true });
  await page.getByRole('button', { name: 'Show my result to the trainer' }).click();
  const qr = page.locator('.result-qr');
  await qr.waitFor();
  await page.waitForTimeout(300);
  const box = await qr.boundingBox();
  // (Within a pixel: the page scrolls in whole pixels.)
  assert.ok(box.y >= -1 && box.y + box.height <= 641, `the code is on screen whole: ${JSON.stringify(box)}`);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a file offered says what it may hold on a shared device, and "Clear my data" says saved files stay', async () => {
  const { context, page, problems } = await phone({ acceptDownloads: true });
  await page.goto(`${suite.server.url}?view=progress`);
  await untilApp(page);
  await page.getByRole('button', { name: 'Export my progress' }).click();
  await page.getByText(/on a shared device, delete it from the downloads once it is kept elsewhere\./).waitFor();
  await page.getByRole('button', { name: 'Clear my data' }).click();
  await page.getByText('Files already saved from this app (backups, records, QR codes) are not deleted').waitFor();
  await page.getByRole('button', { name: 'Delete my data' }).click();
  const said = page.getByText('Your data has been deleted from this app on this device. Any files saved from it before are still in the downloads.');
  await said.waitFor();
  // The button pressed is gone: focus is on what happened.
  const text = await said.innerText();
  await page.waitForFunction((text) => document.activeElement?.textContent === text, text, { timeout: 5_000 });
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a completion record can be made later from any finished quiz, from Progress or home, and says how it was made', async () => {
  const { quiz } = prepared('passed-assessment');
  const { context, page, problems } = await phone({ storageState: preparedState(new URL(suite.server.url).origin, 'passed-assessment') });
  // Home's scores lead to every finished quiz.
  await page.goto(suite.server.url);
  await untilApp(page);
  await page.getByRole('link', { name: 'Your finished quizzes, and completion records from them' }).click();
  await page.getByRole('heading', { name: 'Your finished quizzes' }).waitFor();
  const entry = page.locator('.finished-list li').first();
  assert.match(await entry.innerText(), new RegExp(`: ${quiz.score.correct} out of ${quiz.score.total}`));
  await entry.getByRole('link', { name: 'Make a completion record' }).click();
  await page.getByRole('heading', { name: 'Make a completion record' }).waitFor();
  await page.getByLabel('Your name (optional)').fill('Sam Jones');
  await page.getByRole('button', { name: 'Save the record' }).click();
  const certificate = page.locator('.certificate').first();
  await certificate.waitFor();
  const text = await certificate.innerText();
  assert.match(text, /Score\s*\d+ out of \d+ \(\d+%\), passed \(pass mark \d+%\)/, text);
  assert.match(text, /Made by the learner on their own device with Safeguarding Check, which marked the answers given\. No organisation has checked or issued this record/);
  // And back on the results from Progress, the same quiz.
  await page.goto(`${suite.server.url}?view=progress`);
  await page.locator('.finished-list li').first().getByRole('link').first().click();
  await page.getByRole('heading', { name: 'You passed' }).waitFor();
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a session moves to another device by its session link: the same quiz, the same debrief, and present mode there', async () => {
  const phoneDevice = await phone();
  const { link: quizLink, sessionLink } = await makeSession(phoneDevice.page, 'Church hall');
  assert.match(sessionLink, /\?view=session&c=[0-9a-f]{8}&title=Church/);

  // The laptop on the projector: another device, nothing on it yet.
  const laptop = await phone({ viewport: { width: 1280, height: 800 } });
  await laptop.page.goto(sessionLink);
  await untilApp(laptop.page);
  await laptop.page.getByRole('heading', { name: 'Church hall' }).waitFor();
  assert.equal(await laptop.page.getByLabel('The quiz link', { exact: true }).inputValue(), quizLink, 'the same quiz: no new seed');
  assert.equal(new URL(laptop.page.url()).searchParams.get('quiz'), new URL(phoneDevice.page.url()).searchParams.get('quiz'), 'the same session, so one debrief');
  await laptop.page.getByRole('link', { name: 'Show on a projector' }).click();
  await laptop.page.getByText("Scan with your phone's camera").waitFor();
  // Or by its QR code, from one screen to the other device's camera.
  await phoneDevice.page.getByText('Show the session link as a QR code').click();
  assert.equal(decodePng(await phoneDevice.page.locator('.session-link-qr svg').screenshot()), sessionLink, 'the QR code reads as the session link');
  // Opened twice, still one session.
  await laptop.page.goto(sessionLink);
  await laptop.page.getByRole('heading', { name: 'Church hall' }).waitFor();
  assert.equal(await laptop.page.locator('.session-list li').count(), 1);
  // A cut session link is refused, never opened as another session.
  await laptop.page.goto(sessionLink.slice(0, -3));
  await laptop.page.getByText('That link did not work, so here is the home page.').waitFor();
  assert.deepEqual(phoneDevice.problems.pageErrors, []);
  assert.deepEqual(laptop.problems.pageErrors, []);
  await phoneDevice.context.close();
  await laptop.context.close();
});

test('results collected on two devices come together in one debrief through the backup, none counted twice', async () => {
  const first = await phone({ acceptDownloads: true });
  const { spec, sessionLink } = await makeSession(first.page, 'Two phones');
  const result = (token, missed) => `${suite.server.url}?view=result${spec}&score=${10 - missed.length}&missed=${missed.join('.')}&r=${token}`;
  // Two results scanned on the first phone, two on the second (one of them the same learner's).
  for (const [token, missed] of [['aaaa0001', [0]], ['aaaa0002', [1, 2]]]) {
    await first.page.goto(result(token, missed));
    await first.page.getByText(/result was added to the debrief\./).waitFor();
  }
  const second = await phone();
  await second.page.goto(sessionLink);
  await untilApp(second.page);
  for (const [token, missed] of [['aaaa0002', [1, 2]], ['aaaa0003', []]]) {
    await second.page.goto(result(token, missed));
    await second.page.getByText(/result was added to the debrief\.|already counted/).waitFor();
  }
  await first.page.goto(`${suite.server.url}?view=progress`);
  const [download] = await Promise.all([first.page.waitForEvent('download'), first.page.getByRole('button', { name: 'Export my progress' }).click()]);
  await second.page.goto(`${suite.server.url}?view=progress`);
  await second.page.getByLabel('Import a backup file').setInputFiles(await download.path());
  await second.page.getByRole('button', { name: 'Merge' }).click();
  await second.page.getByText('The backup was added to your progress.').waitFor();
  await second.page.goto(`${suite.server.url}?view=debrief&quiz=${new URL(sessionLink).searchParams.get('c')}`);
  await second.page.locator('.debrief-figures').waitFor();
  assert.match(await second.page.locator('.debrief-figures').innerText(), /Responses\s*3\b/, 'three learners, the one scanned twice counted once');
  assert.deepEqual(first.problems.pageErrors, []);
  assert.deepEqual(second.problems.pageErrors, []);
  await first.context.close();
  await second.context.close();
});

test('the debrief names a scenario question by its scenario, and draws a score nobody got as nothing', async () => {
  const { context, page, problems } = await phone();
  const { spec } = await makeSession(page, 'Scenarios');
  // Every question missed by one learner: each is in "Most missed" or the list of every question.
  await page.goto(`${suite.server.url}?view=result${spec}&score=0&missed=0.1.2.3.4.5.6.7.8.9&r=bbbb0001`);
  await page.locator('.debrief-figures').waitFor();
  const bank = await page.evaluate(async () => (await fetch(document.getElementById('question-bank').getAttribute('href'))).json());
  const scenarios = bank.topics.flatMap((t) => t.questions).filter((q) => q.type === 'scenario');
  const rows = await page.locator('.by-question-prompt').allInnerTexts();
  for (const row of rows.filter((r) => /most clearly\?$/.test(r))) {
    assert.ok(scenarios.some((q) => row.startsWith(q.scenario.split('. ')[0])), `a scenario row starts with its scenario: ${row}`);
  }
  for (const item of await page.locator('ol.missed > li').all()) {
    const prompt = await item.locator('.missed-prompt').innerText();
    if (scenarios.some((q) => q.prompt === prompt)) assert.equal(await item.locator('.missed-scenario').count(), 1, `${prompt} shows its scenario`);
  }
  // Ten rows of the spread, one learner: only the row of 0 right has a bar.
  const widths = await page.locator('.spread-bar rect').evaluateAll((rects) => rects.map((r) => r.getAttribute('width')));
  assert.deepEqual(widths.filter((w) => w !== '0'), ['100']);
  assert.equal(await page.locator('.spread-track').count(), 0);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

/** True if the page scrolls sideways. */
const scrollsSideways = (page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test('the projector debrief: its own full-screen view, legible at the back from 1024x768 to 4K, no names, kept on reload, live as results come in', async () => {
  const { context, page, problems } = await phone({ viewport: { width: 1920, height: 1080 }, isMobile: false, hasTouch: false, bypassCSP: true });
  const { spec } = await makeSession(page, 'Projector', { assessment: true });
  const session = new URL(page.url()).searchParams.get('quiz');
  for (const [token, missed, name] of [['cccc0001', [1, 4, 8], 'Ali Khan'], ['cccc0002', [4], null]]) {
    await page.goto(`${suite.server.url}?view=result${name ? `&name=${encodeURIComponent(name)}` : ''}${spec}&score=${10 - missed.length}&missed=${missed.join('.')}&r=${token}`);
    await page.getByText(/result was added to the debrief\./).waitFor();
  }
  await page.goto(`${suite.server.url}?view=debrief&quiz=${session}`);
  await page.locator('.debrief-figures').waitFor();
  assert.ok((await smallestText(page)) < 24, 'on a laptop screen the debrief is sized for reading close up');
  assert.match(await page.locator('main').innerText(), /From: Ali Khan/);

  await page.getByRole('link', { name: 'Show on the projector' }).click();
  await page.getByRole('link', { name: 'Leave the projector view' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('view'), 'projector', 'its own view, so a reload keeps it');
  assert.equal(await page.locator('.site-header').isVisible(), false, 'the site header is hidden');
  assert.doesNotMatch(await page.locator('main').innerText(), /Ali Khan/, 'no learner is named in front of the room');
  assert.match(await page.locator('.debrief-figures').innerText(), /Responses\s*2[\s\S]*Passed \(pass mark 80%\)\s*50%\s*1 of 2\b/);
  assert.equal(await page.getByRole('button', { name: 'Clear this debrief' }).count(), 0, 'nothing on the projector clears the results');
  const sizes = [
    { width: 1024, height: 768, least: 24, columns: 1 },
    { width: 1280, height: 720, least: 24, columns: 2 },
    { width: 1920, height: 1080, least: 24, columns: 2 },
    { width: 3840, height: 2160, least: 48, columns: 2 },
  ];
  for (const { width, height, least, columns } of sizes) {
    await page.setViewportSize({ width, height });
    const smallest = await smallestText(page);
    assert.ok(smallest >= least, `no text under ${least} px at ${width}x${height}: ${smallest}`);
    assert.equal(await scrollsSideways(page), false, `no sideways scroll at ${width}x${height}`);
    const overview = await page.locator('.debrief-overview').boundingBox();
    const missed = await page.locator('.debrief-missed').boundingBox();
    const sideBySide = missed.x >= overview.x + overview.width && missed.y < overview.y + overview.height;
    assert.equal(sideBySide ? 2 : 1, columns, `${columns} column(s) at ${width}x${height}`);
    const passRate = await page.locator('.pass-rate dd').boundingBox();
    assert.ok(passRate.y + passRate.height <= height, `the pass rate is on the first screen at ${width}x${height}`);
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
  assert.deepEqual(await axeInLightAndDark(page), { light: [], dark: [] }, 'no axe violations in the projector view, light and dark');

  // A result opened in another tab while the room watches: the projector counts it, with no reload.
  const other = await context.newPage();
  await other.goto(`${suite.server.url}?view=result${spec}&score=10&missed=&r=cccc0003`);
  await other.getByText(/result was added to the debrief\./).waitFor();
  await page.locator('.debrief-figures').getByText('3', { exact: true }).waitFor();
  await other.close();
  // A reload (or the laptop waking) keeps the projector view.
  await page.reload();
  await page.getByRole('link', { name: 'Leave the projector view' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('projecting')), true);
  // Escape leaves it for the debrief, as it was, with focus on its heading.
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Show on the projector' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'debrief-heading');
  assert.equal(new URL(page.url()).searchParams.get('view'), 'debrief');
  assert.equal(await page.locator('.site-header').isVisible(), true);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('projecting')), false);
  // So does the link, and leaving by Back.
  await page.getByRole('link', { name: 'Show on the projector' }).click();
  await page.getByRole('link', { name: 'Leave the projector view' }).click();
  await page.getByRole('link', { name: 'Show on the projector' }).click();
  await page.getByRole('link', { name: 'Leave the projector view' }).waitFor();
  await page.goBack();
  await page.getByRole('link', { name: 'Show on the projector' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('projecting')), false);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('present mode shows a short address and a session code; typed on a phone with no connection, it joins the same quiz, and its result the same debrief', async () => {
  const trainer = await phone({ viewport: { width: 1280, height: 720 }, isMobile: false, hasTouch: false });
  await trainer.page.goto(`${suite.server.url}?view=trainer`);
  await untilApp(trainer.page);
  // Topics ticked out of the bank's order; an assessment of 5 with a pass mark of 70%.
  await trainer.page.locator('#topic-principle-6').check();
  await trainer.page.locator('#topic-principle-1').check();
  await trainer.page.locator('#quiz-count').selectOption('5');
  await trainer.page.getByLabel('Assessment: feedback at the end, with a pass mark').check();
  await trainer.page.locator('#pass-mark').selectOption('70');
  // A title at the 60-character limit: on a 4:3 projector the code must still be on the first screen under it.
  const title = 'Level 3 refresher, Thursday afternoon group at the Civic Cen';
  await trainer.page.getByLabel('Title (optional)').fill(title);
  await trainer.page.getByRole('button', { name: 'Make the quiz link' }).click();
  const quizLink = await trainer.page.getByLabel('The quiz link', { exact: true }).inputValue();
  const session = new URL(trainer.page.url()).searchParams.get('quiz');
  const shownHere = await trainer.page.locator('.session-code').innerText();
  await trainer.page.getByRole('link', { name: 'Show on a projector' }).click();
  const code = (await trainer.page.locator('.present-code').innerText()).trim();
  assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/, 'twelve letters and numbers in three groups');
  assert.equal(code, shownHere, 'the trainer screen shows the same code');
  const origin = new URL(suite.server.url);
  assert.equal(await trainer.page.locator('.present-url').innerText(), `${origin.host}${origin.pathname}`.replace(/\/$/, ''), 'the app\'s address, short: no scheme and no query');
  const codeSize = await trainer.page.locator('.present-code').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(codeSize >= 48, `the code is large: ${codeSize}px`);
  // On one line and whole on the first screen, on a projector of any size and a phone on its side.
  for (const size of [{ width: 1024, height: 768 }, { width: 1280, height: 720 }, { width: 1920, height: 1080 }, { width: 3840, height: 2160 }, { width: 740, height: 360 }]) {
    await trainer.page.setViewportSize(size);
    const box = await trainer.page.locator('.present-code').boundingBox();
    const lineHeight = await trainer.page.locator('.present-code').evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
    assert.ok(box.height < 1.5 * lineHeight, `one line at ${size.width}x${size.height}`);
    assert.ok(box.x + box.width <= size.width, `whole across at ${size.width}x${size.height}`);
    if (size.width > size.height * 1.2 && size.height >= 720) assert.ok(box.y + box.height <= size.height, `on the first screen at ${size.width}x${size.height}`);
  }
  await trainer.page.setViewportSize({ width: 1280, height: 720 });

  // A learner with the same quiz by its QR code, for comparison.
  const scanned = await phone();
  await scanned.page.goto(quizLink);
  await untilApp(scanned.page);
  await scanned.page.getByRole('button', { name: 'Start the quiz' }).click();

  // A learner whose camera will not scan: the app opened once, then no connection.
  const typing = await phone();
  await typing.page.goto(suite.server.url);
  await untilApp(typing.page);
  await typing.context.setOffline(true);
  await typing.page.getByRole('link', { name: 'Join with a code' }).click();
  const field = typing.page.getByLabel('Session code');
  // A typing mistake is refused, says why, and keeps what was typed to correct.
  const plain = code.replaceAll('-', '');
  const swapAt = [...plain].findIndex((c, i) => c !== plain[i + 1]);
  const mistyped = plain.slice(0, swapAt) + plain[swapAt + 1] + plain[swapAt] + plain.slice(swapAt + 2);
  await field.fill(mistyped);
  await typing.page.getByRole('button', { name: 'Join' }).click();
  await typing.page.getByText('This code does not match a session. Check each character against the screen.', { exact: false }).waitFor();
  assert.equal(await field.inputValue(), mistyped);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.equal(await typing.page.evaluate(() => document.activeElement.id), 'session-code', 'focus is on the field to correct');
  await field.fill(plain.slice(0, 11));
  await typing.page.getByRole('button', { name: 'Join' }).click();
  await typing.page.getByText('A session code has 12 letters and numbers. This one has 11.', { exact: false }).waitFor();
  // Typed the way people type (lower case, spaces, O for 0 and l for 1), or pasted with the words around it; Enter joins.
  await field.fill(`Session code: “${code.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l')}”.`);
  await field.press('Enter');
  await typing.page.getByRole('button', { name: 'Start the quiz' }).waitFor();
  assert.equal(await typing.page.evaluate(() => document.activeElement.id), 'trainer-quiz-heading', 'focus on the new screen\'s heading');
  assert.equal(new URL(typing.page.url()).searchParams.get('c'), session, 'the same quiz: the same id as the trainer\'s link');
  assert.match(await typing.page.locator('main').innerText(), /5 questions/);
  await typing.page.getByRole('button', { name: 'Start the quiz' }).click();
  // The same questions in the same order, options and all.
  for (let n = 1; n <= 5; n++) {
    await typing.page.getByText(`Question ${n} of 5`).waitFor();
    await scanned.page.getByText(`Question ${n} of 5`).waitFor();
    const onScreen = (page) => page.locator('main fieldset').first().innerText();
    assert.equal(await onScreen(typing.page), await onScreen(scanned.page), `question ${n} is the same on both phones`);
    for (const page of [typing.page, scanned.page]) await answer(page, { correctly: true, deferred: true });
  }
  await typing.page.getByRole('heading', { name: 'Check your answers before you submit' }).waitFor();
  await settled(typing.page);
  await typing.page.getByRole('button', { name: 'Submit your answers' }).click();
  await typing.page.getByRole('button', { name: 'Show my result to the trainer' }).click();
  const resultLink = decodePng(await typing.page.locator('.result-qr svg').screenshot());
  assert.ok(resultLink, 'the result QR code can be read');
  assert.deepEqual(typing.problems.pageErrors, []);
  assert.deepEqual(typing.problems.failedRequests.filter((r) => !r.includes('favicon')), [], 'nothing was fetched: it all ran offline');
  await typing.context.close();
  await scanned.context.close();

  // The trainer scans it: one debrief, under the session's title.
  await trainer.page.goto(resultLink);
  await trainer.page.getByText("A learner's result was added to the debrief.").waitFor();
  assert.equal(new URL(trainer.page.url()).searchParams.get('quiz'), session);
  await trainer.page.getByRole('heading', { name: title, level: 3 }).waitFor();
  assert.match(await trainer.page.locator('.debrief-figures').innerText(), /Responses\s*1\b/);
  assert.deepEqual(trainer.problems.pageErrors, []);
  await trainer.context.close();
});

test('the session link carries the results collected so far: opened on the laptop, they join its debrief, none counted twice', async () => {
  const phoneDevice = await phone();
  const { spec } = await makeSession(phoneDevice.page, 'Moving results');
  const session = new URL(phoneDevice.page.url()).searchParams.get('quiz');
  const name = 'سارة_O.Neil';
  for (const [token, missed, who] of [['dddd0001', [0], name], ['dddd0002', [1, 2], null]]) {
    await phoneDevice.page.goto(`${suite.server.url}?view=result${who ? `&name=${encodeURIComponent(who)}` : ''}${spec}&score=${10 - missed.length}&missed=${missed.join('.')}&r=${token}`);
    await phoneDevice.page.getByText(/result was added to the debrief\./).waitFor();
  }
  await phoneDevice.page.goto(`${suite.server.url}?view=trainer&quiz=${session}`);
  const withResults = await phoneDevice.page.getByLabel('The session link', { exact: true }).inputValue();
  assert.match(withResults, /&results=2_/);

  const laptop = await phone({ viewport: { width: 1280, height: 800 } });
  await laptop.page.goto(withResults);
  await untilApp(laptop.page);
  await laptop.page.getByText('2 results came with the session: 2 new, 0 already counted here.').waitFor();
  assert.match(await laptop.page.locator('.debrief-figures').innerText(), /Responses\s*2\b/);
  assert.deepEqual(await laptop.page.locator('bdi').allInnerTexts(), [name], 'the name came with its result, whole');
  // Opened again, later, with one more result collected on the phone: only the new one counts.
  await phoneDevice.page.goto(`${suite.server.url}?view=result${spec}&score=10&missed=&r=dddd0003`);
  await phoneDevice.page.getByText(/result was added to the debrief\./).waitFor();
  await phoneDevice.page.goto(`${suite.server.url}?view=trainer&quiz=${session}`);
  const later = await phoneDevice.page.getByLabel('The session link', { exact: true }).inputValue();
  await laptop.page.goto(later);
  await laptop.page.getByText('3 results came with the session: 1 new, 2 already counted here.').waitFor();
  assert.match(await laptop.page.locator('.debrief-figures').innerText(), /Responses\s*3\b/);
  // Cut in the middle of its results: refused, not read as fewer results.
  await laptop.page.goto(later.slice(0, later.indexOf('&results=') + 20));
  await laptop.page.getByText('That link did not work, so here is the home page.').waitFor();
  assert.deepEqual(phoneDevice.problems.pageErrors, []);
  assert.deepEqual(laptop.problems.pageErrors, []);
  await phoneDevice.context.close();
  await laptop.context.close();
});

test('done when: a laptop on the projector and a phone in hand, across two days, every result sent by QR code or link ends up in one debrief, projected legibly', async () => {
  const DAY = 24 * 60 * 60 * 1000;
  // Day 1. The trainer makes the session on the phone, and opens its session link on the laptop, which drives the projector.
  const phoneDevice = await phone();
  const { link, sessionLink } = await makeSession(phoneDevice.page, 'Two-day course', { assessment: true });
  const session = new URL(phoneDevice.page.url()).searchParams.get('quiz');
  const laptop = await phone({ viewport: { width: 1920, height: 1080 }, isMobile: false, hasTouch: false });
  await laptop.page.goto(sessionLink);
  await untilApp(laptop.page);
  await laptop.page.getByRole('link', { name: 'Show on a projector' }).click();
  assert.equal(decodePng(await laptop.page.locator('.present-qr svg').screenshot()), link, 'the projector shows the phone\'s quiz: no new seed');
  const code = (await laptop.page.locator('.present-code').innerText()).trim();

  // One learner scans the projector's QR code; another's camera will not, so she types the code.
  const scans = await phone();
  await scans.page.goto(link);
  await untilApp(scans.page);
  await scans.page.getByRole('button', { name: 'Start the quiz' }).click();
  await playAssessment(scans.page, { count: 10 });
  const types = await phone();
  await types.page.goto(suite.server.url);
  await untilApp(types.page);
  await types.page.getByRole('link', { name: 'Join with a code' }).click();
  await types.page.getByLabel('Session code').fill(code);
  await types.page.getByRole('button', { name: 'Join' }).click();
  await types.page.getByRole('button', { name: 'Start the quiz' }).click();
  await playAssessment(types.page, { count: 10, correctly: (n) => n % 2 === 0 });
  const resultOf = async (learner) => {
    await learner.page.getByRole('button', { name: 'Show my result to the trainer' }).click();
    const scanned = decodePng(await learner.page.locator('.result-qr svg').screenshot());
    assert.ok(scanned, 'the result QR code can be read');
    return scanned;
  };
  // The first result is scanned with the phone in hand; the second comes as a link, opened on the laptop.
  await phoneDevice.page.goto(await resultOf(scans));
  await phoneDevice.page.getByText("A learner's result was added to the debrief.").waitFor();
  await laptop.page.goto(await resultOf(types));
  await laptop.page.getByText("A learner's result was added to the debrief.").waitFor();
  for (const learner of [scans, types]) {
    assert.deepEqual(learner.problems.pageErrors, []);
    await learner.context.close();
  }

  // Day 2. The trainer opens the app on the phone: the session is first, and its link carries the result collected there.
  for (const device of [phoneDevice, laptop]) await device.context.clock.install({ time: new Date(Date.now() + DAY) });
  await phoneDevice.page.goto(`${suite.server.url}?view=trainer`);
  await phoneDevice.page.locator('.session-list').getByText('Two-day course').click();
  await phoneDevice.page.getByLabel('The session link', { exact: true }).waitFor();
  assert.equal(new URL(phoneDevice.page.url()).searchParams.get('quiz'), session);
  const withResults = await phoneDevice.page.getByLabel('The session link', { exact: true }).inputValue();
  await laptop.page.goto(withResults);
  await laptop.page.getByText('1 result came with the session: 1 new, 0 already counted here.').waitFor();
  // On the laptop, one debrief holds both, and it projects legibly.
  assert.match(await laptop.page.locator('.debrief-figures').innerText(), /Responses\s*2\b[\s\S]*Passed \(pass mark 80%\)\s*1 of 2 \(50%\)/);
  await laptop.page.getByRole('link', { name: 'Show on the projector' }).click();
  await laptop.page.getByRole('heading', { name: 'Two-day course', level: 3 }).waitFor();
  assert.ok((await smallestText(laptop.page)) >= 24, 'no text under 24 px on the 1080p projector');
  assert.match(await laptop.page.locator('.debrief-figures').innerText(), /Responses\s*2\b[\s\S]*50%/);
  assert.deepEqual(phoneDevice.problems.pageErrors, []);
  assert.deepEqual(laptop.problems.pageErrors, []);
  await phoneDevice.context.close();
  await laptop.context.close();
});

test('result links opened in several tabs at the same moment are all counted, and the tabs settle', async () => {
  const trainer = await phone();
  const { spec } = await makeSession(trainer.page, 'Tapped at once');
  const quiz = new URL(trainer.page.url()).searchParams.get('quiz');
  await trainer.context.close();
  const links = [0, 1, 2, 3].map((n) => `${suite.server.url}?view=result&name=L${n}${spec}&score=9&missed=${n}&r=eeee000${n}`);
  const counted = (page) =>
    page.evaluate(() => JSON.parse(localStorage.getItem('safeguarding-check:progress') ?? '{"debrief":[]}').debrief.filter((e) => e.value).length);
  // Four tabs opening four links within a few milliseconds, as when a trainer
  // taps the links in a chat app one after another: each saves over what it
  // read, so without care the later saves drop the earlier results.
  for (let round = 0; round < 3; round += 1) {
    const device = await phone();
    const tabs = [device.page, ...(await Promise.all(links.slice(1).map(() => device.context.newPage())))];
    await Promise.all(tabs.map((tab, n) => tab.goto(links[n])));
    await Promise.all(tabs.map((tab) => tab.getByText(/result was added to the debrief\./).waitFor()));
    await tabs[0].waitForFunction(
      () => JSON.parse(localStorage.getItem('safeguarding-check:progress') ?? '{"debrief":[]}').debrief.filter((e) => e.value).length === 4,
      null,
      { timeout: 5000 },
    ).catch(() => {});
    assert.equal(await counted(tabs[0]), 4, `round ${round}: every result is kept`);
    // The tabs settle: none keeps saving once each has what the others have.
    const changes = await tabs[0].evaluate(async () => {
      let last = localStorage.getItem('safeguarding-check:progress');
      let changed = 0;
      for (let i = 0; i < 20; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const now = localStorage.getItem('safeguarding-check:progress');
        if (now !== last) changed += 1;
        last = now;
      }
      return changed;
    });
    assert.equal(changes, 0, 'storage is quiet once the tabs agree');
    const debrief = await device.context.newPage();
    await debrief.goto(`${suite.server.url}?view=debrief&quiz=${quiz}`);
    await untilApp(debrief);
    assert.match(await debrief.locator('.debrief-figures').innerText(), /Responses\s*4\b/);
    assert.deepEqual(device.problems.pageErrors, []);
    await device.context.close();
  }
});

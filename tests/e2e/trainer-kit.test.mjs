// A trainer's kit for a room with no Wi-Fi (#17): sessions kept and listed,
// present mode read from the back of a hall, an out-of-date QR code marked,
// QR downloads for slides, a learner's result scanned back, the debrief's
// figures, and CPD records that print one A4 page each, whatever prints them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodePng } from './support/qr.mjs';
import { ARTIFACTS, PHONE, sharedServerAndBrowser, watchedPage } from './support/browser.mjs';
import { playAssessment, seedRandomness } from './support/quiz-player.mjs';

const suite = sharedServerAndBrowser();

async function phone(seed, options = {}) {
  const context = await suite.browser.newContext({ viewport: PHONE, acceptDownloads: true, ...options });
  await seedRandomness(context, seed);
  const watched = await watchedPage(context, new URL(suite.server.url).origin);
  return { context, ...watched };
}

/** Sets the trainer's form and makes the link; returns the link shown. */
async function makeLink(page, { title, count = '5', assessment = false, pass }) {
  await page.getByLabel('Number of questions').selectOption(count);
  if (assessment) await page.getByLabel(/^Assessment:/).check();
  if (pass) await page.getByLabel('Pass mark (%)').selectOption(pass);
  await page.getByLabel('Title (optional)').fill(title);
  await page.getByRole('button', { name: 'Make the quiz link' }).click();
  await page.getByRole('heading', { name: title, level: 3 }).waitFor();
  return page.getByLabel('The quiz link', { exact: true }).inputValue();
}

/** The pages in a PDF that Chromium wrote. */
function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

test('a saved session survives a reload and keeps its seed; a changed setting marks its QR code out of date', async () => {
  const { context, page, problems } = await phone(11);
  await page.goto(`${suite.server.url}?view=trainer`);
  const link = await makeLink(page, { title: 'Hall A', count: '5' });
  const seed = new URL(link).searchParams.get('seed');
  assert.match(page.url(), /\?view=trainer&quiz=[0-9a-f]{8}$/, 'the session shown is in the address');

  await page.reload();
  await page.getByRole('heading', { name: 'Hall A', level: 3 }).waitFor();
  assert.equal(await page.getByLabel('The quiz link', { exact: true }).inputValue(), link, 'the same link after a reload');
  assert.equal(decodePng(await page.locator('.session-panel .qr-box svg').screenshot()), link, 'and the same QR code');

  // From a fresh trainer screen, the session is listed and opens as it was.
  await page.goto(`${suite.server.url}?view=trainer`);
  const listed = page.locator('.session-list li');
  await listed.first().waitFor();
  assert.equal(await listed.count(), 1);
  assert.match(await listed.innerText(), /Hall A[\s\S]*5 questions · about 3 minutes · practice · made \d+ \w+ \d{4} · 0 results/);
  await listed.getByRole('link').click();
  assert.equal(await page.getByLabel('The quiz link', { exact: true }).inputValue(), link);

  // A session of every topic shows every topic ticked.
  assert.equal(await page.locator('.options input[type=checkbox]:not(:checked)').count(), 0);
  // Changing any setting marks the QR code out of date until the link is made again.
  for (const [change, undo] of [
    [() => page.getByLabel('Number of questions').selectOption('10'), () => page.getByLabel('Number of questions').selectOption('5')],
    [() => page.getByLabel(/^Assessment:/).check(), () => page.getByLabel(/^Practice:/).check()],
    [() => page.getByLabel('Title (optional)').fill('Hall B'), () => page.getByLabel('Title (optional)').fill('Hall A')],
    [() => page.getByLabel('Principle 3: Always share information', { exact: true }).uncheck(), () => page.getByLabel('Principle 3: Always share information', { exact: true }).check()],
    [() => page.getByLabel('Refresher due after (months)').selectOption('24'), () => page.getByLabel('Refresher due after (months)').selectOption('12')],
  ]) {
    assert.equal(await page.locator('.qr-box.stale').count(), 0);
    await change();
    await page.getByText('This QR code is out of date.').waitFor();
    assert.equal(await page.locator('.qr-box.stale').count(), 1, 'the QR code itself is marked');
    await undo();
    await page.getByText('This QR code is out of date.').waitFor({ state: 'detached' });
  }

  // A changed setting, made again, is a new session with a new seed; the old one is kept.
  await page.getByLabel('Number of questions').selectOption('10');
  await page.getByRole('button', { name: 'Make the quiz link' }).click();
  await page.waitForFunction((old) => document.querySelector('#quiz-link')?.value !== old, link);
  const second = await page.getByLabel('The quiz link', { exact: true }).inputValue();
  assert.match(second, /count=10/);
  assert.equal(await page.locator('.qr-box.stale').count(), 0, 'the new QR code is current');
  assert.equal(await page.locator('.session-list li').count(), 2);

  // The first settings again give the first session, seed and all: one room, one debrief. (Enter in the title makes the link.)
  await page.getByLabel('Number of questions').selectOption('5');
  await page.getByLabel('Title (optional)').press('Enter');
  await page.waitForFunction((want) => document.querySelector('#quiz-link')?.value === want, link);
  assert.equal(new URL(await page.getByLabel('The quiz link', { exact: true }).inputValue()).searchParams.get('seed'), seed);
  assert.equal(await page.locator('.session-list li').count(), 2);

  // Downloads for slides: an SVG and a PNG, both of this link.
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the QR code (SVG)' }).click()]);
  assert.match(svgDownload.suggestedFilename(), /^safeguarding-check-session-[0-9a-f]{8}\.svg$/);
  const svg = await readFile(await svgDownload.path(), 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox/);
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the QR code (PNG)' }).click()]);
  assert.match(pngDownload.suggestedFilename(), /\.png$/);
  assert.equal(decodePng(await readFile(await pngDownload.path())), link, 'the PNG decodes to the link');
  // The SVG drawn in the page decodes too.
  const svgPage = await context.newPage();
  await svgPage.setContent(`<body style="margin:0;background:#fff">${svg.replace('<svg ', '<svg width="400" height="400" ')}</body>`);
  assert.equal(decodePng(await svgPage.locator('svg').screenshot()), link, 'the SVG decodes to the link');
  await svgPage.close();
  await page.screenshot({ path: join(ARTIFACTS, 'trainer-sessions.png'), fullPage: true });
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('present mode fills a projector, and its QR code decodes from a screenshot scaled down to 25%', async () => {
  const { context, page, problems } = await phone(12, { viewport: { width: 1280, height: 720 } });
  await page.goto(`${suite.server.url}?view=trainer`);
  const link = await makeLink(page, { title: 'Church hall, Tuesday', count: '10' });
  await page.getByRole('link', { name: 'Show on a projector' }).click();
  await page.getByRole('heading', { name: 'Church hall, Tuesday', level: 2 }).waitFor();
  await page.getByText("Scan with your phone's camera").waitFor();
  await page.getByText('10 questions · about 5 minutes · practice').waitFor();
  assert.equal(await page.locator('.site-header').isVisible(), false, 'nothing but the session on the projector');
  const box = await page.locator('.present-qr svg').boundingBox();
  assert.ok(box.width >= 0.6 * 720, `the QR code is ${box.width}px, at least 60% of the 720px side`);
  assert.ok(box.y + box.height <= 720, 'the whole QR code is on the first screen');
  const shot = await page.screenshot();
  const small = decodePng(shot, 4);
  assert.equal(small.width, 320);
  assert.equal(small.data, link, 'read from a quarter-size screenshot');
  await page.screenshot({ path: join(ARTIFACTS, 'present-mode.png') });
  // A phone held upright or on its side, and a 4:3 projector, show it all on the first screen.
  for (const size of [PHONE, { width: 740, height: 360 }, { width: 1024, height: 768 }]) {
    await page.setViewportSize(size);
    assert.equal(decodePng(await page.screenshot()), link, `${size.width}x${size.height}`);
    const qr = await page.locator('.present-qr svg').boundingBox();
    assert.ok(qr.y + qr.height <= size.height, `the QR code is wholly on screen at ${size.width}x${size.height}`);
    assert.ok(await page.getByRole('link', { name: 'Close' }).isVisible());
    const close = await page.getByRole('link', { name: 'Close' }).boundingBox();
    assert.ok(close.y + close.height <= size.height || size.width < size.height, `Close is on the first screen at ${size.width}x${size.height}`);
  }
  // Reload keeps it; Close, or Escape, goes back to the session, and Back then does not return to the projector view.
  await page.reload();
  await page.getByText("Scan with your phone's camera").waitFor();
  await page.getByRole('link', { name: 'Close' }).click();
  await page.getByRole('heading', { name: 'Church hall, Tuesday', level: 3 }).waitFor();
  await page.getByRole('link', { name: 'Show on a projector' }).click();
  await page.getByText("Scan with your phone's camera").waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: 'Church hall, Tuesday', level: 3 }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { name: 'Church hall, Tuesday', level: 3 }).waitFor();
  assert.equal(await page.getByText("Scan with your phone's camera").count(), 0);
  // A session that is not on this device says so.
  await page.goto(`${suite.server.url}?view=present&quiz=00000000`);
  await page.getByText('This session is not on this device.').waitFor();
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("a learner's result QR code decodes to a result link, which the trainer's phone counts", async () => {
  const trainer = await phone(13);
  await trainer.page.goto(`${suite.server.url}?view=trainer`);
  const link = await makeLink(trainer.page, { title: 'Scan back', count: '5', assessment: true });
  const learner = await phone(14);
  await learner.page.goto(link);
  await learner.page.getByRole('button', { name: 'Start the quiz' }).click();
  await playAssessment(learner.page, { count: 5, correctly: (n) => n !== 2 });
  await learner.page.getByRole('heading', { name: 'You passed' }).waitFor();
  // The first thing after the score: show the result to the trainer.
  const show = learner.page.getByRole('button', { name: 'Show my result to the trainer' });
  const headline = await learner.page.locator('#results-heading').boundingBox();
  assert.ok((await show.boundingBox()).y - headline.y < 740, 'on the first screen or just below it');
  await learner.page.getByLabel('Your name (optional)').fill('Ali Khan');
  await show.click();
  const scanned = decodePng(await learner.page.locator('.result-qr svg').screenshot());
  assert.ok(scanned, 'the result QR code can be read');
  const result = new URL(scanned);
  assert.equal(result.origin, new URL(link).origin);
  assert.equal(result.searchParams.get('view'), 'result');
  assert.equal(result.searchParams.get('score'), '4');
  assert.equal(result.searchParams.get('missed'), '1');
  assert.equal(result.searchParams.get('name'), 'Ali Khan');
  await learner.page.screenshot({ path: join(ARTIFACTS, 'result-qr.png'), fullPage: true });
  // The name typed is kept through a reload (with this attempt's record draft).
  await learner.page.reload();
  assert.equal(await learner.page.getByLabel('Your name (optional)').inputValue(), 'Ali Khan');
  // A learner who opens their own result is told to show it, and nothing is counted on their phone.
  await learner.page.goto(scanned);
  await learner.page.getByText('This is your own result, from this device').waitFor();
  assert.equal(await learner.page.evaluate(() => JSON.parse(localStorage.getItem('safeguarding-check:progress')).debrief.length), 0);
  await learner.context.close();

  // The trainer's camera opens it: counted once, in this session's debrief.
  await trainer.page.goto(scanned);
  await trainer.page.getByRole('heading', { name: 'Group debrief' }).waitFor();
  await trainer.page.screenshot({ path: join(ARTIFACTS, 'result-scanned.png'), fullPage: true });
  await trainer.page.getByText("Ali Khan's result was added to the debrief.").waitFor();
  assert.match(await trainer.page.locator('.debrief-figures').innerText(), /Responses\s*1[\s\S]*Passed \(pass mark 80%\)\s*1 of 1 \(100%\)[\s\S]*Average score\s*80%/);
  await trainer.page.goto(scanned);
  await trainer.page.getByText('This result was already counted.').waitFor();
  await trainer.page.goto(`${suite.server.url}?view=trainer`);
  await trainer.page.locator('.session-list li').first().waitFor();
  assert.match(await trainer.page.locator('.session-list li').innerText(), /1 result$/m);
  await trainer.context.close();
});

test('a session whose topics give fewer questions than asked counts its results; a new session says it has none yet', async () => {
  const trainer = await phone(17);
  await trainer.page.goto(`${suite.server.url}?view=trainer`);
  await trainer.page.getByLabel('Principle 8: Support your staff', { exact: true }).check();
  const link = await makeLink(trainer.page, { title: 'Small topic', count: '20', assessment: true });
  const given = Number((await trainer.page.locator('.session-effort').innerText()).match(/^(\d+) questions/)[1]);
  assert.ok(given < 20, `the topic gives ${given} questions`);
  // Before any result: its own debrief, empty, under its own title.
  await trainer.page.getByRole('link', { name: 'Open the debrief' }).click();
  await trainer.page.getByRole('heading', { name: 'Small topic' }).waitFor();
  await trainer.page.getByText('No results yet for this session.').waitFor();
  const learner = await phone(18);
  await learner.page.goto(link);
  await learner.page.getByRole('button', { name: 'Start the quiz' }).click();
  await playAssessment(learner.page, { count: given, correctly: (n) => n !== 1 });
  await learner.page.getByRole('button', { name: 'Show my result to the trainer' }).click();
  const scanned = decodePng(await learner.page.locator('.result-qr svg').screenshot());
  await learner.context.close();
  await trainer.page.goto(scanned);
  await trainer.page.getByText("A learner's result was added to the debrief.").waitFor();
  const figures = await trainer.page.locator('.debrief-figures').innerText();
  assert.match(figures, /Responses\s*1/);
  assert.match(figures, new RegExp(`Average score\\s*${Math.round(((given - 1) * 100) / given)}%`), 'out of the questions given, not the 20 asked');
  assert.equal(await trainer.page.locator('.spread tbody tr').first().locator('th').innerText(), `${given} of ${given}`);
  // A result edited to claim more than the link gives is refused.
  const tampered = new URL(scanned);
  tampered.searchParams.set('score', String(given + 1));
  tampered.searchParams.set('missed', '');
  await trainer.page.goto(tampered.href);
  await trainer.page.getByText('This result link has a score this app cannot use').waitFor();
  // A session asked for that is not on this device says so.
  await trainer.page.goto(`${suite.server.url}?view=trainer&quiz=deadbeef`);
  await trainer.page.getByText('That session is not on this device').waitFor();
  await trainer.context.close();
});

test('the debrief figures are right for a known set of results', async () => {
  const { context, page, problems } = await phone(15);
  const spec = 'title=Known%20group&topics=all&count=5&seed=1&mode=assessment&pass=60&refresh=12';
  const results = [
    ['3', '0.1', 'aaaaaaaa'],
    ['2', '0.1.2', 'bbbbbbbb'],
    ['5', '', 'cccccccc'],
  ];
  for (const [score, missed, token] of results) {
    await page.goto(`${suite.server.url}?view=result&${spec}&score=${score}&missed=${missed}&r=${token}`);
    await page.getByRole('heading', { name: 'Group debrief' }).waitFor();
  }
  await page.getByRole('heading', { name: 'Known group' }).waitFor();
  const figures = await page.locator('.debrief-figures').innerText();
  assert.match(figures, /Responses\s*3/);
  assert.match(figures, /Passed \(pass mark 60%\)\s*2 of 3 \(67%\)/);
  assert.match(figures, /Average score\s*67%/, '10 right of 15');
  const spread = await page.locator('.spread tbody tr').evaluateAll((rows) => rows.map((r) => [r.cells[0].innerText, r.cells[2].innerText]));
  assert.deepEqual(spread, [['5 of 5', '1'], ['4 of 5', '0'], ['3 of 5', '1'], ['2 of 5', '1'], ['1 of 5', '0'], ['0 of 5', '0']]);
  const byQuestion = await page.locator('.by-question-right').allInnerTexts();
  assert.deepEqual(byQuestion, ['Right: 1 of 3 (33%)', 'Right: 1 of 3 (33%)', 'Right: 2 of 3 (67%)', 'Right: 3 of 3 (100%)', 'Right: 3 of 3 (100%)']);
  assert.deepEqual(await page.locator('.missed-count').allInnerTexts(), [
    'Question 1: missed by 2 of 3',
    'Question 2: missed by 2 of 3',
    'Question 3: missed by 1 of 3',
  ]);
  // Every most-missed question has its answer and explanation; a match question's pairs are a list.
  for (const item of await page.locator('.missed > li').all()) {
    assert.match(await item.innerText(), /Answer:[\s\S]+Source:/);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'debrief-figures.png'), fullPage: true });
  // Clearing offers Undo, which brings every figure back.
  await page.getByRole('button', { name: 'Clear this debrief' }).click();
  await page.getByText('The debrief was cleared: 3 results removed.').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByText('The debrief is back.').waitFor();
  await page.reload();
  assert.match(await page.locator('.debrief-figures').innerText(), /Responses\s*3/);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('CPD records: a certificate only for a passed assessment, with role, organisation, time spent, source, sign-off and id; one A4 page each in print', async () => {
  const { context, page, problems } = await phone(16, { viewport: { width: 720, height: 1000 } });
  await page.goto(`${suite.server.url}?view=trainer`);
  const link = await makeLink(page, { title: 'Records day', count: '5', assessment: true });
  // A passed assessment: a certificate.
  await page.goto(link);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await playAssessment(page, { count: 5 });
  await page.getByRole('heading', { name: 'You passed' }).waitFor();
  await page.getByRole('button', { name: 'Make a completion record' }).click();
  await page.getByLabel('Your name (optional)').fill('Sam Jones');
  await page.getByLabel('Your role (optional)').fill('Social worker');
  await page.getByLabel('Your organisation (optional)').fill('Leeds City Council');
  await page.getByRole('button', { name: 'Save the record' }).click();
  await page.getByRole('heading', { name: 'Your completion records' }).waitFor();
  const first = await page.locator('.certificate').first().innerText();
  assert.match(first, /Certificate of completion/);
  assert.match(first, /Name\s*Sam Jones[\s\S]*Role\s*Social worker[\s\S]*Organisation\s*Leeds City Council/);
  assert.match(first, /Time spent\s*(under a minute|\d+ minutes?)/);
  assert.match(first, /Record id\s*SC-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/);
  assert.match(first, /Source: Learning from serious child safeguarding incidents: why it matters\. Figures from 2018-19\./);
  assert.match(first, /Supervisor's sign-off\s*Name\s*Signature\s*Date/);

  // A failed assessment: a CPD learning record, never a certificate; role and organisation carried over.
  await page.goto(link);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await playAssessment(page, { count: 5, correctly: () => false });
  await page.getByRole('heading', { name: 'Not passed this time' }).waitFor();
  await page.getByRole('button', { name: 'Make a completion record' }).click();
  assert.equal(await page.getByLabel('Your role (optional)').inputValue(), 'Social worker');
  assert.equal(await page.getByLabel('Your organisation (optional)').inputValue(), 'Leeds City Council');
  assert.equal(await page.getByLabel('Your name (optional)').inputValue(), '', 'a name is not carried to the next person');
  await page.getByLabel('Your name (optional)').fill('Sam Jones');
  await page.getByLabel('What I learnt').fill('x'.repeat(300));
  await page.getByRole('button', { name: 'Save the record' }).click();
  await page.getByRole('heading', { name: 'Your completion records' }).waitFor();
  const newest = await page.locator('.certificate').first().innerText();
  assert.match(newest, /CPD learning record/);
  assert.doesNotMatch(newest, /Certificate/);

  // Reflections at 0 (the first), 300 (the second) and 2,000 characters, and
  // the kinds of text that defeat a count of characters: prose just below a
  // step, Chinese and emoji (twice as wide), no spaces, short lines, long
  // lines, and every field at its limit.
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('safeguarding-check:progress')));
  const template = stored.records.find((e) => e.value).value;
  const cut = (text, n = 2000) => [...text.repeat(Math.ceil(n / [...text].length) + 1)].slice(0, n).join('');
  const prose = 'I learnt that information must be shared early with partner agencies, and that my records should show what I decided and why. ';
  const variants = [
    { learnt: cut('a '), practice: cut('b '), supervision: cut('c ') },
    { learnt: cut(prose, 855), practice: cut(prose, 855), supervision: cut(prose, 855) },
    { learnt: cut(prose, 1390), practice: cut(prose, 1390), supervision: cut(prose, 1390) },
    { learnt: cut('保护儿童是每个人的责任。'), practice: cut('尽早分享信息。'), supervision: cut('记录决定和理由。') },
    { learnt: cut('😀'), practice: cut('🧒🏽'), supervision: cut('👍') },
    { learnt: cut('W'), practice: cut('M'), supervision: cut('x') },
    { learnt: cut('line\n'), practice: cut('x\n'), supervision: cut('\n') },
    { learnt: cut(prose.slice(0, 99) + '\n'), practice: cut(prose.slice(0, 140) + '\n'), supervision: cut(prose.slice(0, 30) + '\n') },
    { name: cut('N', 60), role: cut('Senior practitioner, ', 80), organisation: cut('Metropolitan Borough Council ', 120), activity: cut('Title ', 200), learnt: cut(prose), practice: cut(prose), supervision: cut(prose) },
    // Long words that fill half a line each, and wide letters on short lines.
    { learnt: cut('M'.repeat(35) + ' '), practice: cut('M'.repeat(35) + ' '), supervision: cut('M'.repeat(35) + ' ') },
    { learnt: cut('W'.repeat(30) + '\n'), practice: cut('W'.repeat(30) + '\n'), supervision: cut('W'.repeat(30) + '\n') },
    { name: cut('W', 60), role: cut('W', 80), organisation: cut('W', 120), learnt: cut('M'.repeat(25) + ' '), practice: cut('M'.repeat(25) + ' '), supervision: cut('M'.repeat(25) + ' ') },
  ];
  variants.forEach((words, i) => {
    const id = `00000000000000${(0xa0 + i).toString(16)}`;
    const made = template.made_at + 1 + i;
    stored.records.push({ id, at: made, value: { ...template, made_at: made, name: 'Sam Jones', ...words } });
  });
  stored.records.sort((a, b) => (a.id < b.id ? -1 : 1)); // a collection is kept sorted by id
  await page.evaluate((text) => localStorage.setItem('safeguarding-check:progress', text), JSON.stringify(stored));
  await page.reload();
  await page.getByRole('heading', { name: 'Your completion records' }).waitFor();
  const count = 2 + variants.length;
  assert.equal(await page.locator('.certificate').count(), count);

  // The browser's own Print: every record, one page each, none holding only the header.
  // (page.pdf fires beforeprint, as Ctrl+P does.)
  for (const format of ['A4', 'Letter']) {
    assert.equal(pdfPages(await page.pdf({ format })), count, `one page per record on ${format}`);
  }
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.site-header').isVisible(), false, 'no page holds only the header');
  for (const certificate of await page.locator('.certificate').all()) {
    assert.ok(await certificate.locator('dd').first().isVisible(), 'the name is on every page');
  }
  assert.equal(await page.locator('.certificate dd', { hasText: 'Sam Jones' }).count(), count - 2, 'and it is the name given');
  await page.emulateMedia({ media: null }); // page.pdf prints with print media unless told otherwise

  // The app's own button: that record alone, on one page, at each length.
  // As a browser does: `beforeprint`, then its dialog (none here).
  await page.evaluate(() => {
    window.print = () => window.dispatchEvent(new Event('beforeprint'));
  });
  // US Letter is 18 mm shorter than A4: the longest reflections must still fit.
  for (const format of ['A4', 'Letter']) {
    for (let i = 0; i < count; i++) {
      await page.getByRole('button', { name: 'Print or save as PDF' }).nth(i).click();
      assert.equal(pdfPages(await page.pdf({ format })), 1, `record ${i + 1} prints on one page of ${format}`);
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    }
  }
  // After printing one, the browser's Print gives them all again, and the screen is as it was.
  assert.equal(pdfPages(await page.pdf({ format: 'A4' })), count);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('paper')), false);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(ARTIFACTS, 'records-print.png'), fullPage: true });
  await page.emulateMedia({ media: null });

  // Records and sessions travel in the progress backup, and merge on another phone.
  await page.goto(`${suite.server.url}?view=progress`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export my progress' }).click()]);
  const other = await phone(19);
  await other.page.goto(`${suite.server.url}?view=progress`);
  await other.page.getByLabel('Import a backup file').setInputFiles(await download.path());
  await other.page.locator('.backup-status').getByText(new RegExp(`and ${count} records, and for a trainer [1-9]\\d* sessions? and \\d+ learners?'? results?\\.`)).waitFor();
  await other.page.getByRole('button', { name: 'Merge' }).click();
  await other.page.locator('.backup-status').getByText('The backup was added to your progress.').waitFor();
  await other.page.goto(`${suite.server.url}?view=records`);
  await other.page.getByRole('heading', { name: 'Your completion records' }).waitFor();
  assert.equal(await other.page.locator('.certificate').count(), count);
  assert.match(await other.page.locator('.certificate').last().innerText(), /Role\s*Social worker[\s\S]*Time spent/);
  await other.page.goto(`${suite.server.url}?view=trainer`);
  await other.page.locator('.session-list li', { hasText: 'Records day' }).waitFor();
  await other.context.close();
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

// The whole session from one device (#34): the course as slides on a
// projector, in the seed's order, with the group work's timer, the session's
// QR code and its live debrief where the trainer puts them; speaker notes in
// a second window that moves with the slides; the keyboard, a clicker and a
// swipe; a reload returning to the same slide and time; offline, from
// 1024x768 to 4K and on a phone on its side, with no axe violations.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, DIST, newTestContext, sharedServerAndBrowser, untilApp, watchedPage } from './support/browser.mjs';
import { serveStatic } from './support/static-server.mjs';
import { axeInLightAndDark } from './support/axe.mjs';
import { smallestText } from './support/layout.mjs';
import { decodePng } from './support/qr.mjs';

const suite = sharedServerAndBrowser();
/** The README's projector screenshots (`scripts/update-screenshots.sh` copies them). */
const SCREENS = join(ARTIFACTS, 'screens');
const screenshot = async (page, name) => {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
};
const PROJECTOR = { width: 1920, height: 1080 };
const learn = JSON.parse(readFileSync(new URL('../../assets/learn.json', import.meta.url), 'utf8'));

/** The slides' titles the content gives, with the quiz `atEnd` or after the principles. */
function expectedTitles(atEnd) {
  const quiz = ['Take the quiz', 'Group debrief'];
  return learn.deck.slides.flatMap(({ card, part }) => {
    if (card) return [learn.cards.find((c) => c.id === card).title];
    return {
      title: [learn.deck.title],
      animation: ['Animation'],
      'group-work': [learn.deck.group_work.title],
      quiz: atEnd ? [] : quiz,
      'care-line': [...(atEnd ? quiz : []), 'Looking after yourself'],
    }[part];
  });
}

async function laptop(options = {}) {
  const context = await suite.browser.newContext({ viewport: PROJECTOR, isMobile: false, hasTouch: false, ...options });
  const watched = await watchedPage(context, new URL(suite.server.url).origin);
  return { context, ...watched };
}

/** Makes a session titled `title` on the trainer screen; its quiz link, spec (for result links) and id. */
async function makeSession(page, title, server = suite.server) {
  await page.goto(`${server.url}?view=trainer`);
  await untilApp(page);
  await page.getByLabel('Title (optional)').fill(title);
  await page.getByLabel('Assessment: feedback at the end, with a pass mark').check();
  await page.getByRole('button', { name: 'Make the quiz link' }).click();
  const link = await page.getByLabel('The quiz link', { exact: true }).inputValue();
  return { link, spec: new URL(link).search.replace('?view=trainer-quiz', ''), id: new URL(page.url()).searchParams.get('quiz') };
}

/** "Slide N of M: title" as the slides say it. */
async function shownSlide(page) {
  const text = await page.locator('.slide-count').innerText();
  const [, n, of, title] = text.match(/^Slide (\d+) of (\d+): (.*)$/);
  return { n: Number(n), of: Number(of), title };
}

/** Waits until slide `n` (1-based) shows. */
const untilSlide = (page, n) => page.locator('.slide-count').filter({ hasText: new RegExp(`^Slide ${n} of `) }).waitFor();

/**
 * How the slide overflows: the page sideways, the slide below its own box
 * (a slide taller than the screen scrolls within itself), and whether the
 * controls are wholly on the screen.
 */
const overflow = (page) =>
  page.evaluate(() => {
    const slide = document.querySelector('.slide-area');
    const controls = document.querySelector('.deck-controls').getBoundingClientRect();
    return {
      sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      below: slide.scrollHeight > slide.clientHeight + 1,
      controlsOnScreen: controls.top >= 0 && controls.bottom <= window.innerHeight + 1,
    };
  });

test('the session as slides: in the seed order, legible at the back, moved by keys, a clicker and a swipe, and a reload keeps the slide', async () => {
  const { context, page, problems } = await laptop({ bypassCSP: true });
  await makeSession(page, 'Church hall, Tuesday');
  await page.getByRole('button', { name: 'Present the session' }).click();
  await untilSlide(page, 1);
  assert.match(page.url(), /\?view=slides&quiz=[0-9a-f]{8}$/, 'the slides have their own address');
  assert.equal(await page.locator('.site-header').isVisible(), false, 'nothing but the slide on the projector');
  assert.equal(await page.locator('#slide-heading').innerText(), learn.deck.title);

  // Every slide in order, by Page Down (a clicker's "next").
  const titles = expectedTitles(false);
  for (const [i, title] of titles.entries()) {
    await untilSlide(page, i + 1);
    const shown = await shownSlide(page);
    assert.deepEqual(shown, { n: i + 1, of: titles.length, title });
    const heading = page.locator('.slide h2').first();
    assert.equal((await heading.innerText()).replace(/\s+/g, ' '), title.replace(/\s+/g, ' '), `slide ${i + 1}'s heading`);
    const smallest = await smallestText(page);
    assert.ok(smallest >= 24, `no text under 24 px on "${title}" at 1080p: ${smallest}`);
    const { sideways, below, controlsOnScreen } = await overflow(page);
    assert.equal(sideways, false, `"${title}" does not scroll sideways`);
    if (title !== 'Group debrief') assert.equal(below, false, `"${title}" fits the 1080p screen`);
    assert.ok(controlsOnScreen, `the controls are on screen on "${title}"`);
    if (i + 1 < titles.length) await page.keyboard.press('PageDown');
  }
  // Past the end, nothing: the last slide stays, and Next says it is unavailable.
  await page.keyboard.press('PageDown');
  assert.equal((await shownSlide(page)).n, titles.length);
  assert.equal(await page.getByRole('button', { name: 'Next' }).getAttribute('aria-disabled'), 'true');
  assert.equal(await page.getByRole('button', { name: 'Previous' }).getAttribute('aria-disabled'), null);

  // The charts, large, with the seed's figures written as text.
  await page.keyboard.press('Home');
  await untilSlide(page, 1);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await untilSlide(page, 3);
  assert.equal(await page.locator('.slide-chart').count(), 3, 'the national picture: three charts');
  const picture = await page.locator('.slide').innerText();
  for (const figure of ['294', '244', 'over 500', '77', '46%', '13%', '15%']) assert.ok(picture.includes(figure), `${figure} is on the slide`);
  await page.keyboard.press('n');
  await untilSlide(page, 4);
  assert.equal(await page.locator('.slide-bars li').count(), 11, 'the 538 children: eleven bars');
  const bar = await page.locator('.slide-bars li').first().boundingBox();
  assert.ok(bar.width > 0.6 * PROJECTOR.width, `the chart fills the screen: ${bar.width}px`);

  // Up and Down are left to scroll a slide: they do not move it.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  assert.equal((await shownSlide(page)).n, 4);
  // Back by Page Up, Left and P; forward by Space.
  await page.keyboard.press('PageUp');
  await untilSlide(page, 3);
  await page.keyboard.press('p');
  await untilSlide(page, 2);
  await page.keyboard.press('ArrowLeft');
  await untilSlide(page, 1);
  assert.equal(await page.getByRole('button', { name: 'Previous' }).getAttribute('aria-disabled'), 'true');
  await page.keyboard.press('Space');
  await untilSlide(page, 2);

  // A principle: its learning points on the slide.
  const principle1 = titles.indexOf('Principle 1: Keep clear and detailed records') + 1;
  for (let n = 2; n < principle1; n++) await page.keyboard.press('ArrowRight');
  await untilSlide(page, principle1);
  const slideText = (await page.locator('.slide').innerText()).replace(/\s+/g, ' ');
  for (const point of learn.cards.find((c) => c.id === 'principle-1').groups.flatMap((g) => g.points)) {
    assert.ok(slideText.includes(point.text.replace(/\s+/g, ' ')), `"${point.text.slice(0, 40)}…" is on the slide`);
  }

  // A swipe across the slide: left goes on, right goes back.
  const swipe = async (from, to) => {
    await page.mouse.move(from, 500);
    await page.mouse.down();
    await page.mouse.move((from + to) / 2, 505);
    await page.mouse.move(to, 510);
    await page.mouse.up();
  };
  await swipe(1400, 600);
  await untilSlide(page, principle1 + 1);
  await swipe(600, 1400);
  await untilSlide(page, principle1);

  // The on-screen buttons, by keyboard: Enter on Next moves one slide, and focus stays on it for the next press.
  await page.getByRole('button', { name: 'Next' }).focus();
  await page.keyboard.press('Enter');
  await untilSlide(page, principle1 + 1);
  await page.keyboard.press('Space');
  await untilSlide(page, principle1 + 2);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Next');
  assert.equal((await shownSlide(page)).n, principle1 + 2, 'Space on the button moved one slide, not two');

  // A reload, or the laptop waking, returns to the same slide.
  await page.reload();
  await untilSlide(page, principle1 + 2);
  await page.screenshot({ path: join(ARTIFACTS, 'slides-principle.png') });
  // Escape leaves for the session on the trainer screen, and Back does not return to the slides.
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: 'Church hall, Tuesday', level: 3 }).waitFor();
  assert.match(await page.locator('.session-panel').innerText(), new RegExp(`Presenting began: slide ${principle1 + 2} of ${titles.length}`));
  await page.getByRole('button', { name: 'Present the session' }).click();
  await untilSlide(page, principle1 + 2);
  await page.getByRole('link', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Start again from the first slide' }).click();
  await untilSlide(page, 1);
  // A session that is not on this device says so.
  await page.goto(`${suite.server.url}?view=slides&quiz=00000000`);
  await page.getByText(/^This session is not on this device:/).waitFor();
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test("the group work's timer: it starts on arrival, pauses, takes a minute more, is skipped, and a reload shows the same time", async () => {
  const { context, page, problems } = await laptop();
  await context.clock.install({ time: Date.parse('2026-12-08T10:00:00Z') });
  await makeSession(page, 'Timer');
  await page.getByRole('button', { name: 'Present the session' }).click();
  const groupWork = expectedTitles(false).indexOf('Group work') + 1;
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  for (let n = 1; n < groupWork; n++) await page.keyboard.press('PageDown');
  await untilSlide(page, groupWork);
  const slide = page.locator('.slide');
  assert.match(await slide.innerText(), /In groups, take 10 minutes to:\s*Reflect on the 10 Principles and how they relate to your role\./);
  const face = page.locator('.slide .timer-face');
  assert.match(await face.innerText(), /^10:00\s+left$/);
  await context.clock.fastForward('03:00');
  await face.filter({ hasText: /^7:00\s+left$/ }).waitFor();

  await page.getByRole('button', { name: 'Pause' }).click();
  await face.filter({ hasText: /Paused/ }).waitFor();
  await context.clock.fastForward('05:00');
  assert.match(await face.innerText(), /^7:00\s+Paused$/, 'a paused timer keeps its time');
  await page.getByRole('button', { name: 'One more minute' }).click();
  await face.filter({ hasText: /^8:00\s+Paused$/ }).waitFor();
  // A reload (or the laptop waking) returns to the same slide and the same time.
  await page.reload();
  await untilSlide(page, groupWork);
  await face.filter({ hasText: /^8:00\s+Paused$/ }).waitFor();
  await page.getByRole('button', { name: 'Resume' }).click();
  await context.clock.fastForward('08:01');
  await face.filter({ hasText: /Time is up/ }).waitFor();
  assert.equal(await page.locator('.group-timer [role=status]').innerText(), "The group work's time is up.", 'said once, in a live region');
  // Nothing to pause once the time is up; the button stays where focus was, marked unavailable.
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Pause', 'focus is not lost');
  assert.equal(await page.getByRole('button', { name: 'Pause' }).getAttribute('aria-disabled'), 'true');
  await page.keyboard.press('Enter');
  await face.filter({ hasText: /Time is up/ }).waitFor();
  await page.getByRole('button', { name: 'One more minute' }).click();
  await face.filter({ hasText: /^1:00\s+left$/ }).waitFor();
  // The timer is calm: it does not change colour as it runs out.
  const colour = await page.locator('.timer-digits').evaluate((e) => getComputedStyle(e).color);
  await context.clock.fastForward('00:50');
  assert.equal(await page.locator('.timer-digits').evaluate((e) => getComputedStyle(e).color), colour);

  // Skip: the timer stops and the next slide shows; coming back, it says so and can run again.
  await page.getByRole('button', { name: 'Skip' }).click();
  await untilSlide(page, groupWork + 1);
  await page.keyboard.press('PageUp');
  await face.filter({ hasText: /Skipped/ }).waitFor();
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('speaker notes in a second window move with the slides, and moving there moves the slides', async () => {
  const { context, page, problems } = await laptop({ bypassCSP: true });
  await makeSession(page, 'Two screens');
  await page.getByRole('button', { name: 'Present the session' }).click();
  await untilSlide(page, 1);
  const [notes] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Speaker notes' }).click()]);
  await notes.getByRole('heading', { name: 'Speaker notes' }).waitFor();
  assert.match(notes.url(), /\?view=notes&quiz=[0-9a-f]{8}$/);
  const titles = expectedTitles(false);
  await notes.getByText(`Next: ${titles[1]}`).waitFor();
  assert.equal(await notes.getByRole('button', { name: 'Previous' }).getAttribute('aria-disabled'), 'true', 'the notes mark the first slide too');
  assert.match(await notes.locator('.time-used').innerText(), /^Time used: \d+ min$/);

  // Next on the notes moves the slides.
  await notes.getByRole('button', { name: 'Next' }).click();
  await untilSlide(page, 2);
  // A clicker on the slides moves the notes.
  const principle3 = titles.indexOf('Principle 3: Always share information') + 1;
  for (let n = 2; n < principle3; n++) await page.keyboard.press('PageDown');
  await untilSlide(page, principle3);
  await notes.locator('.notes-slide').filter({ hasText: `Slide ${principle3} of ${titles.length}: ${titles[principle3 - 1]}` }).waitFor();
  const said = (await notes.locator('.notes-body').innerText()).replace(/\s+/g, ' ');
  const card = learn.cards.find((c) => c.id === 'principle-3');
  for (const point of card.groups.flatMap((g) => g.points)) assert.ok(said.includes(point.text), 'the learning points are the notes');
  assert.match(said, /Ask the room/);
  for (const flip of card.flips) assert.ok(said.includes(flip.front) && said.includes(flip.back), 'each question to ask, with its answer');
  assert.equal(await notes.locator('.notes-next').innerText(), `Next: ${titles[principle3]}`);
  // The next slide itself, previewed: its points.
  const nextCard = learn.cards.find((c) => c.title === titles[principle3]);
  assert.ok((await notes.locator('.next-preview').innerText()).includes(nextCard.groups[0].points[0].text), 'the next slide is previewed');
  // The keys work on the notes too.
  await notes.keyboard.press('PageUp');
  await untilSlide(page, principle3 - 1);
  // The notes say how a phone can hold them, and that it keeps its own place.
  assert.match(await notes.locator('main').innerText(), /the phone keeps its own place/);
  assert.deepEqual(await axeInLightAndDark(notes), { light: [], dark: [] }, 'the notes pass axe, light and dark');
  await notes.setViewportSize({ width: 1280, height: 720 });
  await screenshot(notes, 'speaker-notes');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("the quiz in the deck: the session's QR code and code, its debrief live as results come, after the principles or at the end", async () => {
  const { context, page, problems } = await laptop({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
  const { link, spec } = await makeSession(page, 'Deck quiz');
  const codeHere = (await page.locator('.session-code').innerText()).trim();
  await page.getByLabel('At the end', { exact: true }).check();
  await page.getByRole('button', { name: 'Present the session' }).click();
  const titles = expectedTitles(true);
  assert.deepEqual(titles.slice(-4), ['E-learning', 'Take the quiz', 'Group debrief', 'Looking after yourself']);
  await page.keyboard.press('End');
  await untilSlide(page, titles.length);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await untilSlide(page, titles.length - 2);
  // The same session as the trainer screen: the same link in its QR code, the same code.
  assert.equal(decodePng(await page.screenshot(), 2).data, link, "the QR code read from a half-size screenshot is the session's link");
  assert.equal((await page.locator('.slide .present-code').innerText()).trim(), codeHere);
  await screenshot(page, 'slides-join');

  // The debrief slide fills in as results come back, with no reload.
  await page.keyboard.press('PageDown');
  await untilSlide(page, titles.length - 1);
  await page.getByText('No results yet.', { exact: false }).waitFor();
  const other = await context.newPage();
  for (const [token, missed] of [['dddd0001', []], ['dddd0002', [2, 5]]]) {
    await other.goto(`${suite.server.url}?view=result${spec}&score=${10 - missed.length}&missed=${missed.join('.')}&r=${token}`);
    await other.getByText(/result was added to the debrief\./).waitFor();
  }
  await other.close();
  await page.locator('.slide .debrief-figures').getByText('2', { exact: true }).waitFor();
  await screenshot(page, 'slides-debrief');
  assert.equal((await shownSlide(page)).title, 'Group debrief', 'still on the debrief slide');
  assert.deepEqual(await axeInLightAndDark(page), { light: [], dark: [] }, 'the debrief slide passes axe');

  // Moved back after the principles while the slides show in another window:
  // they follow at once, on the same slide.
  const slidesUrl = page.url();
  await page.keyboard.press('Escape');
  const projector = await context.newPage();
  await projector.goto(slidesUrl);
  await untilSlide(projector, titles.length - 1);
  const notes = await context.newPage();
  await notes.goto(slidesUrl.replace('view=slides', 'view=notes'));
  await notes.locator('.notes-slide').filter({ hasText: `Slide ${titles.length - 1} of ` }).waitFor();
  await page.getByLabel('After the 10 Principles, before the e-learning').check();
  const after = expectedTitles(false);
  await untilSlide(projector, after.indexOf('Group debrief') + 1);
  assert.equal((await shownSlide(projector)).title, 'Group debrief');
  // The notes follow too: the same slide at its new number, and the slide after it.
  await notes.locator('.notes-slide').filter({ hasText: `Slide ${after.indexOf('Group debrief') + 1} of ${after.length}: Group debrief` }).waitFor();
  assert.equal(await notes.locator('.notes-next').innerText(), `Next: ${after[after.indexOf('Group debrief') + 1]}`);
  await notes.close();
  await page.reload();
  assert.equal(await page.getByLabel('After the 10 Principles, before the e-learning').isChecked(), true, 'the choice is kept');
  await projector.close();
  await page.getByRole('button', { name: 'Present the session' }).click();
  await untilSlide(page, after.indexOf('Group debrief') + 1);
  assert.equal((await shownSlide(page)).title, 'Group debrief');
  // The charts and the group work, at the same projector size, for the README.
  for (const [title, name] of [['The national picture 2018-19', 'slides-national-picture'], ['Group work', 'slides-group-work']]) {
    await page.keyboard.press('Home');
    await untilSlide(page, 1);
    for (let n = 1; n < after.indexOf(title) + 1; n++) await page.keyboard.press('PageDown');
    await untilSlide(page, after.indexOf(title) + 1);
    await screenshot(page, name);
  }

  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('offline after one visit, every slide fits from 1024x768 to 4K and on a phone on its side, with no axe violations', async () => {
  const server = await serveStatic(DIST);
  const context = await newTestContext(suite.browser.raw, { viewport: { width: 1024, height: 768 }, serviceWorkers: 'allow', bypassCSP: true });
  const { page, problems } = await watchedPage(context, new URL(server.url).origin);
  await makeSession(page, 'No Wi-Fi', server);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.getByRole('button', { name: 'Present the session' }).click();
  await untilSlide(page, 1);
  await server.close();
  await page.reload();
  await untilSlide(page, 1);

  const titles = expectedTitles(false);
  const sizes = [
    { width: 1024, height: 768, least: 16 },
    { width: 3840, height: 2160, least: 48 },
    { width: 740, height: 360, least: 16 },
  ];
  for (const { width, height, least } of sizes) {
    await page.setViewportSize({ width, height });
    await page.keyboard.press('Home');
    for (const [i, title] of titles.entries()) {
      await untilSlide(page, i + 1);
      const { sideways, below, controlsOnScreen } = await overflow(page);
      assert.equal(sideways, false, `"${title}" does not scroll sideways at ${width}x${height}`);
      if (height >= 768 && title !== 'Group debrief') assert.equal(below, false, `"${title}" fits ${width}x${height}`);
      assert.ok(controlsOnScreen, `the controls are on screen on "${title}" at ${width}x${height}`);
      const smallest = await smallestText(page);
      assert.ok(smallest >= least, `no text under ${least} px on "${title}" at ${width}x${height}: ${smallest}`);
      if (height === 360 && title === 'The national picture 2018-19') {
        // Taller than a phone on its side: Down scrolls it, with focus still on the deck.
        const area = page.locator('.slide-area');
        assert.equal(await area.evaluate((e) => e.scrollTop), 0, 'each slide opens at its top');
        await page.keyboard.press('ArrowDown');
        await page.waitForFunction(() => document.querySelector('.slide-area').scrollTop > 0);
        assert.equal((await shownSlide(page)).title, title, 'Down scrolls; it does not move the slide');
      }
      if (width === 1024 && ['Characteristics of the 538 children', 'Group work', 'Take the quiz', 'Group debrief', 'Looking after yourself', learn.deck.title].includes(title)) {
        assert.deepEqual(await axeInLightAndDark(page), { light: [], dark: [] }, `"${title}" passes axe, light and dark`);
      }
      await page.keyboard.press('PageDown');
    }
  }
  // Every target on the slides' controls is at least 44 px.
  for (const box of await page.locator('.deck-controls .button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
    assert.ok(box.height >= 44 && box.width >= 44, `a control is ${box.width}x${box.height}`);
  }
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("the session's data cleared in another tab: the slides and the notes say so in place, with no error", async () => {
  const { context, page, problems } = await laptop();
  const { id } = await makeSession(page, 'Cleared');
  await page.getByRole('button', { name: 'Present the session' }).click();
  await page.keyboard.press('PageDown');
  await untilSlide(page, 2);
  const notes = await context.newPage();
  await notes.goto(`${suite.server.url}?view=notes&quiz=${id}`);
  await notes.locator('.notes-slide').filter({ hasText: /^Slide 2 of / }).waitFor();
  const other = await context.newPage();
  await other.goto(`${suite.server.url}?view=progress`);
  await other.getByRole('button', { name: 'Clear my data' }).click();
  await other.getByRole('button', { name: 'Delete my data' }).click();
  await page.getByText('This session is not on this device: it was made on another, or its data was cleared.').waitFor();
  await notes.getByText('This session is not on this device: it was made on another, or its data was cleared.').waitFor();
  assert.equal(await page.locator('.deck-controls').isVisible(), false, 'no controls for a deck that has gone');
  assert.equal(await notes.locator('.notes-move').isVisible(), false);
  // Nothing moves a session that has gone, and nothing breaks.
  await page.keyboard.press('PageDown');
  await page.getByRole('link', { name: 'Go to the home page' }).waitFor();
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

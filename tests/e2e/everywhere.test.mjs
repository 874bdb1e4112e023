// Everywhere the app runs (issue #31, items 4 to 6, in part): each screen
// has its own page title and focus goes to its heading, home included; the
// quiz's progress bar stays visible in a Windows contrast theme (forced
// colours); the print rules for records work in a browser without `:has()`;
// the day turns while the app is open; "Full screen" only where it works.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, PHONE, sharedServerAndBrowser, untilApp, watchedPage } from './support/browser.mjs';
import { answer, next, openApp, settled } from './support/quiz-player.mjs';
import { preparedState } from './support/prepared.mjs';

const suite = sharedServerAndBrowser();

async function phone(options = {}) {
  const context = await suite.browser.newContext({ viewport: PHONE, ...options });
  const watched = await watchedPage(context, new URL(suite.server.url).origin);
  return { context, ...watched };
}

/** The focused element's tag and text, to say where focus is. */
const focused = (page) => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent.trim().slice(0, 40)}`);

test('each screen has a title of its own, and focus goes to its heading on every navigation, home included', async () => {
  const { context, page, problems } = await phone({ storageState: preparedState(new URL(suite.server.url).origin, 'everything') });
  await openApp(page, suite.server.url);
  const titles = new Map();
  for (const [view, heading] of [
    ['?view=progress', 'Your progress'],
    ['?view=records', 'Your completion records'],
    ['?view=about', 'About'],
    ['?view=learn', 'Learn'],
    ['?view=trainer', 'Run a session'],
  ]) {
    await page.goto(`${suite.server.url}${view}`);
    await page.getByRole('heading', { level: 2, name: heading }).first().waitFor();
    titles.set(view, await page.title());
  }
  titles.set('home', (await page.goto(suite.server.url), await page.getByRole('button', { name: 'Start quick check' }).waitFor(), await page.title()));
  assert.equal(new Set(titles.values()).size, titles.size, `every title differs: ${[...titles.values()].join(' | ')}`);
  for (const title of titles.values()) assert.match(title, /Safeguarding Check/);
  assert.equal(titles.get('?view=progress'), 'Your progress – Safeguarding Check');
  // Into the quiz in progress, then Quit: home's heading has focus, not <body>.
  await page.getByRole('button', { name: /^Continue your quiz/ }).first().click();
  await page.getByText(/^Question \d+ of/).waitFor();
  assert.equal(await page.title(), 'Quiz – Safeguarding Check');
  await settled(page);
  await page.getByRole('button', { name: 'Quit' }).click();
  await page.getByRole('button', { name: 'Leave the quiz' }).click();
  await page.getByRole('button', { name: /^Continue your quiz/ }).first().waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'home-heading');
  assert.match(await page.title(), /^Safeguarding Check/);
  // The header's link home, from Progress.
  await page.goto(`${suite.server.url}?view=progress`);
  await page.getByRole('heading', { level: 2, name: 'Your progress' }).waitFor();
  await page.locator('.site-header a').first().click();
  await page.waitForFunction(() => document.activeElement?.id === 'home-heading');
  assert.equal(await focused(page), 'H2 Check what you know');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('in a Windows contrast theme (forced colours) the quiz\'s progress bar fills, in a system colour', async () => {
  const { context, page } = await phone();
  await page.emulateMedia({ forcedColors: 'active' });
  await openApp(page, suite.server.url);
  await page.getByRole('button', { name: 'Start quick check' }).click();
  await page.getByText('Question 1 of 10').waitFor();
  await answer(page, { correctly: true });
  await next(page);
  await page.getByText('Question 2 of 10').waitFor();
  const bar = await page.evaluate(() => {
    const fill = document.querySelector('.progress-fill');
    const track = document.querySelector('.progress-track');
    return { width: fill.getBoundingClientRect().width, fill: getComputedStyle(fill).backgroundColor, track: getComputedStyle(track).backgroundColor };
  });
  assert.ok(bar.width > 0, `the fill has a width (${bar.width} px)`);
  assert.notEqual(bar.fill, bar.track, `the fill (${bar.fill}) stands out from its track (${bar.track})`);
  assert.notEqual(bar.fill, 'rgba(0, 0, 0, 0)', 'the fill is painted');
  await context.close();
});

test('the print rules for records name no :has(), which a browser without it would drop whole (Firefox ESR 115)', async () => {
  // The stylesheet as shipped (in the page), each `@media print { … }` block by its braces.
  const css = readFileSync(join(DIST, 'index.html'), 'utf8');
  const blocks = [];
  for (let at = css.indexOf('@media print'); at >= 0; at = css.indexOf('@media print', at + 1)) {
    let depth = 0;
    let end = css.indexOf('{', at);
    for (let i = end; i < css.length; i++) {
      depth += css[i] === '{' ? 1 : css[i] === '}' ? -1 : 0;
      if (depth === 0) {
        end = i;
        break;
      }
    }
    blocks.push(css.slice(at, end + 1));
  }
  const print = blocks.join('\n');
  assert.ok(print.includes('.records'), 'the print rules are in the page');
  assert.doesNotMatch(print, /:has\(/);
  // And in print, the records screen shows no site header (by its class on <html>).
  const { context, page } = await phone({ storageState: preparedState(new URL(suite.server.url).origin, 'everything') });
  await page.goto(`${suite.server.url}?view=records`);
  await page.getByRole('heading', { level: 2, name: 'Your completion records' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).display), 'none');
  await context.close();
});

test('the day turns while the app is open: Progress and home follow the clock without a reload', async () => {
  const context = await suite.browser.newContext({ viewport: PHONE });
  await context.clock.install({ time: Date.parse('2026-12-01T10:00:00Z') });
  const { page, problems } = await watchedPage(context, new URL(suite.server.url).origin);
  await openApp(page, suite.server.url);
  await page.getByRole('button', { name: 'Start quick check' }).click();
  await page.getByText('Question 1 of 10').waitFor();
  await answer(page, { correctly: true });
  await page.goto(`${suite.server.url}?view=progress`);
  await page.getByText('You have practised 1 day in a row.').waitFor();
  // Left open for two days (a phone asleep on the desk): the streak has lapsed.
  await context.clock.fastForward(2 * 24 * 3_600_000);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  await page.getByText('Practise today to start a streak.').waitFor();
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('present mode offers "Full screen" only where the browser can do it (never on an iPhone)', async () => {
  for (const canFullScreen of [true, false]) {
    const context = await suite.browser.newContext({ viewport: { width: 1024, height: 768 } });
    if (!canFullScreen) {
      // As iOS Safari: no full screen for page content.
      await context.addInitScript(() => {
        Object.defineProperty(Document.prototype, 'fullscreenEnabled', { get: () => false });
        delete Element.prototype.requestFullscreen;
      });
    }
    const { page, problems } = await watchedPage(context, new URL(suite.server.url).origin);
    await page.goto(`${suite.server.url}?view=trainer`);
    await untilApp(page);
    await page.getByRole('button', { name: 'Make the quiz link' }).click();
    await page.getByRole('link', { name: 'Show on a projector' }).click();
    await page.getByText("Scan with your phone's camera").waitFor();
    assert.equal(await page.getByRole('button', { name: 'Full screen' }).count(), canFullScreen ? 1 : 0, `full screen ${canFullScreen ? 'offered' : 'not offered'}`);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  }
});

test('a file offered is never announced as saved; in an app\'s built-in browser (Facebook, Instagram, LinkedIn) the app says it may not have been, and what to do', async () => {
  const FACEBOOK = 'Mozilla/5.0 (Linux; Android 13; SM-A135F; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/440.0.0.33.116;]';
  for (const userAgent of [undefined, FACEBOOK]) {
    // An app's built-in browser: downloads go nowhere, no service worker, and the page's link is the way out.
    const inApp = userAgent ? { userAgent, acceptDownloads: false, serviceWorkers: 'block', permissions: ['clipboard-read', 'clipboard-write'] } : {};
    const context = await suite.browser.newContext({ viewport: PHONE, acceptDownloads: true, ...inApp });
    const { page, problems } = await watchedPage(context, new URL(suite.server.url).origin);
    await page.goto(`${suite.server.url}?view=progress`);
    await untilApp(page);
    await page.getByRole('button', { name: 'Export my progress' }).click();
    const said = await page.getByText(/as the file safeguarding-check-progress-|may not have been saved/).innerText();
    assert.doesNotMatch(said, /was saved/, said);
    if (userAgent) {
      assert.match(said, /open inside another app .* may not have been saved\. Copy your progress as text below instead, and paste it into an email or a note/, said);
      // What is stored here is inside that app: the same backup is offered as text, not a trip to a browser without it.
      await page.getByRole('button', { name: 'Copy my progress as text' }).click();
      await page.getByText('Copied. Paste it into an email or a note to keep it.').waitFor();
      assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^\{"app":"safeguarding-check","kind":"progress-backup"/);
      // Home says what such a browser means, before anything is kept there, with the link to open it elsewhere.
      await page.goto(suite.server.url);
      await untilApp(page);
      await page.getByText('This page is open inside another app (such as Facebook, Instagram or LinkedIn). Its browser cannot save files or print').waitFor();
      await page.getByRole('button', { name: 'Copy the link to this page' }).click();
      await page.getByText('Link copied. Open your phone\'s browser').waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), suite.server.url);
    } else {
      assert.equal(await page.getByRole('button', { name: 'Copy my progress as text' }).count(), 0, 'a browser that saves offers no text instead');
      await page.goto(suite.server.url);
      await untilApp(page);
      assert.equal(await page.locator('.in-app-notice').count(), 0, 'and home has no notice');
      assert.match(said, /^Your browser was given your progress as the file safeguarding-check-progress-\d{4}-\d{2}-\d{2}\.json\. Check that it is in your downloads/, said);
    }
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  }
});

test('a right-to-left title is isolated beside the score, so the figures keep their places', async () => {
  const title = 'جلسة الثلاثاء';
  const { context, page, problems } = await phone();
  await page.goto(`${suite.server.url}?view=trainer-quiz&title=${encodeURIComponent(title)}&topics=all&count=1&seed=5&mode=practice&pass=80`);
  await untilApp(page);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await answer(page, { correctly: true });
  await next(page, { last: true });
  await page.getByRole('button', { name: 'Make a completion record' }).click();
  const summary = page.locator('p', { has: page.locator('bdi') }).first();
  assert.equal(await summary.locator('bdi').innerText(), title);
  assert.match(await summary.innerText(), /: 1 out of 1, on /);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('"Print or save as PDF" in a browser that ignores it (an app\'s built-in browser) says printing did not start, and what to do', async () => {
  const { context, page, problems } = await phone({ storageState: preparedState(new URL(suite.server.url).origin, 'everything') });
  await page.addInitScript(() => {
    window.print = () => {};
  });
  await page.goto(`${suite.server.url}?view=records`);
  await untilApp(page);
  await page.getByRole('button', { name: 'Print or save as PDF' }).first().click();
  await page.getByText('Printing did not start in this browser. If this page is open inside another app (such as Facebook, Instagram or LinkedIn), its browser cannot print: take a screenshot of the record to keep it.').waitFor();
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

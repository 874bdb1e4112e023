// The app in the other two browser engines, at 360 x 740: Firefox (Debian's
// firefox-esr, through puppeteer-core over WebDriver BiDi) and WebKit
// (WebKitGTK, the engine of every iPhone browser, through WebKitWebDriver and
// selenium-webdriver). About half the people who use this are on iPhones.
//
// The same journeys run in each: boot under the CSP with a clean console, a
// quiz with every question type, a reload that resumes, the Learn charts, the
// trainer's QR code, and a whole quiz offline after one visit. Each test has
// its own server, so its own origin: every test is a first visit.
//
// `journeys(engine)` declares them for one engine; firefox.test.mjs and
// webkit.test.mjs each call it, so the two engines run side by side. Run
// with `make test-engines` (under xvfb-run, which WebKitGTK needs).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import UPNG from 'upng-js';
import { ARTIFACTS, DIST, assertDistBuilt } from '../../e2e/support/browser.mjs';
import { serveStatic } from '../../e2e/support/static-server.mjs';
import { questionOnScreen } from '../../e2e/support/quiz-player.mjs';
import { answer, next, readScreen, settled, untilQuestion } from './player.mjs';
import { KNOWN_WEBKIT_LINE, PHONE, launch } from './engines.mjs';

const TYPES = ['single', 'multi', 'true_false', 'order', 'match', 'numeric', 'scenario'];
const LEARN = JSON.parse(readFileSync(new URL('../../../assets/learn.json', import.meta.url), 'utf8')).cards;
const FACTS = new Map(
  JSON.parse(readFileSync(new URL('../../../assets/facts.json', import.meta.url), 'utf8')).map((f) => [f.id, f]),
);

assertDistBuilt();
mkdirSync(ARTIFACTS, { recursive: true });

/** A trainer's link: everyone who opens it gets the same questions in the same order. */
const trainerLink = (url, seed, count, topics = 'all') => `${url}?view=trainer-quiz&topics=${topics}&count=${count}&seed=${seed}&mode=practice&pass=80`;

/**
 * Opens a browser of `engine` and a server of its own for one test; both are
 * closed after. `realTapGuard` keeps the quiz's half-second guard (see `launch`).
 */
async function session(engine, t, { realTapGuard = false } = {}) {
  const server = await serveStatic(DIST);
  const browser = await launch(engine, { realTapGuard });
  t.after(async () => {
    await browser.close();
    await server.close();
  });
  const size = await browser.run(() => [window.innerWidth, window.innerHeight]);
  assert.deepEqual(size, [PHONE.width, PHONE.height], `${engine} opens at ${PHONE.width} x ${PHONE.height}`);
  return { server, browser };
}

/**
 * The app has taken over the page (`<html data-app="running">`, set with its
 * `app-ready` mark). The page before the app already shows home, a quiz and a
 * trainer's landing (issue #30), whose buttons the app then replaces: a
 * journey through the app waits for it before it taps.
 */
async function untilApp(browser) {
  await browser.waitFor(() => document.documentElement.dataset.app === 'running', [], 'the app taking over the page');
}

/** The app has booted and the home screen works. */
async function untilReady(browser) {
  await untilApp(browser);
  await browser.waitForText('button', 'Start quick check');
}

/** Opens `url` and waits for the app to take over the page. */
async function openInApp(browser, url) {
  await browser.open(url);
  await untilApp(browser);
}

/** Console errors, without the one line WebKit writes on every load. */
const unexpectedErrors = (browser) => browser.consoleErrors().filter((line) => !(browser.name === 'webkit' && line === KNOWN_WEBKIT_LINE));

/** Decodes the QR code in a PNG screenshot. */
function decodeQr(png) {
  const image = UPNG.decode(png);
  return jsQR(new Uint8ClampedArray(UPNG.toRGBA8(image)[0]), image.width, image.height)?.data;
}

/** Declares every journey for `engine` ('firefox' or 'webkit'), as a suite named by it. */
export function journeys(engine) {
  describe(engine, () => {
    test('boots under the CSP, with nothing in the console but the known WebKit line', async (t) => {
      const { server, browser } = await session(engine, t);
      await browser.open(server.url);
      await untilReady(browser);
      const csp = await browser.run(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '');
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/, 'the strict CSP is in force');
      assert.ok(await browser.fitsWidth(), 'home fits 360 px');
      writeFileSync(join(ARTIFACTS, `${engine}-home.png`), await browser.screenshot());
      assert.deepEqual(unexpectedErrors(browser), [], 'no console errors');
      if (engine === 'webkit') assert.ok(browser.consoleErrors().includes(KNOWN_WEBKIT_LINE), 'the console is read (WebKit always logs the manifest-src line)');
    });

    test('a quiz with every question type, each answered right and wrong', async (t) => {
      const { server, browser } = await session(engine, t);
      const needed = new Set(TYPES.flatMap((type) => [`${type}:right`, `${type}:wrong`]));
      const shots = new Set();
      // Trainer's links always draw the same questions. Order questions are
      // only in the first three topics and scenarios only in the Principles
      // and Section 11, so the two links take turns, with a new seed each
      // round, until every type has been answered both ways.
      const links = (seed) => [
        trainerLink(server.url, seed, 10, 'characteristics.national-picture.principles-overview'),
        trainerLink(server.url, seed, 10, 'section-11.principle-2'),
      ];
      for (let seed = 1; needed.size > 0 && seed <= 8; seed++) {
        for (const link of links(seed)) {
          if (needed.size === 0) break;
          await openInApp(browser, link);
          await browser.clickText('button', 'Start the quiz');
          for (let n = 1; n <= 10 && needed.size > 0; n++) {
            await untilQuestion(browser, n, 10);
            const { type } = questionOnScreen(await browser.run(readScreen));
            const correctly = needed.has(`${type}:right`) || !needed.has(`${type}:wrong`);
            const question = await answer(browser, correctly);
            needed.delete(`${question.type}:${correctly ? 'right' : 'wrong'}`);
            assert.ok(await browser.fitsWidth(), `${question.id} (${question.type}) fits 360 px`);
            if (!shots.has(type)) {
              shots.add(type);
              writeFileSync(join(ARTIFACTS, `${engine}-type-${type}.png`), await browser.screenshot());
            }
            await next(browser, n === 10);
          }
        }
      }
      assert.deepEqual([...needed], [], 'every type answered right and wrong');
      assert.deepEqual(unexpectedErrors(browser), [], 'no console errors');
    });

    test('a reload in the middle of a quiz resumes at the same question, with the answers kept', async (t) => {
      const { server, browser } = await session(engine, t);
      await openInApp(browser, trainerLink(server.url, 3, 5));
      await browser.clickText('button', 'Start the quiz');
      await untilQuestion(browser, 1, 5);
      await answer(browser, true);
      await next(browser, false);
      await untilQuestion(browser, 2, 5);
      await answer(browser, false);
      await next(browser, false);
      await untilQuestion(browser, 3, 5);
      const before = await browser.run(readScreen);

      await browser.reload();
      await untilQuestion(browser, 3, 5);
      const after = await browser.run(readScreen);
      assert.equal(after.prompt, before.prompt, 'the same question after the reload');
      for (let n = 3; n <= 5; n++) {
        await untilQuestion(browser, n, 5);
        await answer(browser, true);
        await next(browser, n === 5);
      }
      await browser.waitForText('h2', 'You scored 4 out of 5');
      assert.deepEqual(unexpectedErrors(browser), [], 'no console errors');
    });

    test('a quiz finished in a second tab: the first follows to the results, with nothing thrown', async (t) => {
      // Firefox runs a background tab's timers late: the quiz screen's
      // half-second tap guard then fired after the screen had gone, a panic.
      const { server, browser } = await session(engine, t, { realTapGuard: true });
      const link = trainerLink(server.url, 9, 5);
      await openInApp(browser, link);
      await browser.clickText('button', 'Start the quiz');
      await untilQuestion(browser, 1, 5);
      await answer(browser, true);
      await next(browser, false);
      await untilQuestion(browser, 2, 5);
      await browser.click('#option-0');

      await browser.newTab();
      await openInApp(browser, link);
      await browser.clickText('button', 'Continue the quiz');
      await untilQuestion(browser, 2, 5);
      const kept = await browser.run(() => document.querySelector('#option-0')?.checked);
      assert.equal(kept, true, "the second tab carries on with the first tab's pick");
      await browser.click('#option-0');
      await browser.click('#option-1');
      await settled(browser);
      await browser.click('form button[type=submit]');
      await browser.waitFor(() => document.querySelector('.feedback-region[role=status]')?.textContent.trim(), [], 'feedback');
      await next(browser, false);
      const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      await browser.switchTab(0);
      await untilQuestion(browser, 3, 5);
      await pause(1500);
      await browser.switchTab(1);
      for (let n = 3; n <= 5; n++) {
        await untilQuestion(browser, n, 5);
        await answer(browser, true);
        await next(browser, n === 5);
        // At a person's pace, so the first tab's timers fall between moves.
        await pause(700);
      }
      await browser.waitFor(() => /^You scored \d out of 5$/.test(document.querySelector('h2')?.textContent.trim() ?? ''), [], 'the score');
      const score = await browser.run(() => document.querySelector('h2').textContent.trim());
      // Time for the first tab's late timers to run.
      await pause(2000);
      await browser.switchTab(0);
      await browser.waitForText('h2', score);
      assert.deepEqual(unexpectedErrors(browser), [], 'no console errors or uncaught exceptions in either tab');
    });

    test('the Learn charts draw every bar and give each figure as text', async (t) => {
      const { server, browser } = await session(engine, t);
      const charted = LEARN.filter((card) => card.charts);
      assert.ok(charted.length > 0);
      for (const card of charted) {
        await openInApp(browser, `${server.url}?view=learn&card=${card.id}`);
        await browser.waitFor((n) => document.querySelectorAll('figure.chart').length === n, [card.charts.length], `${card.id}'s charts`);
        for (const [i, chart] of card.charts.entries()) {
          const drawn = await browser.run((i) => {
            const figure = document.querySelectorAll('figure.chart')[i];
            const bars = [...figure.querySelectorAll('svg rect')].map((r) => r.getBoundingClientRect()).filter((b) => b.width > 0 && b.height > 0);
            return { text: figure.textContent, bars: bars.length, width: figure.getBoundingClientRect().width };
          }, i);
          assert.ok(drawn.bars >= chart.bars.length, `${card.id} chart ${i + 1}: ${chart.bars.length} bars drawn (${drawn.bars} shapes)`);
          assert.ok(drawn.width <= PHONE.width, `${card.id} chart ${i + 1} fits the screen`);
          for (const bar of chart.bars) {
            const value = `${FACTS.get(bar.fact).figure}${chart.unit}`;
            assert.ok(drawn.text.includes(value), `${card.id}: the chart writes ${value}`);
          }
        }
        assert.ok(await browser.fitsWidth(), `${card.id} fits 360 px`);
        writeFileSync(join(ARTIFACTS, `${engine}-learn-${card.id}.png`), await browser.screenshot('figure.chart'));
      }
      assert.deepEqual(unexpectedErrors(browser), [], 'no console errors');
    });

    test("the trainer's QR code, as the engine draws it, decodes to the link", async (t) => {
      const { server, browser } = await session(engine, t);
      await openInApp(browser, `${server.url}?view=trainer`);
      await browser.waitForText('button', 'Make the quiz link');
      await browser.type('#quiz-title', 'Church hall');
      await browser.clickText('button', 'Make the quiz link');
      await browser.waitForText('h3', 'Church hall');
      const link = await browser.run(() => document.querySelector('#quiz-link')?.value);
      assert.match(link, /\?view=trainer-quiz&c=[0-9a-f]{8}&title=Church%20hall&topics=all&count=10&seed=\d+&mode=practice&pass=80/);
      const shot = await browser.screenshot('.session-panel .qr-box svg');
      writeFileSync(join(ARTIFACTS, `${engine}-trainer-qr.png`), shot);
      assert.equal(decodeQr(shot), link, 'the QR code decodes to the link');
      assert.deepEqual(unexpectedErrors(browser), [], 'no console errors');
    });

    test('after one visit, a whole quiz and Learn work with the server gone', async (t) => {
      const { server, browser } = await session(engine, t);
      await browser.open(server.url);
      await untilReady(browser);
      await browser.waitFor(() => navigator.serviceWorker.controller !== null, [], 'the service worker to take control');
      await server.close();

      await browser.reload();
      await untilReady(browser);
      await browser.clickText('button', 'Start quick check');
      for (let n = 1; n <= 10; n++) {
        await untilQuestion(browser, n, 10);
        await answer(browser, true);
        await next(browser, n === 10);
      }
      await browser.waitForText('h2', 'You scored 10 out of 10');
      await openInApp(browser, `${server.url}?view=learn`);
      await browser.waitFor(() => document.querySelectorAll('.card-list li').length > 0, [], 'the Learn cards offline');
      assert.deepEqual(unexpectedErrors(browser), [], 'no console errors');
    });
  });
}

// The two other browser engines, behind one small interface, so each journey in
// support/journeys.mjs is written once and run in both:
//
// - Firefox: Debian's firefox-esr, through puppeteer-core over WebDriver BiDi
//   (no geckodriver needed).
// - WebKit: Debian's WebKitWebDriver (classic WebDriver; WebKitGTK has no
//   BiDi), through selenium-webdriver, driving webkit-browser.py, a tiny
//   WebKitGTK browser that opens exactly 360 x 740 and prints the console.
//   It needs a display: make test-engines runs the suite under xvfb-run.
//
// Each `launch` gives a fresh profile, so every test starts as a first visit.
// The interface (every method is async unless said):
//   open(url), reload(), url()
//   run(fn, ...args)          runs fn in the page and returns its result
//   waitFor(fn, args, what)   polls fn in the page until it returns something truthy
//   click(css), type(css, text), pressKeys(css, key, times), selectLabel(css, label)
//   screenshot(css?)          a PNG Buffer of the element (or the viewport)
//   consoleErrors()           (sync) the console errors and uncaught exceptions of every tab so far
//   newTab()                  opens a second tab and works in it; returns its index (the first is 0)
//   switchTab(index)          works in that tab, brought to the front
//   close()

import puppeteer from 'puppeteer-core';
import UPNG from 'upng-js';
import { Builder, By, Key } from 'selenium-webdriver';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PHONE = { width: 360, height: 740 };
const HERE = dirname(fileURLToPath(import.meta.url));
const WEBKIT_BROWSER = join(HERE, '..', 'webkit-browser.py');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
const TIMEOUT_MS = 20_000;

/**
 * What WebKit logs on every load, and may: it does not know `manifest-src`,
 * which Chromium and Firefox need to load the manifest under the CSP.
 */
export const KNOWN_WEBKIT_LINE = "Unrecognized Content-Security-Policy directive 'manifest-src'.";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Marks the element `fn` finds with data-engine-target, for a real click or typing. */
const MARK = 'data-engine-target';

/** Polls `check()` (async) until truthy; throws naming `what` after `timeout` ms. */
async function poll(check, what, timeout = TIMEOUT_MS) {
  const start = Date.now();
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() - start > timeout) throw new Error(`Timed out after ${timeout} ms waiting for ${what} (last: ${String(last)})`);
    await sleep(50);
  }
}

// ---------------------------------------------------------------- Firefox

async function launchFirefox({ realTapGuard }) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: null,
    args: [`--width=${PHONE.width}`, `--height=${PHONE.height}`],
    // Headless Firefox otherwise draws a 12 px scrollbar: 348 px of layout at 360.
    extraPrefsFirefox: { 'widget.gtk.overlay-scrollbars.enabled': true, 'ui.useOverlayScrollbars': 1 },
  });
  const errors = [];
  /** A new tab at phone size, its console and errors watched. */
  const openTab = async () => {
    const tab = await browser.newPage();
    // Firefox ESR 140 sets the size but does not know the screen-orientation
    // command puppeteer sends with it, so the call fails after (or before) the
    // size is set: wait for the size itself, and ask again if it did not come.
    await poll(async () => {
      await tab.setViewport(PHONE).catch((error) => {
        if (!/setScreenOrientationOverride/.test(error.message)) throw error;
      });
      const start = Date.now();
      while (Date.now() - start < 2000) {
        const [width, height] = await tab.evaluate(() => [window.innerWidth, window.innerHeight]);
        if (width === PHONE.width && height === PHONE.height) return true;
        await sleep(50);
      }
      return false;
    }, `Firefox's viewport to be ${PHONE.width} x ${PHONE.height}`);
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    tab.on('pageerror', (error) => errors.push(`uncaught: ${String(error)}`));
    // The tap guard shortened to nothing, as in the Chromium suite (see
    // newTestContext in tests/e2e/support/browser.mjs).
    if (!realTapGuard) {
      await tab.evaluateOnNewDocument(() => {
        window.__safeguardingTapGuardMs = 0;
      });
    }
    // A CSP violation in Firefox is not a console message the BiDi log reports.
    await tab.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
      );
    });
    return tab;
  };
  const tabs = [await openTab()];
  let page = tabs[0];
  const api = {
    name: 'firefox',
    open: (url) => page.goto(url, { waitUntil: 'load' }),
    reload: () => page.reload({ waitUntil: 'load' }),
    url: async () => page.url(),
    run: (fn, ...args) => page.evaluate(fn, ...args),
    click: async (css) => (await page.waitForSelector(css, { timeout: TIMEOUT_MS })).click(),
    type: async (css, text) => (await page.waitForSelector(css, { timeout: TIMEOUT_MS })).type(text),
    pressKeys: async (css, key, times) => {
      const target = await page.waitForSelector(css, { timeout: TIMEOUT_MS });
      for (let i = 0; i < times; i++) await target.press(key);
    },
    screenshot: async (css) => Buffer.from(css ? await (await page.$(css)).screenshot() : await page.screenshot()),
    consoleErrors: () => [...errors],
    newTab: async () => {
      page = await openTab();
      tabs.push(page);
      return tabs.length - 1;
    },
    switchTab: async (index) => {
      page = tabs[index];
      await page.bringToFront();
    },
    close: async () => {
      // A close that hangs must not keep the run alive.
      const closed = await Promise.race([browser.close().then(() => true, () => false), sleep(10_000).then(() => false)]);
      if (!closed) browser.process()?.kill('SIGKILL');
    },
  };
  return api;
}

// ---------------------------------------------------------------- WebKit

/** The part of a PNG inside `rect` (CSS pixels, at a device pixel ratio of 1), as a PNG. */
function crop(png, rect) {
  const image = UPNG.decode(png);
  const rgba = new Uint8Array(UPNG.toRGBA8(image)[0]);
  const left = Math.max(0, Math.floor(rect.x));
  const top = Math.max(0, Math.floor(rect.y));
  const width = Math.min(image.width, Math.ceil(rect.x + rect.width)) - left;
  const height = Math.min(image.height, Math.ceil(rect.y + rect.height)) - top;
  const out = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((top + row) * image.width + left) * 4;
    out.set(rgba.subarray(from, from + width * 4), row * width * 4);
  }
  return Buffer.from(UPNG.encode([out.buffer], width, height, 0));
}

/** A free loopback port for the driver. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function launchWebKit({ realTapGuard }) {
  if (!process.env.DISPLAY) throw new Error('WebKitGTK needs a display: run this under xvfb-run (make test-engines does).');
  const profile = mkdtempSync(join(tmpdir(), 'sc-webkit-'));
  const port = await freePort();
  const driverProcess = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
    // SC_TAP_GUARD_MS: the tap guard shortened to nothing, as in the Chromium
    // suite (webkit-browser.py sets it before each page's scripts run).
    env: {
      ...process.env,
      SC_PROFILE: profile,
      SC_WIDTH: String(PHONE.width),
      SC_HEIGHT: String(PHONE.height),
      ...(realTapGuard ? {} : { SC_TAP_GUARD_MS: '0' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so the browser it starts is stopped with it.
    detached: true,
  });
  // webkit-browser.py prints the console to its output, which the driver passes on:
  // "CONSOLE JS ERROR …", "CONSOLE SECURITY ERROR …".
  const errors = [];
  let pending = '';
  const read = (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop();
    for (const line of lines) {
      const message = line.match(/^CONSOLE \S+ ERROR (.*)$/);
      if (message) errors.push(message[1].trim());
    }
  };
  driverProcess.stdout.setEncoding('utf8').on('data', read);
  driverProcess.stderr.setEncoding('utf8').on('data', read);
  const exited = new Promise((resolve) => driverProcess.once('exit', resolve));
  const stop = async () => {
    try {
      process.kill(-driverProcess.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await exited;
    driverProcess.stdout.destroy();
    driverProcess.stderr.destroy();
    rmSync(profile, { recursive: true, force: true });
  };

  let driver;
  try {
    driver = await poll(
      () =>
        new Builder()
          .usingServer(`http://127.0.0.1:${port}`)
          .withCapabilities({ browserName: 'sc-webkit', 'webkitgtk:browserOptions': { binary: WEBKIT_BROWSER, args: [] } })
          .build(),
      'WebKitWebDriver to start a session',
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const windows = [await driver.getWindowHandle()];
  const element = async (css) => poll(async () => (await driver.findElements(By.css(css)))[0], `an element ${css}`);
  const api = {
    name: 'webkit',
    open: (url) => driver.get(url),
    reload: () => driver.navigate().refresh(),
    url: () => driver.getCurrentUrl(),
    run: (fn, ...args) => driver.executeScript(fn, ...args),
    click: async (css) => {
      // WebKitWebDriver's own scrolling can leave a control at the very edge
      // of the screen, where the tap misses it: scroll it to the middle first,
      // as a person would.
      const target = await element(css);
      await driver.executeScript((e) => e.scrollIntoView({ block: 'center' }), target);
      await target.click();
    },
    type: async (css, text) => (await element(css)).sendKeys(text),
    pressKeys: async (css, key, times) => {
      const keys = { ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, Enter: Key.ENTER }[key];
      if (times > 0) await (await element(css)).sendKeys(keys.repeat(times));
    },
    screenshot: async (css) => {
      // WebKitWebDriver's element screenshots come out partly black here, so
      // an element is scrolled into view and cut from a screenshot of the viewport.
      const rect = css
        ? await driver.executeScript((css) => {
            const element = document.querySelector(css);
            element.scrollIntoView({ block: 'center' });
            const { x, y, width, height } = element.getBoundingClientRect();
            return { x, y, width, height };
          }, css)
        : null;
      // Without two animation frames, WebKit can return the previous screen.
      await driver.executeAsyncScript('const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));');
      const png = Buffer.from(await driver.takeScreenshot(), 'base64');
      return rect ? crop(png, rect) : png;
    },
    consoleErrors: () => [...errors],
    newTab: async () => {
      await driver.switchTo().newWindow('tab');
      windows.push(await driver.getWindowHandle());
      return windows.length - 1;
    },
    switchTab: (index) => driver.switchTo().window(windows[index]),
    close: async () => {
      // The browser exits as its last window closes, which the driver can
      // report as "no such window"; the session is over either way.
      await driver.quit().catch(() => {});
      await stop();
    },
  };
  return api;
}

// ---------------------------------------------------------------- Both

/** Helpers on top of the interface, the same in both engines. */
function withHelpers(api) {
  return Object.assign(api, {
    /** Polls `fn(...args)` in the page until it returns something truthy. */
    waitFor: (fn, args = [], what = fn.toString().slice(0, 120)) => poll(() => api.run(fn, ...args), what),
    /** Waits for an element with exactly this text (trimmed) in `css`. */
    waitForText: (css, text) =>
      poll(
        () => api.run((css, text) => [...document.querySelectorAll(css)].some((e) => e.textContent.trim() === text), css, text),
        `"${text}" in ${css}`,
      ),
    /**
     * Clicks the element `css` whose text (trimmed) is `text`, with the
     * engine's own pointer.
     */
    clickText: async (css, text) => {
      await api.waitFor(
        (css, text, mark) => {
          document.querySelectorAll(`[${mark}]`).forEach((e) => e.removeAttribute(mark));
          const found = [...document.querySelectorAll(css)].find((e) => e.textContent.trim() === text);
          found?.setAttribute(mark, '');
          return !!found;
        },
        [css, text, MARK],
        `${css} reading "${text}"`,
      );
      await api.click(`[${MARK}]`);
    },
    /**
     * Chooses the option reading `label` in the select `css` with the arrow
     * keys, as on a keyboard: a closed select moves one option a press.
     */
    selectLabel: async (css, label) => {
      const [from, to] = await api.run(
        (css, label) => {
          const select = document.querySelector(css);
          select.focus();
          return [select.selectedIndex, [...select.options].findIndex((o) => o.text === label)];
        },
        css,
        label,
      );
      if (to < 0) throw new Error(`${css} has no option "${label}"`);
      await api.pressKeys(css, to > from ? 'ArrowDown' : 'ArrowUp', Math.abs(to - from));
      const chosen = await api.run((css) => document.querySelector(css).selectedOptions[0]?.text, css);
      if (chosen !== label) throw new Error(`${css}: the arrow keys chose "${chosen}", not "${label}"`);
    },
    /** Whether the page fits the width with no sideways scrolling. */
    fitsWidth: () => api.run(() => document.documentElement.scrollWidth <= window.innerWidth),
  });
}

/**
 * Launches `engine` ('firefox' or 'webkit') at 360 x 740 with a fresh
 * profile. Its pages get the quiz's tap guard shortened to nothing, as in
 * the Chromium suite, unless `realTapGuard` (for the tests about the guard
 * itself).
 */
export async function launch(engine, { realTapGuard = false } = {}) {
  const api = engine === 'firefox' ? await launchFirefox({ realTapGuard }) : await launchWebKit({ realTapGuard });
  return withHelpers(api);
}


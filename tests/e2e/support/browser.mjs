// Launches Debian's Chromium through playwright-core (Playwright's own browser
// download does not work here), and watches a page for anything that went wrong.

import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serveStatic } from './static-server.mjs';

export const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'dist');
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');
export const PHONE = { width: 360, height: 740 };

/**
 * Waits for the app to have taken over the page (`<html data-app="running">`,
 * set with its `app-ready` mark; a test's fake clock hides the mark). The
 * page before the app already shows home, the first question and a trainer's
 * landing (issue #30): a test of what only the app does (tidying the
 * address, say) waits for it first.
 */
export const untilApp = (page) => page.locator('html[data-app="running"]').waitFor({ state: 'attached' });

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function assertDistBuilt() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`No release build in ${DIST}. Run "trunk build --release" first (make test does).`);
  }
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Debian's Chromium now and then dies at launch on these machines (SIGSEGV,
 * or "browser has been closed" before the first page), about once in a few
 * hundred launches. A launch is tried three times before a test fails on it;
 * once running, a browser is not retried.
 */
async function launchWithRetries(launch) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch();
    } catch (error) {
      if (attempt === 3) throw error;
      console.error(`Chromium did not start (attempt ${attempt} of 3): ${String(error).split('\n')[0]}`);
    }
  }
}

export async function launchBrowser() {
  return launchWithRetries(() => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }));
}

/** A browser with a real (not incognito) profile in `userDataDir`, at phone size. */
export async function launchPersistentPhone(userDataDir) {
  return launchWithRetries(() =>
    chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      viewport: PHONE,
    }),
  );
}

/**
 * What every test context gets unless it asks otherwise:
 * - service workers blocked (`serviceWorkers: 'block'`). A registered worker
 *   precaches every file in the background, competing for the machine's two
 *   cores, in tests that are not about offline, loading or updates; those
 *   ask for `serviceWorkers: 'allow'`.
 * - the tap guard shortened to nothing, by the page global the app reads at
 *   boot (`TAP_GUARD_OVERRIDE` in src/platform/clock.rs). Half a second at
 *   every question, waited out hundreds of times, was a third of the run. The
 *   tests about double taps ask for `realTapGuard: true`.
 * - UTC, as the prepared stores are made for (tests/native/prepared_stores.rs),
 *   whatever the machine's zone; the time-zone tests set their own.
 */
export async function newTestContext(browser, { realTapGuard = false, serviceWorkers = 'block', timezoneId = 'UTC', ...options } = {}) {
  const context = await browser.newContext({ serviceWorkers, timezoneId, ...options });
  if (!realTapGuard) await context.addInitScript(() => { window.__safeguardingTapGuardMs = 0; });
  return context;
}

/** `browser`, with `newContext` giving `newTestContext`'s defaults. */
function withTestDefaults(browser) {
  return {
    newContext: (options) => newTestContext(browser, options),
    close: () => browser.close(),
    raw: browser,
  };
}

/** Every watched page's problems in this test file, for `assertNoLeaksOrViolations`. */
const everyPage = [];

/**
 * Opens a page that records console errors, uncaught exceptions, failed
 * requests, any request that leaves `origin`, and every Content-Security-Policy
 * violation the page reports.
 */
export async function watchedPage(context, origin) {
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [], cspViolations: [] };
  everyPage.push(problems);
  await page.exposeFunction('__reportCspViolation', (what) => problems.cspViolations.push(what));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
    );
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  // A request the page abandons because the test navigated on (a favicon
  // still loading at a reload, say) is not a failure of the app's: Chromium
  // reports it as net::ERR_ABORTED. Any other failure, and any 4xx or 5xx, is.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.failedRequests.push(request.url());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.status()} ${response.url()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) problems.foreignRequests.push(url);
  });
  return { page, problems };
}

/**
 * For a test file's `after`: across every page it watched, no request left the
 * app's origin and the Content-Security-Policy reported no violation.
 */
export function assertNoLeaksOrViolations(assert) {
  assert.deepEqual(everyPage.flatMap((p) => p.foreignRequests), [], 'no request left the app\'s origin');
  assert.deepEqual(everyPage.flatMap((p) => p.cspViolations), [], 'no Content-Security-Policy violations');
}

/**
 * The server and browser a test file shares: `before` its tests it serves the
 * built dist/ and launches Chromium; `after` them it checks that no watched
 * page sent a request off the origin or broke the CSP, then stops both.
 * Use `suite.server` and `suite.browser` inside tests; `suite.browser.newContext`
 * gives `newTestContext`'s defaults.
 */
export function sharedServerAndBrowser({ compress = false } = {}) {
  const suite = { server: undefined, browser: undefined };
  before(async () => {
    assertDistBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    suite.server = await serveStatic(DIST, { compress });
    suite.browser = withTestDefaults(await launchBrowser());
  });
  after(async () => {
    assertNoLeaksOrViolations(assert);
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

// Loading on a slow line: the page paints and works from the HTML alone while
// the app downloads (every download starts from <head>), the app then starts
// once and draws over it without moving anything, and a failed download, no
// WebAssembly, or a policy that refuses it each gets a plain message that
// names the cause.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOAD_FAILED, NO_WEBASSEMBLY, REFUSED } from '../../scripts/start-early.mjs';
import { PHONE, sharedServerAndBrowser, watchedPage } from './support/browser.mjs';

const suite = sharedServerAndBrowser({ compress: true });

/** A phone whose wasm download is held until `release()` is called. */
async function phoneWithHeldApp() {
  const context = await suite.browser.newContext({ viewport: PHONE, serviceWorkers: 'allow' });
  const { page, problems } = await watchedPage(context, new URL(suite.server.url).origin);
  let release;
  const released = new Promise((resolve) => (release = resolve));
  let requested = false;
  await page.route('**/*.wasm', async (route) => {
    requested = true;
    await released;
    await route.continue();
  });
  return { context, page, problems, release, wasRequested: () => requested };
}

/**
 * Run in the page: #app's elements as text, each tag with its attributes in
 * order and its text, without comments (the app marks places with them), so
 * the page and the app that replaced it can be compared.
 */
const canonicalApp = () => {
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent;
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const attributes = [...node.attributes].map((a) => `${a.name}=${a.value}`).sort().join(' ');
    return `<${node.localName} ${attributes}>${[...node.childNodes].map(walk).join('')}</${node.localName}>`;
  };
  return walk(document.getElementById('app'));
};

test('home paints and works before the app is downloaded, and the app takes over once it arrives, with nothing moving', async () => {
  const { context, page, problems, release, wasRequested } = await phoneWithHeldApp();
  // When the page's first frame is drawn (this rAF is asked for before any of
  // the page's scripts), and every layout shift from then on.
  await page.addInitScript(() => {
    requestAnimationFrame(() => (window.__firstFrameAt = performance.now()));
    window.__shifts = [];
    new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().filter((e) => !e.hadRecentInput).map((e) => e.value))).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(suite.server.url);
  // The real home is on screen, styled, while the app is still on its way.
  await page.getByRole('heading', { name: 'Check what you know' }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Start quick check' }).isEnabled());
  assert.equal(await page.locator('.destinations a').count(), 5, 'the destinations row');
  assert.match(await page.locator('.way-in .effort').first().innerText(), /^10 questions · about 5 minutes/);
  const headerColour = await page.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.notEqual(headerColour, 'rgba(0, 0, 0, 0)', 'the styles apply before the app arrives');
  assert.ok(wasRequested(), 'the wasm is being downloaded meanwhile');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('app-ready').length), 0);
  const homeBefore = await page.evaluate(canonicalApp);

  release();
  await page.waitForFunction(() => performance.getEntriesByName('app-ready').length === 1);
  await page.waitForFunction(() => window.__firstFrameAt !== undefined);
  const { firstFrameAt, appRequestedAt, wasmRequestedAt, bankRequestedAt, stylesheets } = await page.evaluate(() => {
    const entry = (pattern) => performance.getEntriesByType('resource').find((r) => pattern.test(r.name));
    return {
      firstFrameAt: window.__firstFrameAt,
      appRequestedAt: entry(/safeguarding-check-[0-9a-f]+\.js$/).startTime,
      wasmRequestedAt: entry(/safeguarding-check-[0-9a-f]+_bg\.wasm$/).startTime,
      bankRequestedAt: entry(/questions-[0-9a-f]+\.json$/).startTime,
      stylesheets: performance.getEntriesByType('resource').filter((r) => /\.css$/.test(r.name)).length,
    };
  });
  // The page paints first; the app's downloads start right after its first
  // frame, all three together: the page never waits for them, nor shares
  // the line with them before it is on screen.
  for (const [what, at] of [['app', appRequestedAt], ['wasm', wasmRequestedAt], ['questions', bankRequestedAt]]) {
    assert.ok(at >= firstFrameAt, `the ${what} was requested at ${at} ms, before the first frame at ${firstFrameAt} ms`);
  }
  const spread = Math.max(appRequestedAt, wasmRequestedAt, bankRequestedAt) - Math.min(appRequestedAt, wasmRequestedAt, bankRequestedAt);
  assert.ok(spread < 100, `requested together (within ${spread} ms)`);
  assert.equal(stylesheets, 0, 'the styles come in the page, with no request of their own');
  // The app drew the same home over the page: the same markup, nothing moved.
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(canonicalApp), homeBefore, 'the app draws exactly the page it replaces');
  assert.equal(await page.evaluate(() => window.__shifts.reduce((sum, v) => sum + v, 0)), 0, 'no layout shift at the takeover');
  // The app started once, and the wasm and the question bank each came down once (the bank's preload was used).
  const counts = await page.evaluate(() => ({
    marks: performance.getEntriesByName('app-ready').length,
    wasm: performance.getEntriesByType('resource').filter((r) => /_bg\.wasm$/.test(r.name)).length,
    bank: performance.getEntriesByType('resource').filter((r) => /questions-[0-9a-f]+\.json$/.test(r.name)).length,
  }));
  assert.deepEqual(counts, { marks: 1, wasm: 1, bank: 1 });
  await page.getByRole('button', { name: 'Start quick check' }).click();
  await page.getByText('Question 1 of 10').waitFor();
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [], cspViolations: [] });
  await context.close();
});

test('every start-up step is in the page once: the styles, one loader script, and no download before the first paint', async () => {
  const context = await suite.browser.newContext({ viewport: PHONE, serviceWorkers: 'allow' });
  const { page } = await watchedPage(context, new URL(suite.server.url).origin);
  const response = await page.request.get(suite.server.url);
  const html = await response.text();
  assert.equal((html.match(/<script type=module>/g) ?? []).length, 1, 'one inline loader');
  assert.equal((html.match(/<script>/g) ?? []).length, 2, 'for the page before the app, a catcher of early taps and assets/early.js');
  assert.equal((html.match(/<script type="application\/json" id="early-quiz">/g) ?? []).length, 1, 'and its data');
  assert.equal((html.match(/<script\b/g) ?? []).length, 4, 'and no other');
  assert.equal((html.match(/<style>/g) ?? []).length, 1, 'the styles, in the page');
  assert.doesNotMatch(html, /rel=["']?stylesheet/, 'no stylesheet to wait for');
  // Nothing is fetched before the page has painted: the loader asks for the
  // app's three downloads after it (the e2e above times them).
  const preloads = [...html.matchAll(/<link\b[^>]*\brel=["']?(?:modulepreload|preload|prefetch)\b[^>]*>/g)].map((m) => m[0]);
  assert.deepEqual(preloads, [], 'no preload in the page');
  assert.match(html, /<link\b[^>]*id=["']?question-bank\b[^>]*rel=["']?alternate/, 'the question bank link is in the page for the app to read, fetching nothing');
  assert.doesNotMatch(html.match(/<link\b[^>]*id=["']?question-bank[^>]*>/)[0], /integrity=/, 'no integrity attribute: the bank\'s preload must be reused by the app\'s fetch');
  await context.close();
});

/** The page's status line says `message`, as an alert; home and its first question still work. */
async function saysAndStillWorks(page, message) {
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal((await alert.innerText()).trim(), message);
  assert.ok(await page.getByRole('heading', { name: 'Check what you know' }).isVisible(), 'the page still says what this is');
  await page.getByRole('button', { name: 'Start quick check' }).click();
  await page.getByText('Question 1 of 10').waitFor();
  await page.locator('fieldset input[type=radio]').first().check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.locator('.feedback-verdict').waitFor();
  await page.getByRole('button', { name: 'Next question' }).click();
  // No "Getting question 2 ready…" for ever: the reason, again.
  assert.equal((await page.getByRole('alert').innerText()).trim(), message);
}

test('when the app cannot be downloaded, the page says so plainly instead of waiting for ever', async () => {
  const context = await suite.browser.newContext({ viewport: PHONE, serviceWorkers: 'allow' });
  const { page, problems } = await watchedPage(context, new URL(suite.server.url).origin);
  await page.route('**/*.wasm', (route) => route.abort('internetdisconnected'));
  await page.goto(suite.server.url);
  await saysAndStillWorks(page, LOAD_FAILED);
  problems.consoleErrors.length = 0; // the failed download, on purpose
  problems.failedRequests.length = 0;
  assert.deepEqual(problems.foreignRequests, []);
  assert.deepEqual(problems.cspViolations, []);
  await context.close();
});

test('with WebAssembly turned off (an iPhone in Lockdown Mode), the page names the cause and the way round it', async () => {
  const context = await suite.browser.newContext({ viewport: PHONE });
  await context.addInitScript(() => delete window.WebAssembly);
  const { page, problems } = await watchedPage(context, new URL(suite.server.url).origin);
  await page.goto(suite.server.url);
  await saysAndStillWorks(page, NO_WEBASSEMBLY);
  assert.match(NO_WEBASSEMBLY, /Lockdown Mode/);
  assert.doesNotMatch(NO_WEBASSEMBLY, /connection/, 'not a connection problem');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('when a security policy refuses the wasm, the page says that, not "check your connection"', async () => {
  const context = await suite.browser.newContext({ viewport: PHONE });
  const { page, problems } = await watchedPage(context, new URL(suite.server.url).origin);
  // As a network or an old Safari would: the page's policy without 'wasm-unsafe-eval'.
  await page.route(suite.server.url, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace(" 'wasm-unsafe-eval'", '') });
  });
  await page.goto(suite.server.url);
  await saysAndStillWorks(page, REFUSED);
  assert.doesNotMatch(REFUSED, /connection/);
  problems.consoleErrors.length = 0; // the refusal, on purpose
  problems.cspViolations.length = 0;
  await context.close();
});

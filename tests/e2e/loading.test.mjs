// Loading on a slow line: the page paints its text from the HTML alone while
// the app downloads (every download starts from <head>), the app then starts
// once, and a slow or failed download never leaves the person with a blank
// screen.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOAD_FAILED } from '../../scripts/start-early.mjs';
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

test('the text paints before the app is downloaded, and the app takes over once it arrives', async () => {
  const { context, page, problems, release, wasRequested } = await phoneWithHeldApp();
  // When the page's first frame is drawn (this rAF is asked for before any of the page's scripts).
  await page.addInitScript(() => requestAnimationFrame(() => (window.__firstFrameAt = performance.now())));
  await page.goto(suite.server.url);
  // The shell is on screen, styled and readable, while the app is still on its way.
  await page.getByRole('heading', { name: 'Check what you know' }).waitFor();
  assert.ok(await page.getByText('Getting the quiz ready…').isVisible());
  const headerColour = await page.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.notEqual(headerColour, 'rgba(0, 0, 0, 0)', 'the styles apply before the app arrives');
  assert.ok(wasRequested(), 'the wasm is being downloaded meanwhile');

  release();
  await page.getByRole('button', { name: 'Start quick check' }).waitFor();
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
  // Every download the first question needs starts from <head>, before the
  // first frame: the text never waited for them, and they never waited for it.
  for (const [what, at] of [['app', appRequestedAt], ['wasm', wasmRequestedAt], ['questions', bankRequestedAt]]) {
    assert.ok(at < firstFrameAt, `the ${what} was requested at ${at} ms, after the first frame at ${firstFrameAt} ms`);
  }
  assert.equal(stylesheets, 0, 'the styles come in the page, with no request of their own');

  assert.equal(await page.getByText('Getting the quiz ready…').count(), 0, 'the shell has gone');
  // The app started once, and the wasm and the question bank each came down
  // once (the preloads were used).
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

test('every start-up step is in the page once: the styles, one loader script, one preload of each download', async () => {
  const context = await suite.browser.newContext({ viewport: PHONE, serviceWorkers: 'allow' });
  const { page } = await watchedPage(context, new URL(suite.server.url).origin);
  const response = await page.request.get(suite.server.url);
  const html = await response.text();
  assert.equal((html.match(/<script\b/g) ?? []).length, 1, 'one inline loader');
  assert.equal((html.match(/<style>/g) ?? []).length, 1, 'the styles, in the page');
  assert.doesNotMatch(html, /rel=["']?stylesheet/, 'no stylesheet to wait for');
  const preloads = [...html.matchAll(/<link\b[^>]*\brel=["']?(?:modulepreload|preload)\b[^>]*>/g)].map((m) => m[0]);
  assert.equal(preloads.length, 3, `the JS, the wasm and the bank: ${preloads.join(' ')}`);
  assert.equal(preloads.filter((l) => /\.js\b/.test(l) && /modulepreload/.test(l)).length, 1, 'the JS glue');
  assert.equal(preloads.filter((l) => /_bg\.wasm/.test(l) && /\bcrossorigin\b/.test(l) && /as=["']?fetch/.test(l)).length, 1, 'the wasm, as the fetch that uses it');
  assert.match(html, /<link\b[^>]*id=["']?question-bank/, 'the question bank link is in the page for the app to read');
  // An integrity attribute would stop the loader's fetch from using the preload.
  for (const link of preloads) assert.doesNotMatch(link, /integrity=/, link);
  assert.ok(html.indexOf('</style>') < html.indexOf(preloads[0]), 'the styles come first');
  await context.close();
});

test('when the app cannot be downloaded, the page says so plainly instead of waiting for ever', async () => {
  const context = await suite.browser.newContext({ viewport: PHONE, serviceWorkers: 'allow' });
  const { page, problems } = await watchedPage(context, new URL(suite.server.url).origin);
  await page.route('**/*.wasm', (route) => route.abort('internetdisconnected'));
  await page.goto(suite.server.url);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal((await alert.innerText()).trim(), LOAD_FAILED);
  // The heading and intro stay, so the page still says what this is.
  assert.ok(await page.getByRole('heading', { name: 'Check what you know' }).isVisible());
  assert.deepEqual(problems.foreignRequests, []);
  assert.deepEqual(problems.cspViolations, []);
  await context.close();
});

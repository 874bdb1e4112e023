// Loading on a slow line: the page paints its text before the app downloads,
// the app then starts once, and a slow or failed download never leaves the
// person with a blank screen.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOAD_FAILED } from '../../scripts/paint-first.mjs';
import { PHONE, sharedServerAndBrowser, watchedPage } from './support/browser.mjs';

const suite = sharedServerAndBrowser({ compress: true });

/** A phone whose wasm download is held until `release()` is called. */
async function phoneWithHeldApp() {
  const context = await suite.browser.newContext({ viewport: PHONE });
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
  // The shell is on screen, readable, while the app is still on its way.
  await page.getByRole('heading', { name: 'Check what you know' }).waitFor();
  assert.ok(await page.getByText('Getting the quiz ready…').isVisible());
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /questions-[0-9a-f]+\.json$/.test(r.name)));
  const { firstFrameAt, stylesLoadedAt, appRequestedAt, bankRequestedAt } = await page.evaluate(() => {
    const entry = (pattern) => performance.getEntriesByType('resource').find((r) => pattern.test(r.name));
    return {
      firstFrameAt: window.__firstFrameAt,
      stylesLoadedAt: entry(/main-[0-9a-f]+\.css$/).responseEnd,
      appRequestedAt: entry(/safeguarding-check-[0-9a-f]+\.js$/).startTime,
      bankRequestedAt: entry(/questions-[0-9a-f]+\.json$/).startTime,
    };
  });
  // The downloads wait for the stylesheet and the first frame, so they never hold up the text.
  for (const [what, at] of [['app', appRequestedAt], ['questions', bankRequestedAt]]) {
    assert.ok(at > stylesLoadedAt, `the ${what} was requested at ${at} ms, before the stylesheet arrived at ${stylesLoadedAt} ms`);
    assert.ok(at > firstFrameAt, `the ${what} was requested at ${at} ms, before the first frame at ${firstFrameAt} ms`);
  }
  assert.ok(wasRequested(), 'the wasm is being downloaded meanwhile');

  release();
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  assert.equal(await page.getByText('Getting the quiz ready…').count(), 0, 'the shell has gone');
  // The app started once, and the question bank came down once (the preload was used).
  const counts = await page.evaluate(() => ({
    marks: performance.getEntriesByName('app-ready').length,
    bank: performance.getEntriesByType('resource').filter((r) => /questions-[0-9a-f]+\.json$/.test(r.name)).length,
  }));
  assert.deepEqual(counts, { marks: 1, bank: 1 });
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await page.getByText('Question 1 of 10').waitFor();
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [], cspViolations: [] });
  await context.close();
});

test('every start-up step is in the page once: one loader script, no early preload of the app', async () => {
  const context = await suite.browser.newContext({ viewport: PHONE });
  const { page } = await watchedPage(context, new URL(suite.server.url).origin);
  const response = await page.request.get(suite.server.url);
  const html = await response.text();
  assert.equal((html.match(/<script\b/g) ?? []).length, 1, 'one inline loader');
  assert.doesNotMatch(html, /rel=["']?modulepreload/, 'no modulepreload of the app JS before the paint');
  assert.doesNotMatch(html, /<link\b[^>]*\.wasm/, 'no preload of the wasm before the paint');
  assert.match(html, /<link\b[^>]*id=["']?question-bank/, 'the question bank link is in the page for the app to read');
  await context.close();
});

test('when the app cannot be downloaded, the page says so plainly instead of waiting for ever', async () => {
  const context = await suite.browser.newContext({ viewport: PHONE });
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

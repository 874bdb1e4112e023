// Offline and installable: the service worker, the manifest, updates.
//
// context.setOffline() does not stop service-worker fetches, so "offline"
// here means what it means in a church hall: the server is gone.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serveStatic } from './support/static-server.mjs';
import { DIST, PHONE, assertDistBuilt, assertNoLeaksOrViolations, launchBrowser, launchPersistentPhone, newTestContext, watchedPage } from './support/browser.mjs';
import { answer, next, openApp, playWholeQuiz, seedRandomness } from './support/quiz-player.mjs';
import { axeInLightAndDark } from './support/axe.mjs';

let browser;
const scratch = mkdtempSync(join(tmpdir(), 'sc-offline-'));

before(async () => {
  assertDistBuilt();
  browser = await launchBrowser();
});

after(async () => {
  assertNoLeaksOrViolations(assert);
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function newPhone(server, { bypassCSP = false } = {}) {
  // Only the axe scan bypasses the CSP: axe is injected as an inline script.
  const context = await newTestContext(browser, { viewport: PHONE, bypassCSP, serviceWorkers: 'allow' });
  // Repeatable quizzes, so a failure can be replayed.
  await seedRandomness(context, 2026);
  const { page, problems } = await watchedPage(context, new URL(server.url).origin);
  return { context, page, problems };
}

/** Waits until the service worker controls the page: from then on it works offline. */
async function untilOfflineReady(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The cache names the app holds. */
const cacheNames = (page) => page.evaluate(() => caches.keys());

/** A copy of the release dist, changed by `edit(dir)`, with its precache list rebuilt. */
function deployVersion(name, edit = () => {}) {
  const dir = join(scratch, name);
  cpSync(DIST, dir, { recursive: true });
  edit(dir);
  execFileSync('node', ['scripts/precache.mjs', dir], { stdio: 'pipe' });
  return dir;
}

function markAsVersion(dir, label) {
  const index = join(dir, 'index.html');
  // The release HTML is minified (no <head> tag), so mark it before the title.
  const html = readFileSync(index, 'utf8');
  assert.ok(html.includes('<title>'));
  writeFileSync(index, html.replace('<title>', `<meta name="app-build" content="${label}"><title>`));
}

const swVersion = (dir) => readFileSync(join(dir, 'sw.js'), 'utf8').match(/const VERSION = '([0-9a-f]+)'/)[1];
const buildLabel = (page) => page.evaluate(() => document.querySelector('meta[name=app-build]')?.content ?? null);
const triggerUpdateCheck = (page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update().catch(() => {});
  });

test('after one visit, a whole quiz can be played with the server gone', async () => {
  const server = await serveStatic(DIST);
  const { context, page, problems } = await newPhone(server);
  await openApp(page, server.url);
  await untilOfflineReady(page);
  await server.close();

  await page.reload();
  await page.getByRole('button', { name: 'Start quick check' }).waitFor();
  await playWholeQuiz(page);
  await page.getByRole('button', { name: 'Back to home' }).click();
  await page.getByRole('link', { name: 'About this app and your data' }).click();
  await page.getByText('This app is saved on this device and works without a connection.').waitFor();
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.foreignRequests, []);
  await context.close();
});

test('a first visit downloads each file once, offline copy included; an update downloads only what changed', async () => {
  for (const compress of [false, true]) {
    const server = await serveStatic(DIST, { compress });
    const { context, page, problems } = await newPhone(server);
    await openApp(page, server.url);
    await untilOfflineReady(page);
    // The worker takes control only once its offline copy is complete.
    const precached = JSON.parse(readFileSync(join(DIST, 'sw.js'), 'utf8').match(/const PRECACHE = (\[.*\]);/)[1]);
    const cached = await page.evaluate(async () => (await (await caches.open((await caches.keys())[0])).keys()).length);
    assert.equal(cached, precached.length, 'every file is in the offline copy');
    // The server sent each file's body once at most (a 304 has none): the
    // worker reused what the page had downloaded.
    const twice = [...server.sent].filter(([, bodies]) => bodies.length > 1).map(([path]) => path);
    assert.deepEqual(twice, [], `no file came down twice (compress ${compress})`);
    // Files named by their content's hash are not even asked for again: the
    // worker takes the copy the page downloaded (no 304 round trip, and no
    // second download on a host that sends no ETag).
    const hashed = precached.filter((entry) => entry.immutable).map((entry) => entry.url.slice(1));
    for (const ending of ['_bg.wasm', '.js', '.json', '.svg']) {
      assert.ok(hashed.some((path) => path.endsWith(ending)), `a hashed ${ending} is marked immutable: ${hashed}`);
    }
    for (const path of hashed) {
      assert.equal(server.requests.filter((r) => r === path).length, 1, `${path} was asked for once (compress ${compress})`);
    }
    for (const { url } of precached) {
      assert.ok(server.sent.has(url.slice(1)) || (url === './index.html' && server.sent.has('/')), `${url} was downloaded`);
    }
    const total = [...server.sent.values()].flat().reduce((a, b) => a + b, 0);
    console.log(`first visit, compress ${compress}: ${(total / 1024).toFixed(1)} KB in ${server.sent.size} files`);

    // A new version where only the question bank changed (a wording fixed):
    // the update downloads it and the files without a hash in their name
    // (sw.js, and index.html, which names the new bank); everything else, the
    // wasm above all, comes from the copy already on the phone.
    if (!compress) {
      const next = deployVersion('bank-only', (dir) => {
        const bank = readdirSync(dir).find((name) => /^questions-[0-9a-f]{16}\.json$/.test(name));
        const renamed = 'questions-0123456789abcdef.json';
        writeFileSync(join(dir, renamed), `${readFileSync(join(dir, bank), 'utf8')}\n`);
        rmSync(join(dir, bank));
        const html = readFileSync(join(dir, 'index.html'), 'utf8');
        writeFileSync(join(dir, 'index.html'), html.replace(bank, renamed));
      });
      server.setRoot(next);
      server.sent.clear();
      await triggerUpdateCheck(page);
      for (let tries = 0; !(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting))); tries++) {
        assert.ok(tries < 300, 'the new version installed');
        await page.waitForTimeout(100);
      }
      assert.deepEqual([...server.sent.keys()].sort(), ['/index.html', '/questions-0123456789abcdef.json', '/sw.js'], 'the update fetched only what changed');
    }
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
    await server.close();
  }
});

test('under a subpath, offline, including a deep link and a quiz link', async () => {
  const server = await serveStatic(DIST, { basePath: '/a/b/' });
  const { context, page, problems } = await newPhone(server);
  await openApp(page, server.url);
  await untilOfflineReady(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  assert.equal(scope, server.url, 'the worker is scoped to the subpath');
  await server.close();

  for (const link of ['?quiz=principles', 'some/deep/link?x=1#top']) {
    await openApp(page, server.url + link);
    await playWholeQuiz(page);
  }
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('installable: a valid manifest and no installability errors', async () => {
  const server = await serveStatic(DIST);
  // A real profile: Chromium never offers to install from an incognito context.
  const context = await launchPersistentPhone(join(scratch, 'profile'));
  const page = context.pages()[0] ?? (await context.newPage());
  await openApp(page, server.url);
  await untilOfflineReady(page);
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  assert.ok(manifest.url.endsWith('/manifest.webmanifest'));
  const parsed = JSON.parse(manifest.data);
  assert.equal(parsed.display, 'standalone');
  assert.ok(parsed.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable'));
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  await context.close();
  await server.close();
});

test('a new version mid-quiz is offered, not forced, and keeps the quiz', async () => {
  const v1 = deployVersion('v1', (dir) => markAsVersion(dir, 'v1'));
  const v2 = deployVersion('v2', (dir) => markAsVersion(dir, 'v2'));
  const server = await serveStatic(v1);
  const { context, page, problems } = await newPhone(server, { bypassCSP: true });
  await openApp(page, server.url);
  await untilOfflineReady(page);

  await page.getByRole('button', { name: 'Start quick check' }).click();
  const first = await answer(page, { correctly: true });
  await next(page);
  await page.getByText('Question 2 of 10').waitFor();

  server.setRoot(v2);
  await triggerUpdateCheck(page);
  const offer = page.locator('.update-region[role=status]');
  await offer.getByText('A new version of this app is ready.').waitFor();
  await offer.getByText('Your quiz will carry on where you left off.').waitFor();
  assert.deepEqual(await axeInLightAndDark(page), { light: [], dark: [] }, 'the update prompt passes axe');

  // v1 keeps working until the person chooses.
  assert.equal(await buildLabel(page), 'v1');
  const second = await answer(page, { correctly: false });
  const feedbackBefore = await page.locator('.feedback-region').innerText();
  assert.equal(await buildLabel(page), 'v1');

  await Promise.all([page.waitForEvent('load'), offer.getByRole('button', { name: 'Reload' }).click()]);
  await page.getByText('Question 2 of 10').waitFor();
  assert.equal(await buildLabel(page), 'v2');
  // The answer given before the reload is still there, with the same feedback.
  await page.locator('.feedback-region').getByText('Not quite.').waitFor();
  assert.equal(await page.locator('.feedback-region').innerText(), feedbackBefore);
  await next(page);
  await page.getByText('Question 3 of 10').waitFor();
  assert.notEqual(first.id, second.id);
  assert.deepEqual(await cacheNames(page), [`safeguarding-check-${swVersion(v2)}`], "v1's cache is gone");
  assert.equal(await offer.innerText(), '', 'no offer once updated');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
  await server.close();
});

test('a broken deploy (a precached file missing) never activates; the old version keeps serving', async () => {
  const v1 = deployVersion('good', (dir) => markAsVersion(dir, 'good'));
  const broken = deployVersion('broken', (dir) => markAsVersion(dir, 'broken'));
  rmSync(join(broken, 'icons', 'icon-192.png'));
  const server = await serveStatic(v1);
  const { context, page } = await newPhone(server);
  await openApp(page, server.url);
  await untilOfflineReady(page);

  server.setRoot(broken);
  const requestsBefore = server.requests.length;
  // Check for an update, and wait until the broken version has been tried
  // and its install has ended (in failure), however long the precache takes
  // on a busy machine. Polled, not an event: the app may already be checking
  // for an update itself, and an event fired before a listener is missed.
  // Asked again every 2 s: an update check the app itself began before the
  // new version was in place (slow on a busy machine) swallows a call made
  // while it runs, and finds nothing new.
  const update = () => page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration.update().catch(() => {})));
  const tried = () => server.requests.slice(requestsBefore).includes('/icons/icon-192.png');
  for (let waited = 0; !tried() && waited < 60_000; waited += 100) {
    if (waited % 2_000 === 0) await update();
    await page.waitForTimeout(100);
  }
  await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration()).installing === null, null, { polling: 100 });
  assert.ok(server.requests.slice(requestsBefore).includes('/icons/icon-192.png'), 'the broken version was tried');
  const state = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { waiting: registration.waiting !== null, active: registration.active !== null };
  });
  assert.deepEqual(state, { waiting: false, active: true });
  assert.deepEqual(await cacheNames(page), [`safeguarding-check-${swVersion(v1)}`], 'the failed install left no cache behind');
  assert.equal(await page.locator('.update-region').innerText(), '', 'nothing is offered');

  await openApp(page, server.url);
  assert.equal(await buildLabel(page), 'good', 'the old version still serves');
  await context.close();
  await server.close();
});

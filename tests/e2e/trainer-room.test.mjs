// The trainer's room and the learner's record (issue #32, in part): a
// returning trainer sees their sessions first, with every debrief one tap
// away; the trainer screen says which device collects results; the
// learner's result QR code comes on screen whole when asked for; files
// offered say what they hold on a shared device.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, sharedServerAndBrowser, untilApp, watchedPage } from './support/browser.mjs';
import { answer, next } from './support/quiz-player.mjs';

const suite = sharedServerAndBrowser();

async function phone(options = {}) {
  const context = await suite.browser.newContext({ viewport: PHONE, ...options });
  const watched = await watchedPage(context, new URL(suite.server.url).origin);
  return { context, ...watched };
}

/** True if `a` comes before `b` in the page. */
const before = (page, a, b) =>
  page.evaluate(([a, b]) => Boolean(document.querySelector(a).compareDocumentPosition(document.querySelector(b)) & Node.DOCUMENT_POSITION_FOLLOWING), [a, b]);

test('a returning trainer sees their sessions first, and every debrief one tap away; the screen says which device collects results', async () => {
  const { context, page, problems } = await phone();
  await page.goto(`${suite.server.url}?view=trainer`);
  await untilApp(page);
  assert.equal(await page.locator('#sessions-heading').count(), 0, 'no sessions yet: the form alone');
  await page.getByLabel('Title (optional)').fill('Tuesday');
  await page.getByRole('button', { name: 'Make the quiz link' }).click();
  await page.getByLabel('The quiz link', { exact: true }).waitFor();
  assert.match(await page.locator('.session-panel').innerText(), /A result is collected by the device that scans its QR code or opens its link, and only there\./);

  // The next day: the trainer screen opens on their sessions, above the empty form.
  await page.goto(`${suite.server.url}?view=trainer`);
  await page.locator('#sessions-heading').waitFor();
  assert.ok(await before(page, '#sessions-heading', '#quiz-title'), 'the sessions come before the form');
  assert.match(await page.locator('.session-list').innerText(), /Tuesday/);
  await page.getByRole('link', { name: 'Every debrief on this device' }).click();
  await page.getByRole('heading', { name: 'Group debrief' }).waitFor();
  assert.match(page.url(), /view=debrief/);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('"Show my result to the trainer" brings the whole QR code on screen', async () => {
  const { context, page, problems } = await phone({ viewport: { width: 360, height: 640 } });
  await page.goto(`${suite.server.url}?view=trainer-quiz&title=Room&topics=all&count=1&seed=5&mode=practice&pass=80`);
  await untilApp(page);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await answer(page, { correctly: true });
  await next(page, { last: true });
  await page.getByRole('button', { name: 'Show my result to the trainer' }).click();
  const qr = page.locator('.result-qr');
  await qr.waitFor();
  await page.waitForTimeout(300);
  const box = await qr.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 640, `the code is on screen whole: ${JSON.stringify(box)}`);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a file offered says what it may hold on a shared device, and "Clear my data" says saved files stay', async () => {
  const { context, page, problems } = await phone({ acceptDownloads: true });
  await page.goto(`${suite.server.url}?view=progress`);
  await untilApp(page);
  await page.getByRole('button', { name: 'Export my progress' }).click();
  await page.getByText(/on a shared device, delete it from the downloads once it is kept elsewhere\./).waitFor();
  await page.getByRole('button', { name: 'Clear my data' }).click();
  await page.getByText('Files already saved from this app (backups, records, QR codes) are not deleted').waitFor();
  await page.getByRole('button', { name: 'Delete my data' }).click();
  const said = page.getByText('Your data has been deleted from this app on this device. Any files saved from it before are still in the downloads.');
  await said.waitFor();
  // The button pressed is gone: focus is on what happened.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), await said.innerText());
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

// Nothing changes behind your back (issue #31): results finished before a
// course update say what the update changed, and keep the score they had;
// right-to-left titles and names keep the words around them in place on
// home, in the debrief and in its notices: isolated with <bdi> where they
// stand in markup, and with Unicode's isolates (U+2068 … U+2069) inside a
// sentence held as one string.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, sharedServerAndBrowser, untilApp, watchedPage } from './support/browser.mjs';
import { prepared, STORE_KEY } from './support/prepared.mjs';

const suite = sharedServerAndBrowser();

async function phone(options = {}) {
  const context = await suite.browser.newContext({ viewport: PHONE, ...options });
  const watched = await watchedPage(context, new URL(suite.server.url).origin);
  return { context, ...watched };
}

test('results from before a course update say which questions it removed or changed, and keep their score', async () => {
  const { quiz, store } = prepared('finished-quick-check');
  const stored = JSON.parse(store);
  const attempt = stored.attempts.find((e) => e.id === quiz.id).value;
  // As a later version of the course would leave it: question 1 removed,
  // question 2's chosen option removed (an id the bank does not have).
  attempt.items[0].id = 'a-question-removed-in-an-update';
  attempt.items[1].response = { choice: 'an-option-removed-in-an-update' };
  const { context, page, problems } = await phone({
    storageState: { cookies: [], origins: [{ origin: new URL(suite.server.url).origin, localStorage: [{ name: STORE_KEY, value: JSON.stringify(stored) }] }] },
  });
  await page.goto(`${suite.server.url}?view=results&attempt=${quiz.id}`);
  await untilApp(page);
  await page.getByRole('heading', { level: 2, name: `You scored ${quiz.score.correct} out of ${quiz.score.total}` }).waitFor();
  const note = page.locator('.course-changed');
  assert.match(await note.innerText(), /The course has been updated since you took this quiz\. Your score stays as it was marked then\./);
  assert.deepEqual(await note.locator('li').allInnerTexts(), [
    'Question 1 has since been removed from the course.',
    'Question 2 has since been changed, and the answer you gave is no longer one of its choices.',
  ]);
  // The other answers are listed under their own numbers, none of them marked again.
  const prompts = await page.locator('.answer-prompt').allInnerTexts();
  assert.equal(prompts.length, quiz.score.total - 2);
  assert.match(prompts[0], /^3\. /);
  // Nothing was written back: the stored attempt is as it was.
  const after = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), STORE_KEY));
  assert.deepEqual(after.attempts.find((e) => e.id === quiz.id).value.score, quiz.score);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('right-to-left names and titles are isolated: the debrief, its notice, and a quiz in progress on home', async () => {
  const title = 'جلسة الثلاثاء';
  const names = ['سارة', 'يوسف'];
  const { context, page, problems } = await phone();
  await page.goto(`${suite.server.url}?view=trainer`);
  await untilApp(page);
  await page.getByLabel('Title (optional)').fill(title);
  await page.getByRole('button', { name: 'Make the quiz link' }).click();
  const link = await page.getByLabel('The quiz link', { exact: true }).inputValue();
  const spec = new URL(link).search.replace('?view=trainer-quiz', '');
  for (const [i, name] of names.entries()) {
    await page.goto(`${suite.server.url}?view=result&name=${encodeURIComponent(name)}${spec}&score=9&missed=${i}&r=abcdef1${i}`);
    const notice = page.getByText(/result was added to the debrief\./);
    await notice.waitFor();
    // The name is set apart in the sentence (first-strong isolate … pop directional isolate).
    assert.equal(await notice.innerText(), `\u2068${name}\u2069's result was added to the debrief.`);
  }
  // Side by side, each name in its own <bdi>, in the order the results came.
  const listed = page.locator('bdi', { hasText: names[0] }).locator('xpath=..');
  assert.deepEqual(await listed.locator('bdi').allInnerTexts(), names);

  // The list of debriefs: the title isolated from the count beside it.
  await page.goto(`${suite.server.url}?view=debrief`);
  await untilApp(page);
  const entry = page.locator('.card-link', { hasText: title });
  assert.equal(await entry.innerText(), `\u2068${title}\u2069 (2 results)`);

  // A trainer's quiz with that title, left in progress: home names it with its place in the quiz.
  await page.goto(link);
  await untilApp(page);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await page.locator('.question-prompt').waitFor();
  await page.goto(suite.server.url);
  await untilApp(page);
  const inProgress = page.locator('.in-progress p.small');
  assert.match(await inProgress.innerText(), new RegExp(`^\u2068${title}\u2069, question 1 of \\d+\\nstarted \\d{1,2} \\w+ \\d{4}$`));
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

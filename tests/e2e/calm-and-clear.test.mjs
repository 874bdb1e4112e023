// Calm, clear and honest, as a social worker on a 360 × 740 phone finds it:
// home states the effort of each way in and offers the other places to go;
// one name per action; where to turn for support; how current the figures
// are; a contact for problems; radios that look unchosen in dark mode; a
// compact header and whole chosen matches at 200% text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, PHONE, sharedServerAndBrowser, watchedPage } from './support/browser.mjs';
import { TOPICS, answer, currentQuestion, next, openApp, seedRandomness, settled } from './support/quiz-player.mjs';
import { prepared, preparedState } from './support/prepared.mjs';

const suite = sharedServerAndBrowser();
const DOT = '\u00b7';

async function phone({ seed = 5, colorScheme = 'light', viewport = PHONE } = {}) {
  const context = await suite.browser.newContext({ viewport, colorScheme });
  await seedRandomness(context, seed);
  const watched = await watchedPage(context, new URL(suite.server.url).origin);
  return { context, ...watched };
}

/** The effort line under the button named `name`. */
const effortOf = (page, name) =>
  page.locator('.way-in', { has: page.getByRole('button', { name, exact: true }) }).locator('.effort').textContent();

test('home states the effort of each way in, and the other places to go sit under them', async () => {
  const { context, page, problems } = await phone();
  await openApp(page, suite.server.url);
  assert.equal(await effortOf(page, 'Start quick check'), `10 questions ${DOT} about 5 minutes ${DOT} nothing is timed`);
  assert.equal(await effortOf(page, 'Start full assessment'), `20 questions ${DOT} about 10 minutes ${DOT} nothing is timed`);
  assert.match(await page.locator('.practise .hint').textContent(), new RegExp(`^Up to 10 questions ${DOT} about 5 minutes ${DOT} nothing is timed`));
  // No count that is not what a run gives (a topic has more than 10 questions; a run is 10).
  assert.doesNotMatch(await page.locator('main, body').first().innerText(), /\(\d+ questions\)/);

  const row = page.getByRole('navigation', { name: 'More to do' });
  const names = await row.getByRole('link').allTextContents();
  assert.deepEqual(names, ['Learn', 'Progress', 'Records', 'Join with a code', 'Run a session']);
  // Under the main actions, not three screens down: within the second screen of a phone.
  const top = await row.evaluate((nav) => nav.getBoundingClientRect().top + window.scrollY);
  assert.ok(top < PHONE.height * 2, `the row starts ${Math.round(top)} px down`);
  for (const box of await row.getByRole('link').evaluateAll((links) => links.map((a) => a.getBoundingClientRect()))) {
    assert.ok(box.height >= 44 && box.width >= 44, `a destination is ${box.width} × ${box.height} px`);
  }
  for (const [name, heading] of [['Learn', 'Learn'], ['Progress', 'Your progress'], ['Records', 'Your completion records'], ['Run a session', 'Run a session']]) {
    await openApp(page, suite.server.url);
    await row.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
    await page.goBack();
    await page.getByRole('button', { name: 'Start quick check' }).waitFor();
  }
  await page.screenshot({ path: join(ARTIFACTS, 'home-effort.png'), fullPage: true });
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

/** Plays the quiz on screen to its results, answering right when `right(n)` says so. */
async function playTo(page, total, right) {
  for (let n = 1; n <= total; n++) {
    await page.getByText(`Question ${n} of ${total}`).waitFor();
    await settled(page);
    await answer(page, { correctly: right(n) });
    await next(page, { last: n === total });
  }
  await page.locator('#results-heading').waitFor();
}

test('one name per action: the quick check is called that on home, in the quiz and on its results; going again is one button', async () => {
  const { context, page } = await phone({ seed: 6 });
  await openApp(page, suite.server.url);
  const everywhere = [];
  everywhere.push(await page.locator('body').innerText());
  await page.getByRole('button', { name: 'Start quick check' }).click();
  await page.locator('.quiz-title', { hasText: 'Quick check' }).waitFor();
  await playTo(page, 10, (n) => n <= 7);
  everywhere.push(await page.locator('body').innerText());
  await page.getByRole('button', { name: 'Review these 3 mistakes now' }).waitFor();
  await page.getByRole('button', { name: 'Start another quick check' }).waitFor();
  await page.getByRole('button', { name: 'Back to home' }).click();
  // A review of mistakes with some missed again: "Review these mistakes now" is
  // going again, so there is no second button for the same thing.
  await page.getByRole('button', { name: 'Review my mistakes' }).click();
  await page.locator('.quiz-title', { hasText: 'Review my mistakes' }).waitFor();
  await playTo(page, 3, () => false);
  everywhere.push(await page.locator('body').innerText());
  await page.getByRole('button', { name: 'Review these 3 mistakes now' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Review my mistakes again' }).count(), 0);
  await page.getByRole('button', { name: 'Back to home' }).click();
  await page.getByRole('button', { name: 'Start quick check' }).click();
  await playTo(page, 10, () => true);
  await page.getByRole('button', { name: 'Start another quick check' }).click();
  await page.getByText('Question 1 of 10').waitFor();
  for (const text of everywhere) {
    assert.doesNotMatch(text, /Start quiz|Try another quiz|Spaced review/, 'no older or second name for the same action');
  }
  await context.close();
});

test('home and About say where to turn for support and what to do if worried about a child now', async () => {
  const { context, page } = await phone();
  for (const url of [suite.server.url, `${suite.server.url}?view=about`]) {
    await page.goto(url);
    const note = page.getByRole('complementary', { name: 'Support' });
    await note.waitFor();
    const text = await note.textContent();
    for (const words of ['supervisor', 'employee assistance programme', 'local procedures', 'designated safeguarding lead', 'immediate danger, call 999']) {
      assert.ok(text.includes(words), `${url}: the support line mentions "${words}"`);
    }
  }
  // About also says how current the content is.
  await page.locator('.figures-note', { hasText: /from 2018-19.*Local Child Safeguarding Practice Reviews \(LCSPRs\)/ }).waitFor();
  await context.close();
});

test('the accessibility statement and About give a way to report a problem', async () => {
  const { context, page } = await phone();
  for (const [view, heading] of [['accessibility', 'Feedback and contact information'], ['about', 'Report a problem']]) {
    await page.goto(`${suite.server.url}?view=${view}`);
    await page.getByRole('heading', { name: heading }).waitFor();
    // This build sets no ACCESSIBILITY_CONTACT, so it gives the default: whoever shared the app.
    assert.match(await page.locator('.accessibility-contact').textContent(), /If you find a problem.*tell the person or organisation who shared the app with you/);
  }
  await context.close();
});

test('in dark mode an unchosen radio or checkbox is an outline, and only a chosen one is filled', async () => {
  const { context, page } = await phone({ seed: 8, colorScheme: 'dark' });
  await openApp(page, suite.server.url);
  await page.getByRole('button', { name: 'Start quick check' }).click();
  const seen = new Set();
  for (let n = 1; n <= 10 && seen.size < 2; n++) {
    await page.getByText(`Question ${n} of 10`).waitFor();
    await settled(page);
    const inputs = page.locator('.option input');
    if (await inputs.count()) {
      const type = await inputs.first().getAttribute('type');
      const look = () => inputs.evaluateAll((all) => all.map((input) => ({
        checked: input.checked,
        fill: getComputedStyle(input).backgroundColor,
        dot: getComputedStyle(input, '::before').content,
        border: getComputedStyle(input).borderTopWidth,
      })));
      for (const one of await look()) {
        assert.equal(one.checked, false);
        assert.equal(one.fill, 'rgba(0, 0, 0, 0)', `an unchosen ${type} is not filled`);
        assert.equal(one.dot, 'none', `an unchosen ${type} has no mark`);
        assert.notEqual(one.border, '0px', `an unchosen ${type} has an outline`);
      }
      await page.locator('.option label').first().click();
      const [first, ...rest] = await look();
      assert.ok(first.checked);
      assert.ok(first.fill !== 'rgba(0, 0, 0, 0)' || first.dot !== 'none', `a chosen ${type} is marked`);
      for (const other of rest) assert.equal(other.fill, 'rgba(0, 0, 0, 0)');
      if (!seen.has(type)) await page.locator('fieldset').screenshot({ path: join(ARTIFACTS, `dark-${type}.png`) });
      // Leave nothing chosen, for the player to answer from scratch.
      if (type === 'checkbox') await page.locator('.option label').first().click();
      seen.add(type);
    }
    await answer(page, { correctly: true });
    await next(page, { last: n === 10 });
  }
  assert.ok(seen.has('radio'), `radios were seen: ${[...seen]}`);
  await context.close();
});

/** The words of the text of every element matching `selector` that are split across two lines. */
const splitWords = (page, selector) =>
  page.evaluate((selector) => {
    const split = [];
    for (const element of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.textContent.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) split.push(match[0]);
        }
      }
    }
    return split;
  }, selector);

for (const width of [320, 360]) {
  test(`at 200% text and ${width} px the header stays compact and never breaks a word`, async () => {
    // The 200% style is injected inline, so this page bypasses the CSP, as the other 200% checks do.
    const zoomed = await suite.browser.newContext({ viewport: { width, height: 740 }, bypassCSP: true });
    await seedRandomness(zoomed, 9);
    const big = await zoomed.newPage();
    await big.goto(suite.server.url);
    await big.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    await big.getByRole('button', { name: 'Start quick check' }).waitFor();
    // Home's own words, long ones among them ("assessment", "programme"), wrap whole too.
    assert.deepEqual(await splitWords(big, '.way-in, .care-note, .destinations, .practise'), [], 'no word on home is broken');
    for (const where of ['home', 'quiz']) {
      if (where === 'quiz') {
        await big.getByRole('button', { name: 'Start quick check' }).click();
        await big.getByText('Question 1 of 10').waitFor();
      }
      const header = await big.locator('.site-header').boundingBox();
      assert.ok(header.height <= 740 * 0.2, `${where}: the header takes ${Math.round(header.height)} px of 740`);
      assert.deepEqual(await splitWords(big, '.site-name'), [], `${where}: no word of the name is broken`);
      assert.ok(await big.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${where}: no sideways scrolling`);
      await big.screenshot({ path: join(ARTIFACTS, `header-200-${width}-${where}.png`) });
    }
    await zoomed.close();
  });
}

test('at 200% text the answers of an assessment read whole: the tag goes under the question instead of squeezing it', async () => {
  // A full assessment finished (17 of 20), from a prepared store.
  const { quiz } = prepared('passed-assessment');
  const origin = new URL(suite.server.url).origin;
  const context = await suite.browser.newContext({ viewport: PHONE, bypassCSP: true, storageState: preparedState(origin, 'passed-assessment') });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}?view=results&attempt=${quiz.id}`);
  await page.getByRole('heading', { name: /^(You passed|Not passed)/ }).waitFor();
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  const widths = await page.locator('.answer-list summary .answer-prompt').evaluateAll((all) => all.map((e) => e.getBoundingClientRect().width));
  assert.equal(widths.length, 20);
  for (const width of widths) assert.ok(width >= 250, `a question in the list is ${Math.round(width)} px wide, not a sliver`);
  assert.deepEqual(await splitWords(page, '.answer-list summary'), [], 'no word of the answers list is broken');
  await page.locator('.answer-list').screenshot({ path: join(ARTIFACTS, 'answers-200.png') });
  await context.close();
});

test('a closed drop-down keeps its arrow beside its text', async () => {
  const { context, page } = await phone();
  await openApp(page, suite.server.url);
  const topic = page.getByLabel('Topic', { exact: true });
  const height = async () => (await topic.boundingBox()).height;
  assert.ok((await height()) <= 52, `"Choose a topic" is one line: ${await height()} px`);
  await topic.selectOption({ index: 1 });
  assert.ok((await height()) <= 52, `a short topic is one line: ${await height()} px`);
  await context.close();
});

test('at 200% text a chosen match shows its whole text', async () => {
  const context = await suite.browser.newContext({ viewport: PHONE, bypassCSP: true });
  await seedRandomness(context, 10);
  const page = await context.newPage();
  await openApp(page, suite.server.url);
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  let question;
  // Topics with a match question first; a practice run draws up to 10 of a topic's questions.
  const withMatches = TOPICS.filter((t) => t.questions.some((q) => q.type === 'match')).map((t) => t.id);
  for (const topic of [...withMatches, ...withMatches]) {
    await openApp(page, suite.server.url);
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    await page.getByLabel('Topic', { exact: true }).selectOption(topic);
    await page.getByRole('button', { name: 'Practise this topic' }).click();
    const total = Number((await page.locator('.question-count').innerText()).match(/of (\d+)/)[1]);
    for (let n = 1; n <= total && !question; n++) {
      await page.getByText(`Question ${n} of ${total}`).waitFor();
      await settled(page);
      const onScreen = await currentQuestion(page);
      if (onScreen.type === 'match') {
        question = onScreen;
        break;
      }
      await answer(page, { correctly: true });
      await next(page, { last: n === total });
    }
    if (question) break;
  }
  assert.ok(question, 'a match question came up');
  const select = page.locator('.match-row select').first();
  // Choose the longest match.
  const options = await select.locator('option').evaluateAll((all) => all.map((o) => ({ value: o.value, text: o.textContent })));
  const longest = options.filter((o) => o.value !== '').sort((a, b) => b.text.length - a.text.length)[0];
  await select.selectOption(longest.value);
  const shown = await page.locator('.match-row').first().evaluate((row) => {
    const s = row.querySelector('select');
    const echo = row.querySelector('.chosen-text');
    const style = getComputedStyle(s);
    return {
      appearance: style.appearance,
      selectHeight: s.getBoundingClientRect().height,
      lineHeight: parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2,
      echo: getComputedStyle(echo).display !== 'none' ? echo.textContent : null,
    };
  });
  if (shown.appearance === 'base-select') {
    // The select itself wraps its text onto more lines instead of cutting it off.
    assert.ok(shown.selectHeight > shown.lineHeight * 1.8, `the select grew to show "${longest.text}": ${shown.selectHeight} px, lines of ${shown.lineHeight} px`);
  } else {
    assert.equal(shown.echo, longest.text, 'the whole chosen text is written under the select');
  }
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling');
  await page.locator('.match-row').first().screenshot({ path: join(ARTIFACTS, 'match-200.png') });
  await context.close();
});

// Learn: study cards, charts, search, flip cards, and moving between reading
// and checking yourself without losing your place.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, PHONE, sharedServerAndBrowser, watchedPage } from './support/browser.mjs';
import { answer, openApp, seedRandomness, settled } from './support/quiz-player.mjs';
import { axeViolations } from './support/axe.mjs';

const CARDS = JSON.parse(readFileSync(new URL('../../assets/learn.json', import.meta.url), 'utf8')).cards;
const FACTS = new Map(JSON.parse(readFileSync(new URL('../../assets/facts.json', import.meta.url), 'utf8')).map((f) => [f.id, f]));

const suite = sharedServerAndBrowser();

async function phone({ colorScheme = 'light', bypassCSP = false } = {}) {
  // Only the axe scans bypass the CSP: axe is injected as an inline script.
  const context = await suite.browser.newContext({ viewport: PHONE, colorScheme, bypassCSP });
  await seedRandomness(context, 77);
  const watched = await watchedPage(context, new URL(suite.server.url).origin);
  return { context, ...watched };
}

const headingIsFocused = (page, name) =>
  page.waitForFunction((n) => document.activeElement?.tagName === 'H2' && document.activeElement.textContent === n, name);

test('every card can be reached by keyboard, and each shows its points', async () => {
  const { context, page, problems } = await phone();
  await openApp(page, suite.server.url);
  for (const card of CARDS) {
    await page.goto(`${suite.server.url}?view=learn`);
    await page.getByRole('heading', { name: 'Learn' }).waitFor();
    // Tab along the list until the card's link has focus, then open it with Enter.
    for (let presses = 0; presses < 80; presses++) {
      if (await page.evaluate((t) => document.activeElement?.textContent === t, card.title)) break;
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), card.title, `Tab reaches ${card.id}`);
    await page.keyboard.press('Enter');
    await headingIsFocused(page, card.title);
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(fits, `${card.id} fits 360 px with no sideways scrolling`);
    const body = await page.locator('.card-body').innerText();
    for (const point of card.groups.flatMap((g) => g.points)) {
      assert.ok(body.includes(point.text), `${card.id} shows "${point.text}"`);
    }
  }
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [], cspViolations: [] });
  await context.close();
});

test('each chart gives its values as text, from the fact list', async () => {
  const { context, page } = await phone();
  for (const card of CARDS.filter((c) => c.charts)) {
    await page.goto(`${suite.server.url}?view=learn&card=${card.id}`);
    await page.getByRole('heading', { name: card.title }).waitFor();
    const figures = page.locator('figure.chart');
    assert.equal(await figures.count(), card.charts.length);
    for (const [i, chart] of card.charts.entries()) {
      const figure = figures.nth(i);
      const table = await figure.locator('table').textContent();
      const drawn = await figure.locator('ul.bars').textContent();
      for (const bar of chart.bars) {
        const value = `${FACTS.get(bar.fact).figure}${chart.unit}`;
        assert.ok(table.includes(`${bar.label}${value}`), `${card.id}: the table gives ${bar.label} ${value}`);
        assert.ok(drawn.includes(value), `${card.id}: the chart writes ${value}`);
      }
    }
    await page.screenshot({ path: join(ARTIFACTS, `learn-${card.id}.png`), fullPage: true });
  }
  await context.close();
});

test('search finds "disguised compliance" under Principles 5 and 7', async () => {
  const { context, page } = await phone();
  await page.goto(`${suite.server.url}?view=learn`);
  await page.getByLabel('Search the cards').fill('disguised compliance');
  await page.getByRole('status').filter({ hasText: /cards? match/ }).waitFor();
  const found = await page.locator('.card-list .card-link').allInnerTexts();
  for (const id of ['principle-5', 'principle-7']) {
    assert.ok(found.includes(CARDS.find((c) => c.id === id).title), `${id} in ${found}`);
  }
  await page.getByLabel('Search the cards').fill('zebra');
  await page.getByText('No cards mention “zebra”.').waitFor();
  await context.close();
});

test('feedback links to its card, and Back returns to the same question with its answer', async () => {
  const { context, page, problems } = await phone();
  await openApp(page, suite.server.url);
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await answer(page, { correctly: false });
  const position = await page.locator('.question-count').innerText();
  const feedback = await page.locator('.feedback-region').innerText();
  const readMore = page.getByRole('link', { name: /^Read more: / });
  const cardTitle = (await readMore.innerText()).replace('Read more: ', '');
  await settled(page);
  await readMore.click();
  await headingIsFocused(page, cardTitle);

  // The phone's Back button.
  await page.goBack();
  await page.locator('.question-count').getByText(position).waitFor();
  assert.equal(await page.locator('.feedback-region').innerText(), feedback);

  // And the in-app way back.
  await readMore.click();
  await headingIsFocused(page, cardTitle);
  await page.getByRole('link', { name: 'Back to your quiz' }).click();
  await page.locator('.question-count').getByText(position).waitFor();
  assert.equal(await page.locator('.feedback-region').innerText(), feedback);

  // "Check yourself on this" starts a quiz on the card's topic.
  await page.goto(`${suite.server.url}?view=learn&card=principle-6`);
  await page.getByRole('button', { name: 'Check yourself on this' }).click();
  // The quiz above is still in progress, so the app asks first, naming it.
  await page.getByRole('heading', { name: 'You have a quiz in progress' }).waitFor();
  await page.getByRole('button', { name: 'Start the new one' }).click();
  await page.locator('.quiz-title').getByText('Principle 6: Clear, concise and consistent communication', { exact: true }).waitFor();
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('flip cards: the answer, then "I knew it" or "Not yet", then a summary', async () => {
  const { context, page } = await phone();
  const card = CARDS.find((c) => c.id === 'characteristics');
  await page.goto(`${suite.server.url}?view=learn&card=${card.id}`);
  await page.getByRole('link', { name: `Flip cards (${card.flips.length})` }).click();
  for (const [i, flip] of card.flips.entries()) {
    await page.getByText(`Card ${i + 1} of ${card.flips.length}`).waitFor();
    await page.getByText(flip.front, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Show the answer' }).click();
    await page.getByText(flip.back, { exact: true }).waitFor();
    await page.getByRole('button', { name: i % 2 === 0 ? 'I knew it' : 'Not yet' }).click();
  }
  await page.getByText(`You knew ${Math.ceil(card.flips.length / 2)} of ${card.flips.length}.`).waitFor();
  await page.getByRole('button', { name: 'Back to the card' }).click();
  await page.getByRole('heading', { name: card.title }).waitFor();
  await context.close();
});

test('the e-learning link is marked as outside and nothing is fetched from it', async () => {
  const { context, page, problems } = await phone();
  await page.goto(`${suite.server.url}?view=learn&card=e-learning`);
  const link = page.getByRole('link', { name: /e-learning module.*opens an outside website/ });
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /noopener/);
  assert.equal(await link.getAttribute('href'), 'https://virtual-college.co.uk/courses/safeguarding/learning-from-serious-case-reviews');
  assert.deepEqual(problems.foreignRequests, []);
  await context.close();
});

test('a link to an unknown screen gives a plain message and the home page', async () => {
  const { context, page } = await phone();
  await page.goto(`${suite.server.url}?view=learn&card=<script>`);
  await page.getByText('That link did not work, so here is the home page.').waitFor();
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`no axe violations on the Learn screens (${colorScheme})`, async () => {
    const { context, page } = await phone({ colorScheme, bypassCSP: true });
    const screens = [
      '?view=learn',
      ...CARDS.map((c) => `?view=learn&card=${c.id}`),
      '?view=flip&card=principle-7',
    ];
    for (const screen of screens) {
      await page.goto(suite.server.url + screen);
      await page.locator('h2').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('.shell-loading'));
      assert.deepEqual(await axeViolations(page), [], `${screen} (${colorScheme})`);
    }
    await page.goto(`${suite.server.url}?view=learn`);
    await page.getByLabel('Search the cards').fill('disguised compliance');
    assert.deepEqual(await axeViolations(page), [], `search results (${colorScheme})`);
    await context.close();
  });
}

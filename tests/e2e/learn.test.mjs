// Learn: study cards, charts, search, flip cards, and moving between reading
// and checking yourself without losing your place.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, PHONE, sharedServerAndBrowser, watchedPage } from './support/browser.mjs';
import { answer, openApp, seedRandomness, settled } from './support/quiz-player.mjs';
import { axeInLightAndDark } from './support/axe.mjs';

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
        const value = `${bar.qualifier ? `${bar.qualifier} ` : ''}${FACTS.get(bar.fact).figure}${chart.unit}`;
        assert.ok(table.includes(`${bar.label}${value}`), `${card.id}: the table gives ${bar.label} ${value}`);
        assert.ok(drawn.includes(value), `${card.id}: the chart writes ${value}`);
      }
      // As drawn on the phone: each bar over a track, a percentage as that share of
      // the whole track (so 46% never fills it), a count against the largest count.
      const shares = await figure.locator('ul.bars li').evaluateAll((items) =>
        items.map((li) => li.querySelector('.chart-bar').getBoundingClientRect().width / li.querySelector('.chart-track').getBoundingClientRect().width));
      const figuresOf = chart.bars.map((b) => FACTS.get(b.fact).figure);
      const full = chart.unit === '%' ? 100 : Math.max(...figuresOf);
      for (const [j, share] of shares.entries()) {
        assert.ok(Math.abs(share - figuresOf[j] / full) < 0.015, `${card.id}: "${chart.bars[j].label}" fills ${(share * 100).toFixed(1)}% of its track for ${figuresOf[j]} of ${full}`);
      }
      if (chart.unit === '%') assert.deepEqual(await figure.locator('.chart-scale text').allTextContents(), ['0%', '50%', '100%']);
    }
    // Figures from 2018-19 say so, and that SCRs have since become LCSPRs.
    await page.locator('.figures-note', { hasText: /2018-19.*Local Child Safeguarding Practice Reviews/ }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, `learn-${card.id}.png`), fullPage: true });
  }
  await context.close();
});

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pagerLink = (direction, title) => new RegExp(`^${direction} card\\s*:\\s*${escapeRegExp(title)}$`);

test('Previous card and Next card go through every card in order, and Back retraces them', async () => {
  const { context, page, problems } = await phone();
  await page.goto(`${suite.server.url}?view=learn&card=${CARDS[0].id}`);
  await page.getByRole('heading', { name: CARDS[0].title }).waitFor();
  assert.equal(await page.getByRole('link', { name: /Previous card/ }).count(), 0, 'the first card has no previous');
  for (const card of CARDS.slice(1)) {
    await page.getByRole('link', { name: pagerLink('Next', card.title) }).click();
    await page.getByRole('heading', { level: 2, name: card.title, exact: true }).waitFor();
    assert.match(page.url(), new RegExp(`card=${card.id}$`));
  }
  assert.equal(await page.getByRole('link', { name: /Next card/ }).count(), 0, 'the last card has no next');
  await page.getByRole('link', { name: pagerLink('Previous', CARDS.at(-2).title) }).click();
  await page.getByRole('heading', { level: 2, name: CARDS.at(-2).title, exact: true }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 2, name: CARDS.at(-1).title, exact: true }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 2, name: CARDS.at(-2).title, exact: true }).waitFor();
  // The pager's links are real targets, 44 px or more.
  for (const box of await page.locator('.card-pager a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height))) {
    assert.ok(box >= 44, `pager link ${box} px tall`);
  }
  assert.deepEqual(problems.pageErrors, []);
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
  await page.getByRole('button', { name: 'Start quick check' }).click();
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
  const link = page.getByRole('link', { name: /e-learning module.*virtual-college\.co\.uk, opens in a new tab/ });
  // Before it is tapped, it says it leaves the app and needs a connection, and the way back is there.
  await page.getByText(/This link leaves the app: it opens virtual-college\.co\.uk in a new tab, and needs an internet connection/).waitFor();
  await page.getByRole('navigation', { name: 'More cards' }).getByRole('link', { name: 'All cards' }).waitFor();
  await page.getByRole('link', { name: /Previous card/ }).waitFor();
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
  await page.getByRole('button', { name: 'Start quick check' }).waitFor();
  await context.close();
});

test('no axe violations on the Learn screens, in light and dark', async () => {
  const { context, page } = await phone({ bypassCSP: true });
  const screens = [
    '?view=learn',
    ...CARDS.map((c) => `?view=learn&card=${c.id}`),
    '?view=flip&card=principle-7',
  ];
  for (const screen of screens) {
    await page.goto(suite.server.url + screen);
    await page.locator('h2').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('.shell-loading'));
    assert.deepEqual(await axeInLightAndDark(page), { light: [], dark: [] }, screen);
  }
  await page.goto(`${suite.server.url}?view=learn`);
  await page.getByLabel('Search the cards').fill('disguised compliance');
  assert.deepEqual(await axeInLightAndDark(page), { light: [], dark: [] }, 'search results');
  await context.close();
});

// Runs axe-core in a page against WCAG 2.2 AA and returns its violations,
// shortened to what a person needs to fix them.

import { createRequire } from 'node:module';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const results = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

/**
 * axe on the screen as it is, in light and then in dark, the colour scheme
 * switched in place (no reload, so each state is reached once); back in
 * light after. Returns `{ light, dark }`, each a list of violations.
 */
export async function axeInLightAndDark(page) {
  const found = {};
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    found[colorScheme] = await axeViolations(page);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

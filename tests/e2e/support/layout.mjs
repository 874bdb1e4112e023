// Reading a screen's layout for the reflow checks (320 px wide, 200% text).

/**
 * Run in the page: the words on screen broken across two lines although the
 * word would fit on a line of its own ("Not passe|d"). A word with a hyphen
 * may break after it ("well-|known"), unless it is a range of figures
 * ("2018-|19", which reads as two numbers). Each as "word (width of line width px)".
 */
export const brokenWordsThatFit = () => {
  const found = [];
  const root = document.querySelector('main') ?? document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !parent.checkVisibility() || parent.closest('.visually-hidden, [aria-hidden=true]')) continue;
    let block = parent;
    while (block.parentElement && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    const style = getComputedStyle(block);
    const lineWidth = block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    for (const match of node.textContent.matchAll(/\S+/g)) {
      const word = match[0];
      if (word.includes('-') && !/\d-\d/.test(word)) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + word.length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      if (new Set(rects.map((r) => Math.round(r.top))).size < 2) continue;
      const width = rects.reduce((sum, r) => sum + r.width, 0);
      if (width <= lineWidth) found.push(`${word} (${Math.round(width)} of ${Math.round(lineWidth)} px)`);
    }
  }
  return found;
};

/** Run in the page: true if nothing scrolls sideways. */
export const fitsWidth = () => document.documentElement.scrollWidth <= window.innerWidth;

/**
 * The smallest text on the screen, in px, over every element in <main> with
 * text of its own that shows (what is hidden for screen readers left out):
 * for the "no text under 24 px on a 1080p projector" checks.
 */
export const smallestText = (page) =>
  page.evaluate(() => {
    const sizes = [...document.querySelectorAll('main *')]
      .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()) && e.getClientRects().length > 0 && !e.closest('.visually-hidden'))
      .map((e) => parseFloat(getComputedStyle(e).fontSize));
    return Math.min(...sizes);
  });

// Draws the app icons from one SVG source (assets/favicon.svg) with the same
// headless Chromium the tests use. Run after changing the SVG, then commit the
// PNGs:   node scripts/icons.mjs

import { readFileSync, writeFileSync } from 'node:fs';
import UPNG from 'upng-js';
import { launchBrowser } from '../tests/e2e/support/browser.mjs';

// Icons are a few flat colours, so a 16-colour palette looks the same and is a
// fraction of the size: every byte counts toward the app's first-load budget.
const PALETTE_COLOURS = 16;

const svg = readFileSync(new URL('../assets/favicon.svg', import.meta.url), 'utf8');
const BRAND = '#1f4e6b';
const out = (name) => new URL(`../assets/icons/${name}`, import.meta.url).pathname;

// `inset` is the share of the canvas left as plain background on each side.
// The manifest icons are full-bleed with the shield inside the central safe
// zone, so one image serves as both "any" and "maskable".
const ICONS = [
  { name: 'icon-192.png', size: 192, inset: 0.12, background: BRAND },
  { name: 'icon-512.png', size: 512, inset: 0.12, background: BRAND },
  { name: 'apple-touch-icon.png', size: 180, inset: 0.06, background: BRAND },
];

const browser = await launchBrowser();
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const pad = Math.round(icon.size * icon.inset);
    await page.setContent(
      `<html><body style="margin:0;background:${icon.background}">
         <div style="width:${icon.size}px;height:${icon.size}px;padding:${pad}px;box-sizing:border-box">
           ${svg.replace('<svg ', '<svg width="100%" height="100%" ')}
         </div></body></html>`,
    );
    const png = await page.screenshot();
    const image = UPNG.decode(png);
    const rgba = UPNG.toRGBA8(image)[0];
    writeFileSync(out(icon.name), Buffer.from(UPNG.encode([rgba], icon.size, icon.size, PALETTE_COLOURS)));
    await page.close();
    console.log(`wrote assets/icons/${icon.name}`);
  }
} finally {
  await browser.close();
}

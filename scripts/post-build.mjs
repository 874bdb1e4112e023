// Trunk's post_build hook: runs after the HTML is written and before the
// staging folder becomes dist/. Bundles the question bank, puts the styles in
// the page and starts the app's downloads from <head> (start-early.mjs), puts
// the home screen and a first question that work before the app arrives in
// the page (static-pages.mjs), minifies the JS glue, adds the
// Content-Security-Policy, then lists every file (with the final index.html)
// in the service worker's precache.

import { writeBankBundle } from './bank-bundle.mjs';
import { writeCsp } from './csp.mjs';
import { inlineStylesheet, startDownloadsEarly } from './start-early.mjs';
import { minifyAppJs } from './minify-js.mjs';
import { writePrecache } from './precache.mjs';
import { writeStaticPages } from './static-pages.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('usage: node scripts/post-build.mjs <dist-dir> (Trunk sets TRUNK_STAGING_DIR)');
  process.exit(2);
}
const bank = writeBankBundle(dir);
inlineStylesheet(dir);
startDownloadsEarly(dir);
const early = await writeStaticPages(dir, bank);
await minifyAppJs(dir);
writeCsp(dir);
const { files, version } = writePrecache(dir);
console.log(`post-build: ${bank}; home and quiz ${early.seed} (${early.question}) in the page; CSP added; precache ${files} files, version ${version}`);

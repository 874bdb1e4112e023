// Trunk's post_build hook: runs after the HTML is written and before the
// staging folder becomes dist/. Bundles the question bank, then lists every
// file (the bundle included) in the service worker's precache.

import { writeBankBundle } from './bank-bundle.mjs';
import { writePrecache } from './precache.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('usage: node scripts/post-build.mjs <dist-dir> (Trunk sets TRUNK_STAGING_DIR)');
  process.exit(2);
}
const bank = writeBankBundle(dir);
const { files, version } = writePrecache(dir);
console.log(`post-build: ${bank}; precache ${files} files, version ${version}`);

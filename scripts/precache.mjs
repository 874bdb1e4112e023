// Writes the service worker's precache list: every file in a built dist with a
// content hash, injected into sw.js. Run by Trunk as a post_build hook (on the
// staging dir), and by the e2e tests to make a "next version" of a dist.
//
//   node scripts/precache.mjs <dist-dir>

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SW_FILE = 'sw.js';
// Served to the browser but never needed offline.
const SKIP = new Set([SW_FILE, '404.html']);

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('usage: node scripts/precache.mjs <dist-dir>');
  process.exit(2);
}

function filesUnder(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const entries = filesUnder(dir)
  .map((path) => relative(dir, path).split(sep).join('/'))
  .filter((url) => !SKIP.has(url) && !url.startsWith('.'))
  .sort()
  .map((url) => ({
    url: `./${url}`,
    revision: createHash('sha256').update(readFileSync(join(dir, url))).digest('hex').slice(0, 16),
  }));

const version = createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 12);
const swPath = join(dir, SW_FILE);
const source = readFileSync(swPath, 'utf8');
const precacheLine = /^const PRECACHE = .*$/m;
const versionLine = /^const VERSION = .*$/m;
if (!precacheLine.test(source) || !versionLine.test(source)) {
  console.error(`${swPath} has no PRECACHE/VERSION line to replace`);
  process.exit(1);
}
writeFileSync(
  swPath,
  source
    .replace(precacheLine, () => `const PRECACHE = ${JSON.stringify(entries)};`)
    .replace(versionLine, () => `const VERSION = '${version}';`),
);
console.log(`precache: ${entries.length} files, version ${version}`);

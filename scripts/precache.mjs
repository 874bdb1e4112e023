// Writes the service worker's precache list: every file in a built dist with a
// content hash, injected into sw.js. Run from the Trunk post_build hook
// (scripts/post-build.mjs), and by the e2e tests to make a "next version" of a dist.
//
//   node scripts/precache.mjs <dist-dir>

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SW_FILE = 'sw.js';
// Served to the browser but never needed offline.
const SKIP = new Set([SW_FILE, '404.html']);
/**
 * A name with a content hash: Trunk's `main-<hex>.css`, `app-<hex>.js`,
 * `app-<hex>_bg.wasm`, `favicon-<hex>.svg` (its hex can be 15 digits, a
 * leading zero dropped) and the bank's `questions-<hex>.json`.
 */
export const HASHED_NAME = /-[0-9a-f]{12,16}(?:_bg)?\.[a-z]+$/;

function filesUnder(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Rewrites `dir`/sw.js with every other file of `dir` and its content hash. */
export function writePrecache(dir) {
  const entries = filesUnder(dir)
    .map((path) => relative(dir, path).split(sep).join('/'))
    .filter((url) => !SKIP.has(url) && !url.startsWith('.'))
    .sort()
    .map((url) => ({
      url: `./${url}`,
      revision: createHash('sha256').update(readFileSync(join(dir, url))).digest('hex').slice(0, 16),
      // Named by its content's hash, so it never changes under this name: the
      // worker reuses any copy the browser holds (assets/sw.js).
      ...(HASHED_NAME.test(url) ? { immutable: true } : {}),
    }));

  const version = createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 12);
  const swPath = join(dir, SW_FILE);
  const source = readFileSync(swPath, 'utf8');
  const precacheLine = /^const PRECACHE = .*$/m;
  const versionLine = /^const VERSION = .*$/m;
  if (!precacheLine.test(source) || !versionLine.test(source)) {
    throw new Error(`${swPath} has no PRECACHE/VERSION line to replace`);
  }
  writeFileSync(
    swPath,
    source
      .replace(precacheLine, () => `const PRECACHE = ${JSON.stringify(entries)};`)
      .replace(versionLine, () => `const VERSION = '${version}';`),
  );
  return { files: entries.length, version };
}

// As a command: node scripts/precache.mjs <dist-dir>
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/precache.mjs <dist-dir>');
    process.exit(2);
  }
  const { files, version } = writePrecache(dir);
  console.log(`precache: ${files} files, version ${version}`);
}

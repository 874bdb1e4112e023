// Prepared stores: what a device holds after some use (a finished quiz,
// records, a debrief…), made natively through the app's own Store operations
// by tests/native/prepared_stores.rs, which `cargo test` runs before the
// browser tests. A test loads one into a fresh context's local storage and
// opens the screen under test, instead of playing quizzes to reach it.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STORE_KEY = 'safeguarding-check:progress';
const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts', 'prepared-stores');
/** Made more than this long ago, a store's times may no longer match the tests' clock. */
const STALE_MS = 6 * 3_600_000;

/**
 * The prepared store `name`: `{ store: "<stored text>", made_at, ... }`
 * with the ids and answers its builder describes.
 */
export function prepared(name) {
  const file = join(DIR, `${name}.json`);
  if (!existsSync(file)) {
    throw new Error(`No prepared store "${name}". Run "cargo test --test native prepared_stores" first (make test does).`);
  }
  const value = JSON.parse(readFileSync(file, 'utf8'));
  if (Date.now() - value.made_at > STALE_MS) {
    throw new Error(`The prepared store "${name}" is old. Run "cargo test --test native prepared_stores" again.`);
  }
  return value;
}

/**
 * A context option that starts its local storage at `origin` (such as
 * `new URL(suite.server.url).origin`) with the prepared store `name`, once,
 * when the context is made: reloads and other tabs then see what the app
 * has saved since. Use as `newContext({ storageState: preparedState(origin, name) })`.
 */
export function preparedState(origin, name) {
  return { cookies: [], origins: [{ origin, localStorage: [{ name: STORE_KEY, value: prepared(name).store }] }] };
}

// Minifies wasm-bindgen's JS glue with terser. Trunk's own minifier leaves
// that file as it is (48 KB raw); terser takes it to about 22 KB, which is
// 7.3 -> 5.6 KB brotli on every first visit.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

export async function minifyAppJs(dist) {
  const files = readdirSync(dist).filter((name) => /^safeguarding-check-[0-9a-f]+\.js$/.test(name));
  if (files.length !== 1) throw new Error(`${dist}: expected one app JS file, found ${files.length}`);
  const path = join(dist, files[0]);
  const result = await minify(readFileSync(path, 'utf8'), { module: true, compress: { passes: 2 }, mangle: true });
  writeFileSync(path, result.code);
  return files[0];
}

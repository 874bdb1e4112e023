// Adds a strict Content-Security-Policy to a built index.html, as a <meta>
// (a static host sends no headers we control). Trunk's loader is an inline
// <script type="module">, so the policy allows exactly that script by its
// sha256 hash, computed here from the built file. Nothing else inline runs.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeCsp(dist) {
  const path = join(dist, 'index.html');
  const html = readFileSync(path, 'utf8');
  // Every inline script that runs; data (type="application/json") does not run, and needs none.
  const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
    .filter((match) => !/\b(src=|type=["']?application\/json)/.test(match[0].slice(0, match[0].indexOf('>'))))
    .map((match) => `'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
  if (hashes.length === 0) throw new Error(`${path} has no inline loader to allow`);
  // The styles are inline too (scripts/start-early.mjs): allowed by their hash
  // alone, so no style attribute or injected <style> can apply.
  const styleHashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`,
  );
  const policy = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
    ["style-src 'self'", ...styleHashes].join(' '),
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  // First in the head (after the charset), so it governs everything after it.
  const charset = html.match(/<meta charset=["']?utf-8["']?\s*\/?>/i);
  if (!charset) throw new Error(`${path} has no <meta charset> to put the policy after`);
  writeFileSync(path, html.replace(charset[0], `${charset[0]}${meta}`));
  return policy;
}

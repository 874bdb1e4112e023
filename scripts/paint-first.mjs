// Paint first, then fetch the app. Trunk's loader starts the wasm (about
// 220 KB brotli), its JS and the question bank the moment the HTML is parsed,
// so on a slow phone they share the line with the stylesheet and the shell
// text waits. This rewrites the built index.html so the shell paints first
// (one frame), and only then starts the three downloads, together.
//
// Before (Trunk 0.21):  <script type=module>import init, * as bindings from './x.js'; … init({module_or_path: './x_bg.wasm'}) …</script>
//                       <link rel=modulepreload href=./x.js> <link rel=preload href=./x_bg.wasm>
// After:                one inline module that waits for the first paint, then
//                       preloads the bank and fetches x_bg.wasm while it imports x.js.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Shown in place of "Getting the quiz ready…" when the app cannot load. */
export const LOAD_FAILED =
  'The quiz could not be loaded. Check your connection, then reload this page. Once it has loaded, it works offline.';

export function deferAppUntilPainted(dist) {
  const path = join(dist, 'index.html');
  let html = readFileSync(path, 'utf8');
  const loader = html.match(/<script type=["']?module["']?>([\s\S]*?)<\/script>/);
  if (!loader) throw new Error(`${path}: Trunk's inline loader is missing`);
  const js = loader[1].match(/from\s+'(\.\/[^']+\.js)'/)?.[1];
  const wasm = loader[1].match(/module_or_path:\s*'(\.\/[^']+\.wasm)'/)?.[1];
  if (!js || !wasm) throw new Error(`${path}: Trunk's loader changed shape; update scripts/paint-first.mjs`);

  // The preloads would start the downloads before the first paint.
  const preloads = [...html.matchAll(/<link\b[^>]*\brel=["']?(?:modulepreload|preload)["']?[^>]*>/g)].map((m) => m[0]);
  for (const link of preloads) {
    if (link.includes('question-bank')) continue;
    if (!link.includes(js.slice(2)) && !link.includes(wasm.slice(2))) throw new Error(`${path}: unexpected preload ${link}`);
    html = html.replace(link, '');
  }
  // The bank link stays in the page (the app reads its href), but as a plain
  // link: the loader turns it into a preload after the paint.
  const bankLink = html.match(/<link\b[^>]*\bid=["']?question-bank\b[^>]*>/)?.[0];
  if (!bankLink) throw new Error(`${path}: the question-bank link is missing`);
  html = html.replace(bankLink, bankLink.replace(/\s*\brel=["']?preload["']?/, ''));

  const script = [
    '// Paint the page first, then fetch the app (scripts/paint-first.mjs).',
    '// The second frame callback runs once the first frame, the page text, is on screen.',
    'requestAnimationFrame(() => requestAnimationFrame(async () => {',
    '  try {',
    "    const bank = document.getElementById('question-bank');",
    "    if (bank) bank.rel = 'preload';",
    `    const download = fetch('${wasm}');`,
    `    const bindings = await import('${js}');`,
    '    const wasm = await bindings.default({ module_or_path: download });',
    '    window.wasmBindings = bindings;',
    "    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));",
    '  } catch (error) {',
    '    // Never a page that waits for ever: say what happened and what to do.',
    "    const status = document.querySelector('.shell-loading');",
    '    if (status) {',
    "      status.setAttribute('role', 'alert');",
    `      status.textContent = ${JSON.stringify(LOAD_FAILED)};`,
    '    }',
    '    throw error;',
    '  }',
    '}));',
  ].join('\n');
  html = html.replace(loader[0], `<script type=module>${script}</script>`);
  writeFileSync(path, html);
}

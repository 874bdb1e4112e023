// The page a first visit gets, before the app arrives (issue #30): the
// home screen in #app, and the first question of one quick check, both the
// app's own components rendered natively at build time
// (src/bin/static_pages.rs), with assets/early.js to start that quiz,
// choose, check and read the feedback before the wasm is here. The app
// takes the quiz over when it arrives (src/quiz/saved/early_start.rs). A trainer's
// link shows its landing (the app's own, with the link's title and what it
// asks for) and remembers a "Start the quiz" tapped before the app is here.
//
// Runs `cargo run --bin static_pages` (a native build of the crate, which
// `cargo test` has usually built already) from the project's folder.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Keeps taps on #app's buttons made before early.js runs, in `window.__earlyTaps` (their text), for it to do then. */
const TAP_CATCHER =
  "(()=>{const t=[];window.__earlyTaps=t;addEventListener('click',e=>{if(window.__earlyTaps!==t)return;const b=e.target instanceof Element&&e.target.closest('#app button');if(b){t.push(b.textContent.trim());e.preventDefault();e.stopImmediatePropagation()}},true)})()";

/** Shown on any screen but home and the page's quiz until the app is here. */
export const GETTING_READY = 'Getting the app ready…';

/** `bank` is the bundle's file name in `dist` (writeBankBundle's). */
export async function writeStaticPages(dist, bank) {
  const path = join(dist, 'index.html');
  let html = readFileSync(path, 'utf8');
  let out;
  try {
    out = execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'static_pages', '--', join(dist, bank)], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    throw new Error(`static_pages failed:\n${error.stderr ?? error}`);
  }
  // A style attribute would break the Content-Security-Policy (styles only by
  // hash): each is carried as data-style, and early.js sets it through the DOM.
  const pages = JSON.parse(out.replaceAll(' style=\\"', ' data-style=\\"'));
  const main = html.match(/<main\b[^>]*\bid=["']?app\b[^>]*>([\s\S]*?)<\/main>/);
  if (!main) throw new Error(`${path}: <main id="app"> is missing`);
  html = html.replace(main[0], main[0].replace(main[1], () => pages.home));
  // A trainer's link's landing comes with the quiz's data (early.js shows it).
  const quiz = { ...pages.quiz, landing: pages.landing, store_key: pages.store_key, getting_ready: GETTING_READY };
  // JSON in a script element: "</" would end the element early.
  const json = JSON.stringify(quiz).replaceAll('</', '<\\/');
  const script = await minify(readFileSync(join(root, 'assets', 'early.js'), 'utf8'), { compress: { passes: 2 }, mangle: true });
  // A tap on the page's buttons can come before its script has run (on a
  // slow line the page arrives in pieces): this catches it from the start,
  // and early.js does it once it runs. The script comes right after #app, so
  // it runs as soon as the screen is there; the quiz's data comes last.
  html = html.replace(/<main\b[^>]*\bid=["']?app\b/, (tag) => `<script>${TAP_CATCHER}</script>${tag}`);
  html = html.replace(/(<main\b[^>]*\bid=["']?app\b[\s\S]*?<\/main>)/, (main) => `${main}<script>${script.code}</script>`);
  html = html.replace('</body>', () => `<script type="application/json" id="early-quiz">${json}</script></body>`);
  writeFileSync(path, html);
  return { seed: quiz.seed, question: quiz.question };
}

// Paint the text from the HTML alone, and start every download the first
// question needs from <head> meanwhile. The stylesheet goes into the page
// (inlineStylesheet). Trunk's loader is rewritten into one that starts the app
// the moment the wasm has arrived, with the wasm, its JS and the question bank
// all requested as soon as the browser reads <head>, after the stylesheet.
//
// Measured side by side with the earlier loader (which waited for the first
// paint), Regular 3G with the CPU slowed 4×, median of 5 (2026-12-06): the
// first question answerable 4312 -> 4117 ms, the first paint 376 -> 272 ms
// (README, "Benchmarks").
//
// Before (Trunk 0.21):  <script type=module>import init, * as bindings from './x.js'; … init({module_or_path: './x_bg.wasm'}) …</script>
//                       <link rel=modulepreload href=./x.js integrity=…> <link rel=preload href=./x_bg.wasm integrity=…>
// After:                <link rel=preload href=./x_bg.wasm as=fetch crossorigin> and <link rel=modulepreload href=./x.js>
//                       right after the inline styles, the bank's preload, and one inline
//                       module that awaits them and says so plainly if it cannot.
//
// The preloads carry no integrity attribute: a preload with one is not reused
// by a fetch without one, and the wasm would come down twice.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the page says when the app cannot run, by cause; each names the cause
 * and what to do. The home screen and the first question of the page still
 * work meanwhile (scripts/static-pages.mjs).
 */
export const LOAD_FAILED =
  'The quiz could not be loaded. Check your connection, then reload this page. Once it has loaded, it works offline.';
export const NO_WEBASSEMBLY =
  'This browser has WebAssembly turned off, and the app needs it. On an iPhone or iPad, Lockdown Mode turns it off: in Safari, open Settings, Privacy & Security, Lockdown Mode, then Configure Web Browsing, and exclude this site. Or open this page on another device.';
export const REFUSED =
  'This browser refused to run the app: its security settings do not allow it on this page. iPhones and iPads with iOS 15 or earlier do this, and so can a work network that adds its own rules. Update the device, or open this page in another browser or on another network.';
export const DID_NOT_START = 'The app could not start in this browser. Reload this page to try again, or open it in another browser.';

export function startDownloadsEarly(dist) {
  const path = join(dist, 'index.html');
  let html = readFileSync(path, 'utf8');
  const loader = html.match(/<script type=["']?module["']?>([\s\S]*?)<\/script>/);
  if (!loader) throw new Error(`${path}: Trunk's inline loader is missing`);
  const js = loader[1].match(/from\s+'(\.\/[^']+\.js)'/)?.[1];
  const wasm = loader[1].match(/module_or_path:\s*'(\.\/[^']+\.wasm)'/)?.[1];
  if (!js || !wasm) throw new Error(`${path}: Trunk's loader changed shape; update scripts/start-early.mjs`);

  // Trunk's own preloads (with integrity attributes) give way to ours.
  const preloads = [...html.matchAll(/<link\b[^>]*\brel=["']?(?:modulepreload|preload)["']?[^>]*>/g)].map((m) => m[0]);
  for (const link of preloads) {
    if (link.includes('question-bank')) continue;
    if (!link.includes(js.slice(2)) && !link.includes(wasm.slice(2))) throw new Error(`${path}: unexpected preload ${link}`);
    html = html.replace(link, '');
  }
  const bankLink = html.match(/<link\b[^>]*\bid=["']?question-bank\b[^>]*>/)?.[0];
  if (!bankLink || !/\brel=["']?preload/.test(bankLink)) throw new Error(`${path}: the question-bank preload is missing`);
  // The styles are in the page itself (inlineStylesheet), so the text paints
  // as soon as the HTML has arrived, whatever else is on the line.
  const styles = html.indexOf('</style>');
  if (styles < 0) throw new Error(`${path}: the inline styles are missing (run inlineStylesheet first)`);
  html = html.replace(bankLink, '');
  html = html.replace(
    '</style>',
    `</style><link rel=preload href=${wasm} as=fetch type=application/wasm crossorigin><link rel=modulepreload href=${js}>${bankLink}`,
  );

  const script = `
// Start the app once its wasm has arrived (scripts/start-early.mjs). If it
// cannot run, say why and what to do, in #app's status line; the page's own
// home and first question (assets/early.js) keep working meanwhile.
const say = (message) => {
  document.documentElement.dataset.appFailed = message;
  dispatchEvent(new CustomEvent('app-failed', { detail: message }));
  for (const status of document.querySelectorAll('#app .load-status, #app .shell-loading')) {
    status.setAttribute('role', 'alert');
    status.textContent = message;
  }
};
let refused = false;
addEventListener('securitypolicyviolation', (event) => {
  if (/wasm|eval/.test(event.blockedURI) || /script-src/.test(event.violatedDirective)) refused = true;
});
try {
  if (typeof WebAssembly !== 'object') {
    say(${JSON.stringify(NO_WEBASSEMBLY)});
  } else {
    let bindings;
    let wasm;
    try {
      bindings = await import('${js}');
      wasm = await fetch('${wasm}');
      if (!wasm.ok) throw new TypeError('download failed');
    } catch (error) {
      say(${JSON.stringify(LOAD_FAILED)});
      throw error;
    }
    try {
      const instance = await bindings.default({ module_or_path: wasm });
      window.wasmBindings = bindings;
      dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
    } catch (error) {
      const byPolicy = refused || /Content.Security.Policy|unsafe-eval|wasm-eval/i.test(String(error));
      say(byPolicy ? ${JSON.stringify(REFUSED)} : ${JSON.stringify(DID_NOT_START)});
      throw error;
    }
  }
} catch (error) {
  console.error(error);
}
`.trim();
  html = html.replace(loader[0], `<script type=module>${script}</script>`);
  writeFileSync(path, html);
}

/**
 * Puts Trunk's stylesheet into index.html as a <style> element (the CSP
 * allows it by its hash, scripts/csp.mjs) and removes the file. One request
 * fewer before the first paint, and nothing on the line can hold the text's
 * styles up: about 4 KB of brotli that the HTML carries instead.
 */
export function inlineStylesheet(dist) {
  const path = join(dist, 'index.html');
  let html = readFileSync(path, 'utf8');
  const link = html.match(/<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/)?.[0];
  const href = link?.match(/\bhref=["']?\.\/([^"' >]+\.css)/)?.[1];
  if (!link || !href) throw new Error(`${path}: the stylesheet link is missing`);
  const css = readFileSync(join(dist, href), 'utf8').trim();
  if (/<\/style/i.test(css)) throw new Error(`${href} contains "</style", which would end the element early`);
  html = html.replace(link, () => `<style>${css}</style>`);
  writeFileSync(path, html);
  rmSync(join(dist, href));
}

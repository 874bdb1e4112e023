// Paint the page from the HTML alone, then start the app's downloads. The
// stylesheet goes into the page (inlineStylesheet). Trunk's loader is
// rewritten into one that waits for the page's first paint, then requests
// the wasm, its JS and the question bank at once, starts the app the moment
// they are here, and says plainly if it cannot.
//
// Why after the first paint (issue #30): the page already works before the
// app (home, the first question and a trainer's landing, assets/early.js),
// so nothing the person does waits for these downloads, and on a slow line
// they no longer share it with the page. Requested from <head> instead, as
// from #19 to #30, Lighthouse's simulation counted the whole wasm download
// before the page's largest paint (simulated LCP 2.6 s with the page
// painted at 0.1 s); and compiling the wasm, when it was already here, held
// the first paint back.
//
// Before (Trunk 0.21):  <script type=module>import init, * as bindings from './x.js'; … init({module_or_path: './x_bg.wasm'}) …</script>
//                       <link rel=modulepreload href=./x.js integrity=…> <link rel=preload href=./x_bg.wasm integrity=…>
// After:                no preloads in the page; the bank's link kept as
//                       <link id=question-bank rel=alternate type=application/json href=…> (where the app finds it,
//                       fetching nothing), and one inline module that, after the first paint, preloads the bank
//                       (the app's own fetch of it then uses that), imports the JS and fetches the wasm, together.
//
// No integrity attributes: a preload with one is not reused by a fetch
// without one, and the bank would come down twice.

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
  const bank = bankLink.match(/\bhref=["']?([^"' >]+)/)?.[1];
  if (!bank) throw new Error(`${path}: the question-bank link has no href`);
  // The styles are in the page itself (inlineStylesheet), so the text paints
  // as soon as the HTML has arrived, whatever else is on the line.
  const styles = html.indexOf('</style>');
  if (styles < 0) throw new Error(`${path}: the inline styles are missing (run inlineStylesheet first)`);
  html = html.replace(bankLink, () => `<link id=question-bank rel=alternate type=application/json href=${bank}>`);

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
    // After the page's first paint (a hidden tab paints nothing: at once).
    if (document.visibilityState === 'visible') await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    // The bank, the JS and the wasm together; the app's own fetch of the bank uses this preload.
    const preload = document.createElement('link');
    Object.assign(preload, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: document.getElementById('question-bank').href });
    document.head.append(preload);
    const download = fetch('${wasm}');
    download.catch(() => {}); // awaited below, where a failure is said
    try {
      bindings = await import('${js}');
      wasm = await download;
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

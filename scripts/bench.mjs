// The benchmark: measures the release dist and prints one table, with the
// budgets beside the figures. It times; it never fails a build (the size
// budget is enforced in `make test`, timings are only reported).
//
//   node scripts/bench.mjs [--runs 5] [--only peers|visits|feedback|history|lighthouse]
//
// - side by side with two peers built from the same 10 questions (a SurveyJS
//   quiz and a vanilla JS page, scripts/bench/peers/): a cold visit until the
//   first question is answerable, unthrottled and on Regular 3G with the CPU
//   slowed 4×, the bytes before it, and answer -> feedback painted;
// - sizes: raw, gzip and brotli of every file (scripts/size-report.mjs);
// - Lighthouse 12 (mobile preset) against Debian's Chromium: performance,
//   accessibility and best-practices scores, FCP, LCP and TBT;
// - cold first visit and offline repeat visit: time to the app's
//   `app-ready` performance mark, median of N runs;
// - answer -> feedback painted, p50 and p95 over 100 answers;
// - the extra start-up time of a 10,000-answer history, and its stored size.

import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serveStatic } from '../tests/e2e/support/static-server.mjs';
import { DIST, PHONE, launchBrowser } from '../tests/e2e/support/browser.mjs';
import { answer, next, openApp } from '../tests/e2e/support/quiz-player.mjs';
import { coldVisit, feedbackTimes as peerFeedbackTimes } from './bench/peers/measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 5;
const onlyArg = process.argv.indexOf('--only');
/** `--only peers|visits|feedback|history|lighthouse` measures just that (sizes always). */
const wanted = (part) => onlyArg < 0 || process.argv[onlyArg + 1] === part;
const PROGRESS_KEY = 'safeguarding-check:progress';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const ms = (x) => `${x.toFixed(1)} ms`;

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('No release build in dist/. Run `make bench` (it builds first).');
  process.exit(2);
}

const rows = [];
const began = Date.now();
/** What is being measured now, on stderr, so a long run is not silent. */
const progress = (what) => console.error(`[${((Date.now() - began) / 1000).toFixed(0)} s] ${what}`);
/** A line of the table; `met` is true or false where there is a budget. */
const row = (what, value, budget = '', met = null) => rows.push([what, value, budget, met]);

// ---- Sizes
const sizes = execFileSync('node', [join(here, 'size-report.mjs'), DIST], { encoding: 'utf8' });
const brotliOf = (label) => Number(sizes.split('\n').find((l) => l.startsWith(label)).trim().split(/\s+/).at(-1));
row('Before the first question: the page (brotli)', `${brotliOf('FIRST QUESTION')} KB`, '≤ 13 KB', brotliOf('FIRST QUESTION') <= 13);
row('The app, taking over: HTML, CSS, JS, wasm (brotli)', `${brotliOf('CRITICAL')} KB`, '', null);
row('Whole first visit: all of dist, for offline (brotli)', `${brotliOf('TOTAL')} KB`, '≤ 100 KB', brotliOf('TOTAL') <= 100);

// Brotli, as a real static host sends it.
/** Serves a folder with brotli, every file compressed once now so no visit pays for it. */
const serveWarm = async (dir) => {
  const served = await serveStatic(dir, { compress: true });
  for (const name of readdirSync(dir, { recursive: true })) {
    await fetch(new URL(name, served.url), { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer());
  }
  served.sent.clear();
  return served;
};
const server = await serveWarm(DIST);
const browser = await launchBrowser();
/** Side-by-side rows: [what, app, SurveyJS, vanilla, app ÷ SurveyJS]. */
const sideBySide = [];

// ---- Side by side with the peers (built by `make bench` into target/bench-peers).
const PEERS = join(here, '..', 'target', 'bench-peers');
if (wanted('peers') && !existsSync(join(PEERS, 'surveyjs', 'index.html'))) {
  row('Peers', 'not built (run `make bench`)', '');
} else if (wanted('peers')) {
  const surveyServer = await serveWarm(join(PEERS, 'surveyjs'));
  const vanillaServer = await serveWarm(join(PEERS, 'vanilla'));
  const targets = [
    {
      name: 'this app',
      url: server.url,
      takesOver: true,
      start: 'Start quick check',
      answerable: '.quiz-screen fieldset input, .quiz-screen fieldset select, .quiz-screen .order-button',
      trigger: '.quiz-screen button[type=submit]',
      feedback: '.feedback-region',
      play: async (page, n) => {
        await answer(page, { correctly: n % 3 !== 0 });
        await next(page, { last: n === 10 });
      },
      restart: (page) => page.getByRole('button', { name: 'Back to home' }).click(),
    },
    {
      name: 'SurveyJS',
      url: surveyServer.url,
      start: 'Start quiz',
      answerable: '.sd-question input[type=radio]',
      trigger: '.sd-item',
      feedback: '.feedback-region',
      play: async (page, n) => {
        await page.locator('.sd-item__control-label').nth(n % 3).click();
        await page.locator('.feedback-region').waitFor();
        await page.getByRole('button', { name: n === 10 ? 'Complete' : 'Next' }).click();
      },
      restart: (page) => page.reload(),
    },
    {
      name: 'vanilla JS',
      url: vanillaServer.url,
      start: 'Start quiz',
      answerable: 'form input[type=radio]',
      trigger: 'form button[type=submit]',
      feedback: '.feedback-region',
      play: async (page, n) => {
        await page.locator('label.option').nth(n % 3).click();
        await page.getByRole('button', { name: 'Check answer' }).click();
        await page.getByRole('button', { name: n === 10 ? 'See your score' : 'Next question' }).click();
      },
      restart: (page) => page.getByRole('button', { name: 'Back to home' }).click(),
    },
  ];
  // Interleaved rounds, so a slow patch of the machine falls on all three alike.
  const visits = targets.map(() => ({ fast: [], slow: [], fcp: [], kb: [], fastFeedback: [], slowFeedback: [], fastReady: [], slowReady: [], feedbackKb: [], readyKb: [] }));
  for (let round = 1; round <= RUNS; round++) {
    progress(`Cold visits, round ${round} of ${RUNS}`);
    for (const [i, target] of targets.entries()) {
      const fast = await coldVisit(browser, target, { throttled: false, viewport: PHONE });
      visits[i].fast.push(fast.answerable);
      visits[i].fastFeedback.push(fast.feedback);
      visits[i].fastReady.push(fast.appReady);
      const slow = await coldVisit(browser, target, { throttled: true, viewport: PHONE });
      visits[i].slow.push(slow.answerable);
      visits[i].slowFeedback.push(slow.feedback);
      visits[i].slowReady.push(slow.appReady);
      visits[i].fcp.push(slow.fcp);
      visits[i].kb.push(slow.kb.answerable);
      visits[i].feedbackKb.push(slow.kb.feedback);
      visits[i].readyKb.push(slow.kb.appReady);
    }
  }
  const feedback = [];
  for (const target of targets) {
    progress(`Answer → feedback, ${target.name}, CPU 4×`);
    feedback.push(await peerFeedbackTimes(browser, target, { quizzes: RUNS, viewport: PHONE }));
  }
  // A whole first visit of this app, until the service worker has its offline
  // copy: what the server sent, every file and every repeat of it.
  progress('Whole first visit of this app, offline copy included');
  {
    server.sent.clear();
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    await page.waitForTimeout(1000);
    await context.close();
    const total = [...server.sent.values()].flat().reduce((a, b) => a + b, 0);
    const repeated = [...server.sent.entries()].filter(([, bodies]) => bodies.length > 1);
    row('Whole first visit, offline copy included: bytes the server sent', `${(total / 1024).toFixed(1)} KB`, '');
    row('Files the server sent more than once on a first visit', repeated.length ? repeated.map(([p]) => p).join(' ') : 'none', 'none', repeated.length === 0);
  }
  await surveyServer.close();
  await vanillaServer.close();

  const msCell = (x) => `${Math.round(x)} ms`;
  const line = (what, values, format) =>
    sideBySide.push([what, ...values.map(format), `${(values[0] / values[1]).toFixed(2)}`]);
  line(`First question answerable, no throttling (median of ${RUNS})`, visits.map((v) => median(v.fast)), msCell);
  line(`First question answerable, Regular 3G + CPU 4× (median of ${RUNS})`, visits.map((v) => median(v.slow)), msCell);
  line('First paint, Regular 3G + CPU 4× (median)', visits.map((v) => median(v.fcp)), msCell);
  line('Bytes before the first question (median)', visits.map((v) => median(v.kb)), (kb) => `${kb.toFixed(0)} KB`);
  line('First answer → its feedback painted, cold, no throttling (median; answered as soon as taps are let through: this app ignores taps for 0.5 s after a question opens)', visits.map((v) => median(v.fastFeedback)), msCell);
  line('First answer → its feedback painted, cold, Regular 3G + CPU 4× (median)', visits.map((v) => median(v.slowFeedback)), msCell);
  line('Bytes before that feedback (median)', visits.map((v) => median(v.feedbackKb)), (kb) => `${kb.toFixed(0)} KB`);
  const cell = (x) => (Number.isNaN(x) ? '—' : `${Math.round(x)} ms`);
  sideBySide.push(['The app takes over (app-ready), no throttling (median)', cell(median(visits[0].fastReady)), '—', '—', '']);
  sideBySide.push(['The app takes over (app-ready), Regular 3G + CPU 4× (median)', cell(median(visits[0].slowReady)), '—', '—', '']);
  sideBySide.push(['Bytes before the takeover (median)', `${median(visits[0].readyKb).toFixed(0)} KB`, '—', '—', '']);
  line(`Answer → feedback painted, p50, CPU 4× (${feedback[0].length} answers each)`, feedback.map((t) => percentile(t, 50)), (x) => `${x.toFixed(0)} ms`);
  line('Answer → feedback painted, p95, CPU 4×', feedback.map((t) => percentile(t, 95)), (x) => `${x.toFixed(0)} ms`);
  const ratio = median(visits[0].slow) / median(visits[1].slow);
  row('Goal: first question on Regular 3G + CPU 4× in ≤ 0.2 × SurveyJS', ratio.toFixed(2), '≤ 0.2', ratio <= 0.2);
  const vanillaRatio = median(visits[0].slow) / median(visits[2].slow);
  row('Goal: first question on Regular 3G + CPU 4× in ≤ 2 × the vanilla page', vanillaRatio.toFixed(2), '≤ 2', vanillaRatio <= 2);
  row('Goal: answer → feedback painted, p95, CPU 4×', ms(percentile(feedback[0], 95)), '≤ 33 ms', percentile(feedback[0], 95) <= 33);
}

/** Time from navigation start to the app-ready mark, in the page. */
const appReady = (page) =>
  page.waitForFunction(() => performance.getEntriesByName('app-ready')[0]?.startTime ?? null).then((h) => h.jsonValue());

// ---- Cold first visit: a fresh profile each time.
if (wanted('visits')) {
  progress('Cold first visits');
  const cold = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(server.url);
    cold.push(await appReady(page));
    await context.close();
  }
  row(`Cold first visit → app ready (median of ${RUNS})`, ms(median(cold)), '');

  // ---- Offline repeat visit: installed once, server gone, reloaded.
  {
    progress('Offline repeat visits');
    const offlineServer = await serveStatic(DIST, { compress: true });
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(offlineServer.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await offlineServer.close();
    const repeat = [];
    for (let i = 0; i < RUNS; i++) {
      await page.reload();
      repeat.push(await appReady(page));
    }
    await context.close();
    row(`Offline repeat visit → app ready (median of ${RUNS})`, ms(median(repeat)), '≤ 300 ms', median(repeat) <= 300);
  }
}

// ---- Answer → feedback painted, over 100 answers: at full speed, and with
// the CPU slowed 4× as Lighthouse does for a mid-range phone.
const feedbackTimes = async (cpuSlowdown) => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await openApp(page, server.url);
  if (cpuSlowdown > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  // Time each Check press to the next frame after the feedback appears.
  await page.evaluate(() => {
    window.__feedbackTimes = [];
    document.addEventListener(
      'click',
      (event) => {
        if (event.target.closest('button')?.textContent !== 'Check answer') return;
        const start = performance.now();
        const region = document.querySelector('.feedback-region');
        const observer = new MutationObserver(() => {
          if (!region.textContent) return;
          observer.disconnect();
          requestAnimationFrame(() => window.__feedbackTimes.push(performance.now() - start));
        });
        observer.observe(region, { childList: true, subtree: true, characterData: true });
      },
      true,
    );
  });
  for (let quiz = 0; quiz < 10; quiz++) {
    await page.getByRole('button', { name: 'Start quick check' }).click();
    for (let n = 1; n <= 10; n++) {
      await answer(page, { correctly: n % 3 !== 0 });
      await next(page, { last: n === 10 });
    }
    await page.getByRole('button', { name: 'Back to home' }).click();
  }
  const times = await page.evaluate(() => window.__feedbackTimes);
  await context.close();
  return times;
};
for (const cpuSlowdown of wanted('feedback') ? [1, 4] : []) {
  progress(`100 answers, CPU ${cpuSlowdown}×`);
  const times = await feedbackTimes(cpuSlowdown);
  const cpu = cpuSlowdown > 1 ? `, CPU ${cpuSlowdown}× slower` : '';
  row(`Answer → feedback painted, p50 (${times.length} answers${cpu})`, ms(percentile(times, 50)), '');
  row(`Answer → feedback painted, p95 (${times.length} answers${cpu})`, ms(percentile(times, 95)), cpuSlowdown === 1 ? '≤ 16 ms' : '', cpuSlowdown === 1 ? percentile(times, 95) <= 16 : null);
}

// ---- A long history: 10,000 answers.
if (wanted('history')) {
  progress('Start-up with a 10,000-answer history');
  // Build the history in the app's own code: answer every question and flip
  // card over two years until there are 10,000 answers.
  const bank = JSON.parse(readFileSync(join(DIST, readFileSync(join(DIST, 'index.html'), 'utf8').match(/questions-[0-9a-f]+\.json/)[0]), 'utf8'));
  const ids = [
    ...bank.topics.flatMap((t) => t.questions.map((q) => q.id)),
    ...bank.cards.flatMap((c) => c.flips.map((_, i) => `flip-${c.id}-${i}`)),
  ];
  const day0 = Math.floor(Date.now() / 86_400_000) - 730;
  const items = {};
  let answers = 0;
  for (let n = 0; answers < 10_000; n++) {
    const id = ids[n % ids.length];
    const item = (items[id] ??= { s: 3000, d: 5000, last: day0, due: day0 + 1, n: 0, lapses: 0, right: 0, wrong: 0, log: [] });
    const day = day0 + Math.floor((n * 730) / 10_000);
    const right = n % 5 !== 0;
    item.n += 1;
    item[right ? 'right' : 'wrong'] += 1;
    item.last = day;
    item.due = day + (right ? 7 : 1);
    item.s = right ? Math.min(item.s * 2, 36_500_000) : 1000;
    item.log.push([day * 1440, right ? 1 : 0]);
    if (item.log.length > 10) item.log.shift();
    answers += 1;
  }
  for (const item of Object.values(items)) item.at = item.log.at(-1)[0] * 60_000;
  const dayList = [...new Set(Object.values(items).flatMap((i) => i.log.map(([m]) => Math.floor(m / 1440))))].sort((a, b) => a - b).slice(-400);
  const days = Object.fromEntries(dayList.map((d) => [d, d * 86_400_000]));
  // The store (schema 3) keeps 200 finished attempts, each with its ten answers.
  const questionIds = bank.topics.flatMap((t) => t.questions.map((q) => q.id));
  const attempts = Array.from({ length: 200 }, (_, i) => {
    const at = (day0 + i * 3) * 86_400_000;
    const answered = Array.from({ length: 10 }, (_, k) => ({ id: questionIds[(i * 10 + k) % questionIds.length], order: [0, 1, 2, 3], response: { choice: k % 4 } }));
    const value = {
      kind: { mode: 'quick', topic: null, link: null }, title: 'Quick check', started_at: at - 300_000, finished_at: at,
      score: { correct: 7, total: 10 }, items: answered, token: '0123abcd',
    };
    return { id: at.toString(16).padStart(16, '0'), at, value };
  });
  const history = JSON.stringify({
    schema_version: 3, cleared_at: 0, progress: { items, days, best: null },
    attempts, quizzes: [], records: [], drafts: [], debrief: [], sessions: [],
  });

  // Warm start-ups (the app already on the device, as on every visit but the
  // first), with the CPU slowed 4× as Lighthouse does for a mid-range phone:
  // load once, store the history (or not), then reload 2N+1 times. What is
  // timed is the app's own start-up, from the wasm starting to mount to the
  // first screen built (reading and using the history happen in between), so
  // network and reload noise stay out of the difference.
  const startup = async (stored) => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(server.url);
    await appReady(page);
    if (stored) await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PROGRESS_KEY, stored]);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const times = [];
    for (let i = 0; i < 2 * RUNS + 1; i++) {
      await page.reload();
      await appReady(page);
      times.push(await page.evaluate(() => performance.measure('start-up', 'mount-start', 'app-ready').duration));
    }
    if (stored) {
      // Check the app really read it (it shows the last score from it).
      await page.locator('.scores').getByText('7 out of 10', { exact: false }).first().waitFor({ timeout: 10_000 });
    }
    await context.close();
    return median(times);
  };
  const empty = await startup(null);
  const full = await startup(history);
  row(`Start-up (mount), no history, CPU 4× slower (median of ${2 * RUNS + 1})`, ms(empty), '');
  row(`Start-up (mount), 10,000 answers, CPU 4× slower (median of ${2 * RUNS + 1})`, ms(full), '');
  row('10,000 answers: extra start-up time', ms(full - empty), '≤ 30 ms', full - empty <= 30);
  row('10,000 answers: stored size', `${(history.length / 1024).toFixed(1)} KB`, '≤ 300 KB', history.length <= 300 * 1024);
}

await browser.close();

// ---- Lighthouse (mobile preset), against the same dist.
const lighthouse = join(here, 'bench', 'node_modules', '.bin', 'lighthouse');
if (!wanted('lighthouse')) {
  // Not asked for.
} else if (existsSync(lighthouse)) {
  // Lighthouse scores wobble from run to run: report the run with the median
  // performance score of three. Asynchronously, because the server it loads
  // from runs in this process.
  const reports = [];
  for (let i = 0; i < 3; i++) {
    progress(`Lighthouse run ${i + 1} of 3`);
    const { stdout } = await promisify(execFile)(
      lighthouse,
      [
        server.url,
        '--output=json',
        '--quiet',
        '--only-categories=performance,accessibility,best-practices',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --disable-background-networking --disable-component-update --disable-sync --no-first-run',
      ],
      { encoding: 'utf8', env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 },
    );
    reports.push(JSON.parse(stdout));
  }
  const report = reports.sort((a, b) => a.categories.performance.score - b.categories.performance.score)[1];
  mkdirSync(join(here, '..', 'bench-results'), { recursive: true });
  writeFileSync(join(here, '..', 'bench-results', 'lighthouse.json'), JSON.stringify(report));
  const score = (c) => Math.round(report.categories[c].score * 100);
  const audit = (a) => report.audits[a].displayValue.replace(/\u00a0/g, ' ');
  row('Lighthouse performance (mobile, median of 3)', score('performance'), '100', score('performance') === 100);
  row('Lighthouse accessibility', score('accessibility'), '100', score('accessibility') === 100);
  row('Lighthouse best practices', score('best-practices'), '');
  row('Lighthouse FCP', audit('first-contentful-paint'), '');
  row('Lighthouse LCP', audit('largest-contentful-paint'), '≤ 1.2 s', report.audits['largest-contentful-paint'].numericValue <= 1200);
  row('Lighthouse TBT', audit('total-blocking-time'), '');
} else {
  row('Lighthouse', 'not installed (run `make bench`)', '');
}
await server.close();

// ---- The table.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumVersion = execFileSync(chromium, ['--version'], { encoding: 'utf8' }).trim();
console.log(sizes);
console.log(`Machine: ${cpus().length} × ${cpus()[0].model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${chromiumVersion}\n`);
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`${'measure'.padEnd(width)}  ${'result'.padStart(10)}  ${'budget'.padEnd(9)}  met`);
console.log('-'.repeat(width + 30));
for (const [what, value, budget, met] of rows) {
  const verdict = met === null ? '' : met ? 'yes' : 'NO';
  console.log(`${what.padEnd(width)}  ${String(value).padStart(10)}  ${budget.padEnd(9)}  ${verdict}`);
}
if (sideBySide.length) {
  // As a Markdown table, ready for README.
  console.log('\nSide by side, one run, same machine, same 10 questions, brotli over loopback:\n');
  console.log('| | this app | SurveyJS | vanilla JS | this app ÷ SurveyJS |');
  console.log('|---|---:|---:|---:|---:|');
  for (const cells of sideBySide) console.log(`| ${cells.join(' | ')} |`);
}

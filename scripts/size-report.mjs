// Prints the raw, gzip and brotli size of every file in a folder (the release
// dist), and three totals:
// - first question: what the browser must fetch before home works and the
//   first question of a quick check can be answered: the page alone, which
//   carries them (scripts/static-pages.mjs);
// - critical: what the app must fetch before it takes over (the HTML, CSS,
//   JS loader, wasm and favicon; not the slides' styles, linked by the
//   slides alone);
// - whole dist: everything, which the service worker also fetches on a first
//   visit so the app works offline (adds the question bank, icons, manifest, sw.js).
// With --first-question-budget-kb N, --budget-kb N (critical) and
// --total-budget-kb N (whole dist), exits 1 when a brotli total is over its budget.
//
//   node scripts/size-report.mjs dist [--first-question-budget-kb 12] [--budget-kb 100] [--total-budget-kb 150]

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const option = (name) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : null);
const budgetKb = option('--budget-kb');
const totalBudgetKb = option('--total-budget-kb');
const firstQuestionBudgetKb = option('--first-question-budget-kb');
/** Needed before the first question is answerable: the page, which carries it. */
const isFirstQuestion = (file) => file === 'index.html';
/** Styles only a later screen links to (the slides': style/slides.css), fetched when it shows. */
const LATER_STYLES = new Set(['slides.css']);
/** Needed before the first screen works, as opposed to fetched alongside or after. */
const isCritical = (file) =>
  file === 'index.html' ||
  /\.wasm$/.test(file) ||
  (file.endsWith('.css') && !LATER_STYLES.has(file)) ||
  (file.endsWith('.js') && file !== 'sw.js') ||
  file.startsWith('favicon');

function filesUnder(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

let files;
try {
  files = filesUnder(dir).sort();
} catch (error) {
  console.error(`Cannot read ${dir}: ${error.message}. Build it first (trunk build --release).`);
  process.exit(2);
}

const rows = files.map((path) => {
  const bytes = readFileSync(path);
  return {
    file: relative(dir, path),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
});
const sum = (label, list) =>
  list.reduce((t, r) => ({ file: label, raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
const firstQuestion = sum('FIRST QUESTION (before the app)', rows.filter((r) => isFirstQuestion(r.file)));
const critical = sum('CRITICAL (the app, taking over)', rows.filter((r) => isCritical(r.file)));
const total = sum('TOTAL (whole dist)', rows);

const kb = (n) => (n / 1024).toFixed(1);
const width = Math.max(firstQuestion.file.length, critical.file.length, total.file.length, ...rows.map((r) => r.file.length));
const line = (r) =>
  `${r.file.padEnd(width)}  ${String(r.raw).padStart(8)} ${kb(r.raw).padStart(7)}  ` +
  `${String(r.gzip).padStart(8)} ${kb(r.gzip).padStart(7)}  ${String(r.brotli).padStart(8)} ${kb(r.brotli).padStart(7)}`;

console.log(`${'file'.padEnd(width)}  ${'raw B'.padStart(8)} ${'KB'.padStart(7)}  ${'gzip B'.padStart(8)} ${'KB'.padStart(7)}  ${'brotli B'.padStart(8)} ${'KB'.padStart(7)}`);
rows.forEach((r) => console.log(line(r)));
console.log('-'.repeat(width + 54));
console.log(line(firstQuestion));
console.log(line(critical));
console.log(line(total));

let over = false;
for (const [label, measured, limit] of [
  ['first question', firstQuestion.brotli, firstQuestionBudgetKb],
  ['critical', critical.brotli, budgetKb],
  ['whole dist', total.brotli, totalBudgetKb],
]) {
  if (limit === null) continue;
  const within = measured <= limit * 1024;
  over ||= !within;
  console.log(`${within ? 'Within' : 'OVER'} budget: ${label} ${kb(measured)} KB brotli ${within ? '<=' : '>'} ${limit} KB.`);
}
if (over) process.exit(1);

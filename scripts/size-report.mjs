// Prints the raw, gzip and brotli size of every file in a folder (the release
// dist), and the totals. With --budget-kb N, exits 1 if the brotli total is over N KB.
//
//   node scripts/size-report.mjs dist [--budget-kb 100]

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const budgetIndex = args.indexOf('--budget-kb');
const budgetKb = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : null;

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
const total = rows.reduce(
  (sum, r) => ({ file: 'TOTAL', raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);

const kb = (n) => (n / 1024).toFixed(1);
const width = Math.max(5, ...rows.map((r) => r.file.length));
const line = (r) =>
  `${r.file.padEnd(width)}  ${String(r.raw).padStart(8)} ${kb(r.raw).padStart(7)}  ` +
  `${String(r.gzip).padStart(8)} ${kb(r.gzip).padStart(7)}  ${String(r.brotli).padStart(8)} ${kb(r.brotli).padStart(7)}`;

console.log(`${'file'.padEnd(width)}  ${'raw B'.padStart(8)} ${'KB'.padStart(7)}  ${'gzip B'.padStart(8)} ${'KB'.padStart(7)}  ${'brotli B'.padStart(8)} ${'KB'.padStart(7)}`);
rows.forEach((r) => console.log(line(r)));
console.log('-'.repeat(width + 54));
console.log(line(total));

if (budgetKb !== null) {
  const budget = budgetKb * 1024;
  if (total.brotli > budget) {
    console.error(`\nOver budget: brotli total ${kb(total.brotli)} KB > ${budgetKb} KB.`);
    process.exit(1);
  }
  console.log(`\nWithin budget: brotli total ${kb(total.brotli)} KB <= ${budgetKb} KB.`);
}

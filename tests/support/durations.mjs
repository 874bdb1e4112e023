// A node:test reporter that says where the time went: each test file's wall
// time, and the slowest tests, printed once the run ends. make test runs it
// beside the spec reporter, so every run's output carries its own timings.
//
// It also writes them as JSON to $TEST_DURATIONS_JSON when that is set, so
// two runs can be compared.
//
// A file's time is the duration node:test gives the file's own process
// (its `test:complete` event, named by the file's path), hooks included. A
// test's time is its own duration as node:test measured it.
//
// Give it a file as its destination, and print the file after the run:
// written to stdout beside the spec reporter, its text can be cut short
// when the run ends.

import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const SLOWEST = Number(process.env.TEST_DURATIONS_SLOWEST ?? 15);

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`.padStart(8);
const shortPath = (file) => (file ? relative(process.cwd(), file) : '?');

export default async function* durations(source) {
  const files = new Map();
  const tests = [];
  // The suites each test is in, by file and depth, so a test is named with
  // them ("firefox › boots under the CSP").
  const suites = new Map();
  for await (const event of source) {
    const { name, nesting, file: path, details } = event.data ?? {};
    const file = shortPath(path);
    if (event.type === 'test:start') {
      const stack = suites.get(file) ?? [];
      stack.length = nesting;
      stack.push(name);
      suites.set(file, stack);
    } else if (event.type === 'test:complete' && nesting === 0 && path && name === path) {
      files.set(file, { ms: details?.duration_ms ?? 0, failed: details?.passed === false });
    } else if ((event.type === 'test:pass' || event.type === 'test:fail') && details?.type !== 'suite' && name !== path) {
      const within = (suites.get(file) ?? []).slice(0, nesting);
      tests.push({ file, name: [...within, name].join(' › '), ms: details?.duration_ms ?? 0, failed: event.type === 'test:fail' });
    }
  }
  const byFile = [...files.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const slowest = [...tests].sort((a, b) => b.ms - a.ms).slice(0, SLOWEST);
  let out = '\nTime per test file (its own process, hooks included):\n';
  for (const [file, { ms, failed }] of byFile) out += `${seconds(ms)}  ${file}${failed ? '  (failed)' : ''}\n`;
  out += `${seconds(byFile.reduce((sum, [, f]) => sum + f.ms, 0))}  in all (files overlap when run in parallel)\n`;
  out += `\nThe ${slowest.length} slowest tests:\n`;
  for (const t of slowest) out += `${seconds(t.ms)}  ${t.file}: ${t.name}${t.failed ? '  (failed)' : ''}\n`;
  if (process.env.TEST_DURATIONS_JSON) {
    writeFileSync(process.env.TEST_DURATIONS_JSON, JSON.stringify({ files: Object.fromEntries(byFile), tests }, null, 1));
  }
  yield out;
}

// Joins the question bank's files (assets/seed-sections.json, assets/facts.json,
// assets/questions/*.json, and the Learn cards and the slides' deck in assets/learn.json) into one minified bundle, questions-<hash>.json, in a
// built dist, and points index.html's preload link at it. The app loads the bank
// from there (src/platform/bank_loader.rs), so the questions are not in the
// wasm: the first screen paints and works without waiting for them.
// build.rs has already checked the content; this only joins it.

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ASSETS = fileURLToPath(new URL('../assets/', import.meta.url));
/** The placeholder in index.html that the hashed name replaces. */
const PLACEHOLDER = 'questions.json';

/** Topics in the order of the training: the statistics, the overview, each principle, S.11. */
function topicRank(id) {
  const fixed = ['national-picture', 'characteristics', 'principles-overview'];
  if (fixed.includes(id)) return fixed.indexOf(id);
  const principle = id.match(/^principle-(\d+)$/);
  if (principle) return 10 + Number(principle[1]);
  return id === 'section-11' ? 30 : 40;
}

export function writeBankBundle(dist) {
  const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
  const questionsDir = join(ASSETS, 'questions');
  const bundle = JSON.stringify({
    sections: readJson(join(ASSETS, 'seed-sections.json')),
    facts: readJson(join(ASSETS, 'facts.json')),
    topics: readdirSync(questionsDir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => readJson(join(questionsDir, name)))
      .sort((a, b) => topicRank(a.id) - topicRank(b.id) || a.id.localeCompare(b.id)),
    ...(({ cards, deck }) => ({ cards, deck }))(readJson(join(ASSETS, 'learn.json'))),
  });
  const name = `questions-${createHash('sha256').update(bundle).digest('hex').slice(0, 16)}.json`;
  writeFileSync(join(dist, name), bundle);

  const indexPath = join(dist, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  if (!html.includes(PLACEHOLDER)) throw new Error(`${indexPath} has no "${PLACEHOLDER}" link to point at the bank`);
  writeFileSync(indexPath, html.replace(PLACEHOLDER, name));
  return name;
}

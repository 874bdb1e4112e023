// Builds the two peers `make bench` measures beside the app, from the same
// 10 questions: a SurveyJS quiz (npm survey-core and survey-js-ui, the most
// used open-source form and quiz library) and a hand-written vanilla JS page,
// the floor for any quiz in a browser. Both are bundled and minified by
// esbuild, as a team shipping either would.
//
//   node scripts/bench/peers/build.mjs <app-dist> <out-dir>
//
// Writes <out-dir>/surveyjs/ and <out-dir>/vanilla/, each an index.html, quiz.js
// and quiz.css. The questions are the first single-answer question of each of
// the first 10 topics in the app's own bank (questions-<hash>.json in the dist),
// with their options, each option's feedback and the explanation.

import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The 10 questions every peer asks: `{ id, prompt, options: [{ text, correct, feedback }], explanation }`. */
export function peerQuestions(appDist) {
  const bankFile = readdirSync(appDist).find((name) => /^questions-[0-9a-f]+\.json$/.test(name));
  if (!bankFile) throw new Error(`${appDist} has no questions-<hash>.json: build the app first`);
  const bank = JSON.parse(readFileSync(join(appDist, bankFile), 'utf8'));
  const questions = bank.topics
    .map((topic) => topic.questions.find((q) => q.type === 'single'))
    .filter(Boolean)
    .slice(0, 10)
    .map(({ id, prompt, options, explanation }) => ({
      id,
      prompt,
      options: options.map(({ text, correct = false, feedback }) => ({ text, correct, feedback })),
      explanation,
    }));
  if (questions.length !== 10) throw new Error(`only ${questions.length} topics have a single-answer question`);
  return questions;
}

export async function buildPeers(appDist, out) {
  const questions = peerQuestions(appDist);
  const page = readFileSync(join(here, 'page.html'), 'utf8');
  for (const peer of ['surveyjs', 'vanilla']) {
    const dir = join(out, peer);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: { quiz: join(here, `${peer}.js`) },
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2020',
      outdir: dir,
      // The questions are compiled in, as each peer's own docs show.
      define: { QUESTIONS: JSON.stringify(questions) },
      nodePaths: [join(here, '..', 'node_modules')],
      logLevel: 'warning',
    });
    writeFileSync(join(dir, 'index.html'), page.replace('{{PEER}}', peer === 'surveyjs' ? 'SurveyJS' : 'vanilla JS'));
  }
  return questions.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [appDist, out] = process.argv.slice(2);
  if (!appDist || !out) {
    console.error('usage: node scripts/bench/peers/build.mjs <app-dist> <out-dir>');
    process.exit(2);
  }
  console.log(`peers: ${await buildPeers(appDist, out)} questions each, in ${out}`);
}

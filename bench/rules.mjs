// Per-rule cost on the bench corpus: node bench/rules.mjs (after `node esbuild.mjs --production`).
// Prints the time each rule adds over the engine with no rules, and the parse time for scale.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate-corpus.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const engine = require(path.join(ROOT, 'dist', 'engine.js'));
const { listFiles } = require('./files.cjs');
const corpus = path.join(ROOT, '.cache', 'bench-corpus');
if (!fs.existsSync(corpus)) generateCorpus(corpus, 500);
const index = new engine.ProjectIndex();
const inputs = listFiles(corpus).map((f) => ({
  f,
  t: fs.readFileSync(f, 'utf8'),
  route: engine.lintRouteInfo(index.routeFile(f)),
}));
const median = (xs) => Math.min(...xs); // the least-disturbed run
const time = (run) => {
  const xs = [];
  for (let i = 0; i < 21; i++) {
    const docs = inputs.map((x) => ({ doc: engine.parseDocument(x.f, x.t), route: x.route }));
    const t0 = performance.now();
    run(docs);
    xs.push(performance.now() - t0);
  }
  return median(xs);
};
const parse = median(
  Array.from({ length: 21 }, () => {
    const t0 = performance.now();
    for (const x of inputs) engine.parseSource(x.f, x.t);
    return performance.now() - t0;
  }),
);
const base = time((docs) => docs.forEach((d) => engine.lintDocument(d.doc, { rules: [], route: d.route })));
console.log(
  `parse with parents: ${parse.toFixed(1)} ms, engine without rules: ${base.toFixed(1)} ms (${inputs.length} files)`,
);
const rows = engine.RULES.map((r) => [
  r.id,
  time((docs) => docs.forEach((d) => engine.lintDocument(d.doc, { rules: [r], route: d.route }))) - base,
]);
for (const [id, ms] of rows.sort((a, b) => b[1] - a[1]))
  console.log(`${id.padEnd(32)} ${ms.toFixed(1).padStart(6)} ms`);
const all = time((docs) => docs.forEach((d) => engine.lintDocument(d.doc, { route: d.route })));
console.log(`all rules: ${all.toFixed(1)} ms = ${(all / parse).toFixed(2)}x the parse`);

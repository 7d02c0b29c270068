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

/** What each rule adds over the engine with no rules, on the same parses (least-disturbed of `runs`). */
export function ruleCosts({ engine, files, runs = 21 }) {
  const index = new engine.ProjectIndex();
  const inputs = files.map((f) => ({
    f,
    t: fs.readFileSync(f, 'utf8'),
    route: engine.lintRouteInfo(index.routeFile(f)),
  }));
  const best = (xs) => Math.min(...xs);
  const time = (run) => {
    const xs = [];
    for (let i = 0; i < runs; i++) {
      const docs = inputs.map((x) => ({ doc: engine.parseDocument(x.f, x.t), route: x.route }));
      const t0 = performance.now();
      run(docs);
      xs.push(performance.now() - t0);
    }
    return best(xs);
  };
  const parseMs = best(
    Array.from({ length: runs }, () => {
      const t0 = performance.now();
      for (const x of inputs) engine.parseSource(x.f, x.t);
      return performance.now() - t0;
    }),
  );
  const engineOnlyMs = time((docs) => docs.forEach((d) => engine.lintDocument(d.doc, { rules: [], route: d.route })));
  const rules = engine.RULES.map((r) => [
    r.id,
    time((docs) => docs.forEach((d) => engine.lintDocument(d.doc, { rules: [r], route: d.route }))) - engineOnlyMs,
  ]).sort((a, b) => b[1] - a[1]);
  const allMs = time((docs) => docs.forEach((d) => engine.lintDocument(d.doc, { route: d.route })));
  return { files: inputs.length, parseMs, engineOnlyMs, rules, allMs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const engine = require(path.join(ROOT, 'dist', 'engine.js'));
  const { listFiles } = require('./files.cjs');
  const corpus = path.join(ROOT, '.cache', 'bench-corpus');
  if (!fs.existsSync(corpus)) generateCorpus(corpus, 500);
  const c = ruleCosts({ engine, files: listFiles(corpus) });
  console.log(
    `parse with parents: ${c.parseMs.toFixed(1)} ms, engine without rules: ${c.engineOnlyMs.toFixed(1)} ms (${c.files} files)`,
  );
  for (const [id, ms] of c.rules) console.log(`${id.padEnd(32)} ${ms.toFixed(1).padStart(6)} ms`);
  console.log(`all rules: ${c.allMs.toFixed(1)} ms = ${(c.allMs / c.parseMs).toFixed(2)}x the parse`);
}

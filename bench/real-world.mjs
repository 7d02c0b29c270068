// Lint figures on real apps: node bench/real-world.mjs [--json out.json] [--rule id] [--judge bench/judgements.json [--write docs/precision.json]] <folder>…
// (after `node esbuild.mjs`). For each folder: route files, findings per rule and severity,
// warnings+errors per 100 route files, and the lint time. With --json, every finding (file,
// line, rule, severity, message) is written to a file for judging by hand. With --judge, the
// findings are matched to the verdicts (repo = the folder's name, path, line, rule) and the
// precision per rule is printed: right / judged, over warning- and error-severity findings;
// --write saves those figures for the README's rules table (scripts/readme.ts).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const engineArg = process.argv.indexOf('--engine');
// `--engine <path>`: measure another build (e.g. an older commit's dist/engine.js) for before/after figures.
const engine = require(
  engineArg >= 0 ? path.resolve(process.argv.splice(engineArg, 2)[1]) : path.join(ROOT, 'dist', 'engine.js'),
);
const { listFiles } = require('./files.cjs');

function parseArgs(argv) {
  const opts = { folders: [], json: undefined, rule: undefined, judge: undefined, write: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') opts.json = argv[++i];
    else if (argv[i] === '--judge') opts.judge = argv[++i];
    else if (argv[i] === '--write') opts.write = argv[++i];
    else if (argv[i] === '--rule') opts.rule = argv[++i];
    else opts.folders.push(argv[i]);
  }
  return opts;
}

/** Lints every route file below `folder` as the CLI does; returns its findings and the time taken. */
function lintFolder(folder, index) {
  const files = listFiles(folder)
    .map((f) => index.routeFile(f))
    .filter(Boolean);
  const t0 = performance.now();
  const findings = [];
  for (const info of files) {
    const r = engine.lintRouteFile(info, index);
    for (const f of r.findings) findings.push({ file: path.relative(folder, r.file), finding: f });
  }
  return { files: files.length, findings, ms: performance.now() - t0 };
}

function perRule(findings) {
  const rows = new Map();
  for (const { finding: f } of findings) {
    const row = rows.get(f.ruleId) ?? { error: 0, warning: 0, info: 0 };
    row[f.severity]++;
    rows.set(f.ruleId, row);
  }
  return rows;
}

function printFolder(name, result) {
  const shown = result.findings.filter((x) => x.finding.severity !== 'info');
  const per100 = result.files ? (100 * shown.length) / result.files : 0;
  console.log(`\n${name}: ${result.files} route files, ${result.ms.toFixed(0)} ms`);
  console.log(`  warnings+errors: ${shown.length} (${per100.toFixed(1)} per 100 route files)`);
  const rows = [...perRule(result.findings)].sort((a, b) => b[1].error + b[1].warning - (a[1].error + a[1].warning));
  for (const [id, r] of rows)
    console.log(
      `  ${id.padEnd(32)} error ${String(r.error).padStart(3)}  warning ${String(r.warning).padStart(3)}  info ${String(r.info).padStart(3)}`,
    );
}

const opts = parseArgs(process.argv.slice(2));
if (!opts.folders.length) {
  console.error(
    'usage: node bench/real-world.mjs [--engine dist/engine.js] [--json out.json] [--rule id] [--judge file [--write file]] <folder>…',
  );
  process.exit(2);
}
const index = new engine.ProjectIndex();
const all = [];
let totalFiles = 0;
let totalMs = 0;
for (const folder of opts.folders) {
  const result = lintFolder(path.resolve(folder), index);
  if (opts.rule) result.findings = result.findings.filter((x) => x.finding.ruleId === opts.rule);
  printFolder(folder, result);
  totalFiles += result.files;
  totalMs += result.ms;
  for (const x of result.findings) all.push({ folder, ...x });
}
if (opts.folders.length > 1) printFolder('all', { files: totalFiles, findings: all, ms: totalMs });
if (opts.json) {
  const rows = all.map(({ folder, file, finding: f }) => ({
    folder,
    file,
    line: f.range.start.line + 1,
    rule: f.ruleId,
    severity: f.severity,
    message: f.message,
  }));
  fs.writeFileSync(opts.json, JSON.stringify(rows, null, 2) + '\n');
}

/** Precision per rule over warning/error findings: right / (right + wrong + debatable). */
function judge(findings, file) {
  const verdicts = new Map(
    JSON.parse(fs.readFileSync(file, 'utf8')).map((j) => [`${j.repo}|${j.path}|${j.line}|${j.rule}`, j.verdict]),
  );
  const rules = {};
  for (const { folder, file: f, finding } of findings) {
    const row = (rules[finding.ruleId] ??= { shown: 0, info: 0, right: 0, wrong: 0, debatable: 0, unjudged: 0 });
    if (finding.severity === 'info') {
      row.info++;
      continue;
    }
    row.shown++;
    const verdict = verdicts.get(`${path.basename(folder)}|${f}|${finding.range.start.line + 1}|${finding.ruleId}`);
    if (verdict) row[verdict]++;
    else {
      row.unjudged++;
      console.log(`  unjudged: ${path.basename(folder)} ${f}:${finding.range.start.line + 1} ${finding.ruleId}`);
    }
  }
  console.log('\nprecision at warning/error (right / judged):');
  for (const [id, r] of Object.entries(rules).sort()) {
    const judged = r.right + r.wrong + r.debatable;
    r.precision = judged ? Number((r.right / judged).toFixed(2)) : null;
    console.log(
      `  ${id.padEnd(32)} shown ${String(r.shown).padStart(3)}  right ${r.right}  wrong ${r.wrong}  debatable ${r.debatable}  unjudged ${r.unjudged}  precision ${r.precision ?? '–'}  (info ${r.info})`,
    );
  }
  return rules;
}

if (opts.judge) {
  const rules = judge(all, opts.judge);
  if (opts.write) {
    const figures = {
      apps: opts.folders.map((f) => path.basename(f)),
      routeFiles: totalFiles,
      shownPer100: Number(((100 * all.filter((x) => x.finding.severity !== 'info').length) / totalFiles).toFixed(1)),
      rules,
    };
    fs.writeFileSync(opts.write, JSON.stringify(figures, null, 2) + '\n');
  }
}

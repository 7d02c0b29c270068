// Lint figures on real apps: node bench/real-world.mjs [--json out.json] [--rule id] <folder>… (after `node esbuild.mjs`).
// For each folder: route files, findings per rule and severity, warnings+errors per 100 route
// files, and the lint time. With --json, every finding (file, line, rule, severity, message)
// is written to a file for judging by hand (docs/precision.md keeps the verdicts).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const engine = require(path.join(ROOT, 'dist', 'engine.js'));
const { listFiles } = require('./files.cjs');

function parseArgs(argv) {
  const opts = { folders: [], json: undefined, rule: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') opts.json = argv[++i];
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
  console.error('usage: node bench/real-world.mjs [--json out.json] [--rule id] <folder>…');
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
    fix: f.fix ? 'safe' : f.suggestions?.length ? 'suggestion' : '',
  }));
  fs.writeFileSync(opts.json, JSON.stringify(rows, null, 2) + '\n');
}

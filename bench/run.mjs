// npm run bench [-- --json] [-- --quick] [-- --only=lint,cli,scale,rules,...]
// Measures activation, lint speed (cold, warm, vs bare parse, edit-relint), the CLI vs ESLint
// (`next lint`'s engine), the ESLint plugin's cost (ESLint with and without our config), the
// request runner's overhead, and memory. Medians of repeated runs;
// ratios are measured side by side in one process. Needs `node esbuild.mjs --production` first
// (the npm script does it).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate-corpus.mjs';
import { generateMonorepo } from './generate-monorepo.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const quick = args.includes('--quick');
// --only=<sections>: run some sections (activation, lint, edit, cli, runner, memory, rules, scale).
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const section = (name) => !only || only.includes(name);
const { listFiles } = require('./files.cjs');

const log = (...a) => (asJson ? process.stderr.write(a.join(' ') + '\n') : console.log(...a));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function child(argv, nodeArgs = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, path.join(ROOT, 'bench', 'child.cjs'), ...argv], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  if (r.status !== 0) throw new Error(`bench child ${argv.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const ESLINT_BIN = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

/** ESLint's command line (after `node`): the bench's flat config in `bench/<config>`, JSON output, on `targets`. */
function eslintArgs(targets, config = 'eslint.config.mjs') {
  return [
    ESLINT_BIN,
    '--no-config-lookup',
    '-c',
    path.join(ROOT, 'bench', config),
    '--format',
    'json',
    '--no-warn-ignored',
    ...targets,
  ];
}

function timeProcess(cmd, cmdArgs, okCodes = [0, 1]) {
  const t0 = performance.now();
  const r = spawnSync(cmd, cmdArgs, { encoding: 'utf8', cwd: ROOT, maxBuffer: 256 * 2 ** 20 });
  const ms = performance.now() - t0;
  if (!okCodes.includes(r.status))
    throw new Error(`${cmd} ${cmdArgs.join(' ')} exited ${r.status}:\n${r.stderr.slice(0, 2000)}`);
  return { ms, stdout: r.stdout };
}

const results = {};
const started = performance.now();

// --- corpus
const corpus = generateCorpus(path.join(ROOT, '.cache', 'bench-corpus'), 500);
const fixtureFiles = listFiles(path.join(ROOT, 'test', 'fixtures', 'workspace'));
const snippetDir = path.join(ROOT, '.cache', 'bench-snippets');
const snippetFiles = fs.existsSync(snippetDir) ? listFiles(snippetDir) : [];
const allFiles = [...fixtureFiles, ...snippetFiles, ...corpus.files];
log(
  `Corpus: ${corpus.files.length} generated + ${fixtureFiles.length} fixture + ${snippetFiles.length} snippet outputs = ${allFiles.length} route files`,
);

// --- activation (fresh process each time)
if (section('activation')) {
  const runs = Array.from({ length: quick ? 3 : 7 }, () => child(['activation']));
  results.activation_ms = round(median(runs.map((r) => r.ms)));
  results.activation_loads_parser = runs.some((r) => r.engineLoaded);
  results.extension_bundle_kb = round(runs[0].bytes / 1024, 1);
  if (runs[0].typescriptInBundle) throw new Error('dist/extension.js contains the TypeScript parser');
}

// --- first lint, cold: loading the engine (parser) on demand + one file
if (section('activation')) {
  const file = path.join(ROOT, 'test', 'fixtures', 'workspace', 'app', 'api', 'users', '[id]', 'route.ts');
  const runs = Array.from({ length: quick ? 3 : 7 }, () => child(['first-lint', file]));
  results.first_lint_ms = round(median(runs.map((r) => r.ms)));
}

// --- warm lint vs bare parse, side by side in this process
const engine = require(path.join(DIST, 'engine.js'));
if (section('lint')) {
  const index = new engine.ProjectIndex();
  const inputs = allFiles.map((file) => {
    const info = index.routeFile(file);
    if (!info) throw new Error(`not a route file: ${file}`);
    return {
      file,
      text: fs.readFileSync(file, 'utf8'),
      options: { route: engine.lintRouteInfo(info), project: engine.lintProjectInfo(index.layoutFor(file)) },
    };
  });
  const parseOnly = () => {
    const t0 = performance.now();
    for (const f of inputs) engine.bareParse(f.file, f.text);
    return performance.now() - t0;
  };
  const parentParse = () => {
    const t0 = performance.now();
    for (const f of inputs) engine.parseSource(f.file, f.text);
    return performance.now() - t0;
  };
  const lintAll = () => {
    const t0 = performance.now();
    for (const f of inputs) engine.lintDocument(engine.parseDocument(f.file, f.text), f.options);
    return performance.now() - t0;
  };
  for (let i = 0; i < 3; i++) {
    parseOnly();
    lintAll();
  }
  // Side by side: each round times the three loops back to back (in rotating order, so no loop
  // always runs first), and the ratios are medians of the per-round ratios.
  const parseTimes = [];
  const parentTimes = [];
  const lintTimes = [];
  const ratios = [];
  const parentRatios = [];
  const loops = [parseOnly, parentParse, lintAll];
  for (let i = 0; i < (quick ? 9 : 31); i++) {
    const t = [0, 0, 0];
    for (let k = 0; k < 3; k++) {
      const j = (i + k) % 3;
      t[j] = loops[j]();
    }
    parseTimes.push(t[0]);
    parentTimes.push(t[1]);
    lintTimes.push(t[2]);
    ratios.push(t[2] / t[0]);
    parentRatios.push(t[2] / t[1]);
  }
  results.lint_files = inputs.length;
  results.lint_ms_per_file = round(median(lintTimes) / inputs.length, 3);
  results.parse_ms_per_file = round(median(parseTimes) / inputs.length, 3);
  results.lint_over_parse = round(median(ratios), 3);
  // The same, against the parse the linter itself needs (createSourceFile with parent pointers).
  results.lint_over_parent_parse = round(median(parentRatios), 3);
}

// --- edit + re-lint in a 2,000-line file through the shared cache (debounce excluded)
if (section('edit')) {
  const text = fs.readFileSync(corpus.bigFile, 'utf8');
  const index = new engine.ProjectIndex();
  const info = index.routeFile(corpus.bigFile);
  const options = {
    route: engine.lintRouteInfo(info),
    project: engine.lintProjectInfo(index.layoutFor(corpus.bigFile)),
  };
  const cache = new engine.AstCache(8);
  const at = text.indexOf('normalize0') + 3;
  const times = [];
  for (let v = 1; v <= (quick ? 20 : 60); v++) {
    const edited = text.slice(0, at) + (v % 2 ? 'x' : 'y') + text.slice(at + 1);
    const t0 = performance.now();
    const doc = cache.get({ uri: 'big', version: v, fileName: corpus.bigFile, getText: () => edited });
    engine.lintDocument(doc, options);
    times.push(performance.now() - t0);
  }
  results.edit_relint_ms = round(median(times.slice(5)));
  results.edit_relint_lines = text.split('\n').length;
}

// --- the CLI as a whole process over the corpus, and ESLint (`next lint`'s engine) on the same files
if (section('cli')) {
  const cli = path.join(DIST, 'cli.js');
  const corpusDir = corpus.outDir;
  const cliRuns = Array.from({ length: quick ? 2 : 5 }, () =>
    timeProcess(process.execPath, [cli, 'lint', corpusDir, '--format', 'json']),
  );
  results.cli_lint_500_files_ms = round(median(cliRuns.map((r) => r.ms)));
  results.cli_findings = JSON.parse(cliRuns[0].stdout).length;
  const corpusArgs = eslintArgs(corpus.files.map((f) => path.relative(ROOT, f)));
  const eslintRuns = Array.from({ length: quick ? 2 : 3 }, () => timeProcess(process.execPath, corpusArgs));
  const eslintReport = JSON.parse(eslintRuns[0].stdout);
  const fatal = eslintReport.flatMap((r) => r.messages.filter((m) => m.fatal));
  if (fatal.length) throw new Error(`ESLint could not parse ${fatal.length} file(s): ${fatal[0].message}`);
  results.eslint_lint_500_files_ms = round(median(eslintRuns.map((r) => r.ms)));
  results.eslint_files = eslintReport.length;
  results.vs_eslint_speedup = round(results.eslint_lint_500_files_ms / results.cli_lint_500_files_ms);
  // ESLint's own worker threads (ESLint ≥ 9.34), where the installed ESLint has the flag.
  const eslintHelp = timeProcess(process.execPath, [ESLINT_BIN, '--help']).stdout;
  if (eslintHelp.includes('--concurrency')) {
    const autoRuns = Array.from({ length: quick ? 2 : 3 }, () =>
      timeProcess(process.execPath, [...corpusArgs, '--concurrency', 'auto']),
    );
    results.eslint_auto_lint_500_files_ms = round(median(autoRuns.map((r) => r.ms)));
    results.vs_eslint_auto_speedup = round(results.eslint_auto_lint_500_files_ms / results.cli_lint_500_files_ms);
  }
  // Our worker threads on the same 500 files (the break-even check for `--concurrency auto`).
  const threadRuns = Array.from({ length: quick ? 2 : 5 }, () =>
    timeProcess(process.execPath, [cli, 'lint', corpusDir, '--format', 'json', '--concurrency', '2']),
  );
  const serialRuns = Array.from({ length: quick ? 2 : 5 }, () =>
    timeProcess(process.execPath, [cli, 'lint', corpusDir, '--format', 'json', '--concurrency', 'off']),
  );
  results.cli_lint_500_files_2_threads_ms = round(median(threadRuns.map((r) => r.ms)));
  results.cli_lint_500_files_1_thread_ms = round(median(serialRuns.map((r) => r.ms)));
}

// --- request inference for one lens, following the app's own imports (target: under 50 ms warm)
{
  const { benchInference } = await import('./infer.mjs');
  Object.assign(results, benchInference({ engine, files: corpus.files, median, round }));
}

// --- the ESLint plugin's cost: ESLint on the same corpus with and without our recommended config,
// runs alternating so both see the same machine load
{
  const argsWith = (config) =>
    eslintArgs(
      corpus.files.map((f) => path.relative(ROOT, f)),
      config,
    );
  const without = [];
  const withPlugin = [];
  let report;
  for (let i = 0; i < (quick ? 2 : 3); i++) {
    without.push(timeProcess(process.execPath, argsWith('eslint.config.mjs')).ms);
    const run = timeProcess(process.execPath, argsWith('eslint-plugin.config.mjs'));
    withPlugin.push(run.ms);
    report ??= JSON.parse(run.stdout);
  }
  const ours = report.flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('next-route-kit/')));
  results.eslint_without_plugin_500_files_ms = round(median(without));
  results.eslint_with_plugin_500_files_ms = round(median(withPlugin));
  results.eslint_plugin_cost_ms_per_file = round((median(withPlugin) - median(without)) / corpus.files.length, 3);
  results.eslint_plugin_cost_ratio = round(median(withPlugin) / median(without), 3);
  results.eslint_plugin_findings = ours.length;
}

// --- the OpenAPI document of the corpus: the CLI as a whole process, and the build alone in this process
{
  const cli = path.join(DIST, 'cli.js');
  const runs = Array.from({ length: quick ? 2 : 5 }, () =>
    timeProcess(process.execPath, [cli, 'openapi', corpus.outDir]),
  );
  const document = JSON.parse(runs[0].stdout);
  results.cli_openapi_500_files_ms = round(median(runs.map((r) => r.ms)));
  results.openapi_operations = Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  const builds = Array.from({ length: quick ? 3 : 7 }, () => {
    const t0 = performance.now();
    engine.buildOpenApi(corpus.outDir);
    return performance.now() - t0;
  });
  results.openapi_build_500_files_ms = round(median(builds));
}

// --- the request runner's own cost over a bare undici.request to the same loopback server
if (section('runner') && typeof engine.sendRequest !== 'function') {
  log(
    'Skipping the request runner: dist/engine.js no longer exports sendRequest (the send flow moved to request/run.ts).',
  );
} else if (section('runner') && fs.existsSync(path.join(ROOT, 'bench', 'runner.mjs'))) {
  const { benchRunner } = await import('./runner.mjs');
  Object.assign(results, await benchRunner({ engine, quick, median, round }));
}

// --- memory: the editor cache holding every corpus file, then after closing them all
if (section('memory')) {
  const m = child(['memory', corpus.outDir], ['--expose-gc']);
  results.memory_mb_open = round(m.openMb, 1);
  results.memory_mb_closed = round(m.closedMb, 1);
  results.memory_files = m.files;
}

// --- per-rule cost: what each rule adds over the engine without rules (bench/rules.mjs)
if (section('rules')) {
  const { ruleCosts } = await import('./rules.mjs');
  const costs = ruleCosts({ engine, files: corpus.files, runs: quick ? 5 : 11 });
  results.rules_engine_only_ms = round(costs.engineOnlyMs, 1);
  for (const [id, ms] of costs.rules) results[`rule_ms_${id}`] = round(ms, 1);
}

// --- monorepo scale: 10,000 route files in 10 apps (bench/generate-monorepo.mjs)
if (section('scale')) {
  const { benchScale } = await import('./scale.mjs');
  Object.assign(
    results,
    await benchScale({ generateMonorepo, child, timeProcess, eslintArgs, median, round, quick, log }),
  );
}

results.bench_seconds = round((performance.now() - started) / 1000, 1);

if (asJson) {
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
} else {
  const targets = {
    lint_over_parse: '≤ 2.5',
    vs_eslint_speedup: '≥ 4',
    index_10k_ms: '≤ 2000',
    memory_10k_mb: '≤ 200',
    edit_relint_ms: '≤ 10',
    runner_overhead_ratio: '≤ 1.5',
    cli_openapi_500_files_ms: '< 2000',
    activation_loads_parser: 'false',
    infer_lens_warm_max_ms: '< 50',
  };
  const rows = Object.entries(results).map(([k, v]) => [k, String(v), targets[k] ?? '']);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log('\n' + ['metric'.padEnd(w0), 'value'.padEnd(w1), 'target'].join('  '));
  for (const r of rows) console.log([r[0].padEnd(w0), r[1].padEnd(w1), r[2]].join('  '));
}

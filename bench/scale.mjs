// Monorepo scale (used by bench/run.mjs): 10,000 route files in 10 Next.js apps.
//  - the editor: dist/extension.js activated on the monorepo through bench/vscode-stub.cjs's
//    workspace (the route index, the status bar count, project checks, Lint All, heap);
//  - the CLI: `lint` (worker threads on and off) and `routes --json`, as whole processes;
//  - ESLint + typescript-eslint + the Next plugin on the same apps.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function benchScale({ generateMonorepo, child, timeProcess, eslintArgs, median, round, quick, log }) {
  const mono = generateMonorepo();
  log(`Monorepo: ${mono.files.length} route files in ${mono.appDirs.length} apps`);
  const out = {};
  const editor = Array.from({ length: quick ? 1 : 3 }, () => child(['index', mono.outDir], ['--expose-gc']));
  const pick = (key) => median(editor.map((r) => r[key]));
  out.index_10k_files = Number(/\d+/.exec(editor[0].status)?.[0]);
  out.index_10k_ms = round(pick('indexMs'));
  out.index_10k_cpu_ms = round(pick('indexCpuMs'));
  out.memory_10k_mb = round(pick('indexedMb'), 1);
  // Methods are parsed after the count, in the background: when every route has them ("Show Routes" waits for that).
  out.index_10k_methods_ms = round(pick('methodsMs'));
  out.index_10k_methods_cpu_ms = round(pick('methodsCpuMs'));
  out.memory_10k_methods_mb = round(pick('methodsMb'), 1);
  out.index_10k_routes_with_methods = editor[0].routesWithMethods;
  out.index_10k_find_files = editor[0].findFiles;
  out.project_checks_10k_ms = round(pick('projectChecksMs'));
  out.project_checks_10k_walk_ms = round(pick('projectChecksWalkMs'));
  out.lint_all_10k_ms = round(pick('lintAllMs'));
  out.lint_all_10k_progress_reports = editor[0].lintAllReports;
  out.lint_all_cancelled_message = editor[0].cancelled.message;
  out.memory_10k_after_lint_all_mb = round(pick('lintedMb'), 1);
  out.memory_10k_closed_mb = round(pick('closedMb'), 1);

  const cli = path.join(ROOT, 'dist', 'cli.js');
  const lint = (concurrency) =>
    timeProcess(process.execPath, [cli, 'lint', mono.outDir, '--format', 'json', '--concurrency', concurrency]);
  const auto = lint('auto');
  const off = lint('off');
  if (auto.stdout !== off.stdout) throw new Error('lint output differs between --concurrency auto and off');
  out.cli_lint_10k_ms = round(auto.ms);
  out.cli_lint_10k_1_thread_ms = round(off.ms);
  out.cli_lint_10k_findings = JSON.parse(auto.stdout).length;
  out.cli_routes_10k_ms = round(timeProcess(process.execPath, [cli, 'routes', mono.outDir, '--json']).ms);

  const eslint = timeProcess(
    process.execPath,
    eslintArgs(mono.appDirs.map((d) => path.join(d, '**', 'route.{ts,js}'))),
  );
  out.eslint_lint_10k_files = JSON.parse(eslint.stdout).length;
  out.eslint_lint_10k_ms = round(eslint.ms);
  out.cli_lint_10k_vs_eslint = round(eslint.ms / auto.ms);
  return out;
}

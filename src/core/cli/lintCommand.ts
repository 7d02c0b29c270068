import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { displayPath, findRouteFileCandidates, type WalkError } from '../files';
import { lintRouteFile } from '../lint/files';
import { checkProjectStructure, PROJECT_CHECKS } from '../lint/project';
import type { AnyRule } from '../lint/rule';
import { ProjectIndex, type RouteFile } from '../nextjs/project';
import { RULES } from '../rules';
import type { Finding, SeveritySetting } from '../types';
import { applyFixes } from './fix';
import { formatSarif, formatStylish, toJson, type FileFindings } from './formats';
import { EXIT, UsageError, type CliIo } from './io';
import { plainFinding } from './lintJob';
import { lintInParallel, PARALLEL_MIN_FILES, parseConcurrency, threadCount, type Concurrency } from './parallelLint';

export const LINT_USAGE = `Usage: next-route-kit lint [paths…] [options]

Lints App Router route files (app/**/route.ts) below each path (default: the current folder).

Options:
  --format <stylish|json|sarif>   output format (default: stylish)
  --max-warnings <n>              exit 1 when there are more than n warnings
  --rule <id>=<severity>          override a rule's severity: off, info, warning, error (repeatable)
  --fix                           apply every safe fix to the files, then report what remains
  --fix-dry-run                   print the safe fixes as a unified diff instead (stylish format only)
  --concurrency <n|auto|off>      lint on n threads; auto: one per core from ${PARALLEL_MIN_FILES} files on (default: auto)
  -h, --help

Exit codes: 0 no error-severity finding; 1 an error finding, or too many warnings; 2 bad usage.`;

const FORMATS = ['stylish', 'json', 'sarif'] as const;
const SEVERITY_VALUES = ['off', 'info', 'warning', 'error'] as const;

declare const __VERSION__: string | undefined;

interface LintCliOptions {
  readonly format: (typeof FORMATS)[number];
  readonly maxWarnings?: number;
  readonly severities: Record<string, SeveritySetting>;
  readonly targets: readonly string[];
  /** Apply safe fixes (`write`) or print them as a diff (`dry-run`). */
  readonly fix?: 'write' | 'dry-run';
  readonly concurrency: Concurrency;
}

export async function lintCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseLintArgs(args);
  if (!options) {
    io.out(LINT_USAGE + '\n');
    return EXIT.ok;
  }
  const index = new ProjectIndex();
  const routeFiles = collectRouteFiles(options.targets, index, io);
  const projectFindings = projectStructureFindings(routeFiles, index, options.severities);
  let results = await lintFiles(routeFiles, index, projectFindings, options, io);
  if (options.fix)
    results = applyFixes(
      results,
      { dryRun: options.fix === 'dry-run', index, severities: options.severities, routeFiles },
      io,
    );
  printResults(results, options, io);
  return exitCode(results, options.maxWarnings, io);
}

/** Lints the files in path order, on worker threads when there are enough of them to pay off. */
async function lintFiles(
  routeFiles: ReadonlyMap<string, RouteFile>,
  index: ProjectIndex,
  projectFindings: ReadonlyMap<string, readonly Finding[]>,
  options: LintCliOptions,
  io: CliIo,
): Promise<FileFindings[]> {
  const sorted = [...routeFiles.values()].sort((a, b) => (a.file < b.file ? -1 : 1));
  const threads = threadCount(options.concurrency, sorted.length);
  const fileFindings =
    threads > 1
      ? await lintInParallel(sorted, index, { severities: options.severities }, threads)
      : sorted.map((info) => lintRouteFile(info, index, options.severities).findings.map(plainFinding));
  return sorted.map((info, i) => ({
    path: displayPath(info.file, io.cwd),
    findings: [...(projectFindings.get(info.file) ?? []), ...fileFindings[i]!],
  }));
}

/** The command's options; undefined for `--help`. Throws a UsageError for bad values. */
function parseLintArgs(args: string[]): LintCliOptions | undefined {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', default: 'stylish' },
      'max-warnings': { type: 'string' },
      rule: { type: 'string', multiple: true },
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
      concurrency: { type: 'string', default: 'auto' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return undefined;
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
  if (values['fix-dry-run'] && (values.fix || format !== 'stylish'))
    throw new UsageError('--fix-dry-run prints a diff: use it alone and with the stylish format');
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0)
      throw new UsageError(`--max-warnings must be a whole number ≥ 0, got "${values['max-warnings']}"`);
  }
  const severities = parseRuleSeverities(values.rule ?? []);
  const targets = positionals.length ? positionals : ['.'];
  const fix = values['fix-dry-run'] ? 'dry-run' : values.fix ? 'write' : undefined;
  const concurrency = parseConcurrency(values.concurrency);
  if (concurrency === undefined)
    throw new UsageError(`--concurrency must be a whole number ≥ 1, auto or off, got "${values.concurrency}"`);
  return {
    format,
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    severities,
    targets,
    ...(fix ? { fix } : {}),
    concurrency,
  };
}

/** `--rule <id>=<severity>` values, checked against the known rules and project checks. */
function parseRuleSeverities(specs: readonly string[]): Record<string, SeveritySetting> {
  const knownIds = new Set([...(RULES as readonly AnyRule[]).map((r) => r.id), ...Object.keys(PROJECT_CHECKS)]);
  const severities: Record<string, SeveritySetting> = {};
  for (const spec of specs) {
    const m = /^([a-z0-9-]+)=(\w+)$/.exec(spec);
    if (!m || !(SEVERITY_VALUES as readonly string[]).includes(m[2]!))
      throw new UsageError(`--rule expects <id>=<${SEVERITY_VALUES.join('|')}>, got "${spec}"`);
    if (!knownIds.has(m[1]!)) throw new UsageError(`unknown rule "${m[1]}". Rules: ${[...knownIds].join(', ')}`);
    severities[m[1]!] = m[2] as SeveritySetting;
  }
  return severities;
}

/** The route files below each target (a file target that is not one is said and skipped). */
function collectRouteFiles(targets: readonly string[], index: ProjectIndex, io: CliIo): Map<string, RouteFile> {
  const routeFiles = new Map<string, RouteFile>();
  const walkErrors: WalkError[] = [];
  for (const target of targets) {
    const abs = path.resolve(io.cwd, target);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new UsageError(`No such file or folder: ${target}`);
    }
    const candidates = stat.isDirectory() ? findRouteFileCandidates(abs, walkErrors) : [abs];
    for (const file of candidates) {
      const info = index.routeFile(file);
      if (info) routeFiles.set(info.file, info);
      else if (!stat.isDirectory())
        io.err(`next-route-kit: skipped ${displayPath(abs, io.cwd)}: not an App Router route file (app/**/route.ts)\n`);
    }
  }
  for (const e of walkErrors)
    io.err(`next-route-kit: cannot read folder ${displayPath(e.path, io.cwd)} (${e.message})\n`);
  return routeFiles;
}

/** Whole-project checks (route/page conflicts, duplicate URLs …), once per project, by file. */
function projectStructureFindings(
  routeFiles: ReadonlyMap<string, RouteFile>,
  index: ProjectIndex,
  severities: Readonly<Record<string, SeveritySetting>>,
): Map<string, readonly Finding[]> {
  const projectFindings = new Map<string, readonly Finding[]>();
  const roots = new Set<string>();
  for (const info of routeFiles.values()) {
    const layout = index.layoutFor(info.file);
    if (!layout || roots.has(layout.root)) continue;
    roots.add(layout.root);
    for (const [file, findings] of checkProjectStructure(layout, severities)) projectFindings.set(file, findings);
  }
  return projectFindings;
}

function printResults(results: readonly FileFindings[], options: LintCliOptions, io: CliIo): void {
  if (options.format === 'json') io.out(JSON.stringify(toJson(results), null, 2) + '\n');
  else if (options.format === 'sarif') {
    const version = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';
    io.out(formatSarif(results, RULES, version, Object.values(PROJECT_CHECKS)) + '\n');
  } else {
    const text = formatStylish(results, io.isTty);
    io.out(text ? text + '\n' : '');
    if (results.length === 0)
      io.err(`next-route-kit: no App Router route files found in ${options.targets.join(', ')}\n`);
  }
}

/** 1 for an error-severity finding or more warnings than allowed, else 0. */
function exitCode(results: readonly FileFindings[], maxWarnings: number | undefined, io: CliIo): number {
  const all = results.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  if (errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.err(`next-route-kit: ${warnings} warnings exceed --max-warnings ${maxWarnings}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

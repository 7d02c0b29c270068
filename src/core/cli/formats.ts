/** Output formats of `next-route-kit lint`: stylish (terminal), json, sarif (GitHub code scanning). */
import { pathToFileURL } from 'node:url';
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { AnyRule } from '../lint/rule';
import { docsUrlFor, REPOSITORY_URL } from '../links';
import type { Finding, Severity } from '../types';

export interface FileFindings {
  /** Path for display, relative to the working folder, with forward slashes. */
  readonly path: string;
  readonly findings: readonly Finding[];
}

/** One finding as `lint --format json` prints it (1-based lines and columns). */
export interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
}

export function toJson(files: readonly FileFindings[]): JsonFinding[] {
  return files.flatMap((f) =>
    f.findings.map((x) => ({
      file: f.path,
      line: x.range.start.line + 1,
      column: x.range.start.character + 1,
      endLine: x.range.end.line + 1,
      endColumn: x.range.end.character + 1,
      ruleId: x.ruleId,
      severity: x.severity,
      message: x.message,
    })),
  );
}

const COLORS = { red: 31, yellow: 33, cyan: 36, gray: 90, bold: 1, underline: 4 } as const;

export function formatStylish(files: readonly FileFindings[], color: boolean): string {
  const paint = (c: keyof typeof COLORS, s: string): string => (color ? `\u001b[${COLORS[c]}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of files) {
    if (f.findings.length === 0) continue;
    lines.push('', paint('underline', f.path));
    const rows = f.findings.map((x) => {
      if (x.severity === 'error') errors++;
      else if (x.severity === 'warning') warnings++;
      else infos++;
      const sev =
        x.severity === 'error'
          ? paint('red', 'error')
          : x.severity === 'warning'
            ? paint('yellow', 'warning')
            : paint('cyan', x.severity);
      return [`${x.range.start.line + 1}:${x.range.start.character + 1}`, sev, x.message, x.ruleId] as const;
    });
    const posWidth = Math.max(...rows.map((r) => r[0].length));
    const sevWidth = Math.max(...rows.map((r) => r[1].length));
    for (const r of rows)
      lines.push(
        `  ${paint('gray', r[0].padEnd(posWidth))}  ${r[1].padEnd(sevWidth)}  ${r[2]}  ${paint('gray', r[3])}`,
      );
  }
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${infos ? `, ${infos} info` : ''})`;
  lines.push('', paint('bold', errors ? paint('red', summary) : paint('yellow', summary)), '');
  return lines.join('\n');
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/** SARIF 2.1.0 with one run, every rule described, results with physical locations relative to %SRCROOT%. */
export function formatSarif(
  files: readonly FileFindings[],
  rules: readonly AnyRule[],
  version: string,
  extraRules: readonly { id: string; description: string }[] = [],
): string {
  const builder = new SarifBuilder();
  const run = new SarifRunBuilder().initSimple({
    toolDriverName: 'next-route-kit',
    toolDriverVersion: version,
    url: REPOSITORY_URL,
  });
  const described = new Set<string>();
  const describe = (id: string, text: string): void => {
    if (described.has(id)) return;
    described.add(id);
    run.addRule(new SarifRuleBuilder().initSimple({ ruleId: id, shortDescriptionText: text, helpUri: docsUrlFor(id) }));
  };
  for (const r of rules) describe(r.id, r.meta.description);
  for (const c of extraRules) describe(c.id, c.description);
  for (const f of files) {
    for (const x of f.findings) {
      describe(x.ruleId, x.ruleId);
      run.addResult(
        new SarifResultBuilder().initSimple({
          level: SARIF_LEVEL[x.severity],
          messageText: x.message,
          ruleId: x.ruleId,
          fileUri: f.path.startsWith('/') ? pathToFileURL(f.path).href : encodeURI(f.path),
          startLine: x.range.start.line + 1,
          startColumn: x.range.start.character + 1,
          endLine: x.range.end.line + 1,
          endColumn: Math.max(
            x.range.end.character + 1,
            x.range.start.line === x.range.end.line ? x.range.start.character + 2 : 1,
          ),
        }),
      );
    }
  }
  builder.addRun(run);
  const log = builder.buildSarifOutput();
  for (const r of log.runs) {
    r.columnKind = 'utf16CodeUnits';
    for (const result of r.results ?? []) {
      for (const loc of result.locations ?? []) {
        const artifact = loc.physicalLocation?.artifactLocation;
        if (artifact?.uri && !artifact.uri.startsWith('file:')) artifact.uriBaseId = '%SRCROOT%';
      }
    }
  }
  return JSON.stringify(log, null, 2);
}

/**
 * `next-route-kit lint --fix` and `--fix-dry-run`: every safe fix applied to each route file
 * (as `eslint --fix` does, pass after pass), written back or printed as a unified diff. The
 * findings left afterwards replace the file's findings in the report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { fixRouteFile } from '../lint/files';
import { PROJECT_CHECKS } from '../lint/project';
import type { ProjectIndex, RouteFile } from '../nextjs/project';
import type { SeveritySetting } from '../types';
import type { FileFindings } from './formats';
import type { CliIo } from './io';

export interface FixOptions {
  readonly dryRun: boolean;
  readonly index: ProjectIndex;
  readonly severities: Readonly<Record<string, SeveritySetting>>;
  /** The route files linted, by absolute path. */
  readonly routeFiles: ReadonlyMap<string, RouteFile>;
}

/** Fixes the files that have a safe fix; returns the report with what remains. */
export function applyFixes(results: readonly FileFindings[], options: FixOptions, io: CliIo): FileFindings[] {
  let fixes = 0;
  let files = 0;
  const after = results.map((r): FileFindings => {
    const info = options.routeFiles.get(path.resolve(io.cwd, r.path));
    if (!info) return r;
    const fixed = fixRouteFile(info, options.index, options.severities);
    if (fixed.text === fixed.original) return r;
    fixes += fixed.fixed;
    files++;
    if (options.dryRun) io.out(diffOf(r.path, fixed.original, fixed.text));
    else fs.writeFileSync(info.file, fixed.text);
    const projectFindings = r.findings.filter((f) => f.ruleId in PROJECT_CHECKS);
    return { path: r.path, findings: [...projectFindings, ...fixed.findings] };
  });
  if (files > 0)
    io.err(
      `next-route-kit: ${options.dryRun ? 'would fix' : 'fixed'} ${fixes} problem${fixes === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}\n`,
    );
  return after;
}

function diffOf(file: string, before: string, after: string): string {
  const name = file.split(path.sep).join('/');
  const [a, b] = path.isAbsolute(file) ? [name, name] : [`a/${name}`, `b/${name}`];
  return createTwoFilesPatch(a, b, before, after, undefined, undefined, {
    headerOptions: FILE_HEADERS_ONLY,
  });
}

/** Linting route files from disk: what the CLI and the editor's "lint workspace" command share. */
import * as fs from 'node:fs';
import { parseDocument } from '../ast/parse';
import type { ProjectIndex, ProjectLayout, RouteFile } from '../nextjs/project';
import type { Finding, SeveritySetting } from '../types';
import { docsUrlFor, type LintProjectInfo, type LintRouteInfo } from './rule';
import { fixAll, type FixAllResult } from './fixAll';
import { lintDocument } from './lint';

export const READ_ERROR_ID = 'read-error';

export function lintRouteInfo(info: RouteFile): LintRouteInfo {
  return {
    route: info.route,
    pathname: info.pathname,
    params: info.params,
    routable: info.routable,
    problems: info.problems,
  };
}

export function lintProjectInfo(layout: ProjectLayout | undefined): LintProjectInfo {
  return {
    ...(layout?.nextMajor !== undefined ? { nextMajor: layout.nextMajor } : {}),
    cacheComponents: layout?.cacheComponents ?? false,
  };
}

export interface FileLintResult {
  readonly file: string;
  readonly route: RouteFile;
  readonly findings: readonly Finding[];
}

/** Lints one route file from disk. Never throws: an unreadable file becomes one finding. */
export function lintRouteFile(
  info: RouteFile,
  index: ProjectIndex,
  severities?: Readonly<Record<string, SeveritySetting>>,
): FileLintResult {
  let text: string;
  try {
    text = fs.readFileSync(info.file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return {
      file: info.file,
      route: info,
      findings: [
        {
          ruleId: READ_ERROR_ID,
          messageId: 'readError',
          message: `Cannot read this file (${code}).`,
          severity: 'error',
          span: { start: 0, end: 0 },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          docsUrl: docsUrlFor(READ_ERROR_ID),
        },
      ],
    };
  }
  const doc = parseDocument(info.file, text);
  const findings = lintDocument(doc, {
    route: lintRouteInfo(info),
    project: lintProjectInfo(index.layoutFor(info.file)),
    ...(severities ? { severities } : {}),
  });
  return { file: info.file, route: info, findings };
}

export interface FileFixResult extends FixAllResult {
  readonly file: string;
  /** The file's text before fixing. */
  readonly original: string;
}

/** Applies every safe fix to a route file's text (the caller writes it or prints the diff). */
export function fixRouteFile(
  info: RouteFile,
  index: ProjectIndex,
  severities?: Readonly<Record<string, SeveritySetting>>,
): FileFixResult {
  const original = fs.readFileSync(info.file, 'utf8');
  const options = {
    route: lintRouteInfo(info),
    project: lintProjectInfo(index.layoutFor(info.file)),
    ...(severities ? { severities } : {}),
    fixes: true,
  };
  const result = fixAll(original, (text) => lintDocument(parseDocument(info.file, text), options));
  return { file: info.file, original, ...result };
}

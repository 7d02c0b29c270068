/** Walking a directory tree for route files, the way the CLI and the workspace commands need. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Folders never searched: dependencies, build output, VCS data. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set([
  'node_modules',
  '.next',
  '.git',
  '.turbo',
  '.vercel',
  'coverage',
  '.cache',
]);

/** Whether a path relative to a project or workspace lies inside one of SKIPPED_DIRS. */
export function inSkippedDir(relativePath: string): boolean {
  return relativePath.split(/[\\/]/).some((part) => SKIPPED_DIRS.has(part));
}

/** SKIPPED_DIRS as a glob for VS Code's findFiles exclude. */
export const SKIPPED_GLOB = `{${[...SKIPPED_DIRS].map((d) => `**/${d}/**`).join(',')}}`;

export interface WalkError {
  readonly path: string;
  readonly message: string;
}

/** What a walk saw besides route files: every folder it listed, and the files named one of `names`. */
export interface WalkSeen {
  readonly names: ReadonlySet<string>;
  readonly folders: Set<string>;
  readonly found: string[];
}

/**
 * Every file named `route.*` below `dir` (sorted, absolute), skipping SKIPPED_DIRS and a
 * project's `out/` export folder. Unreadable folders are collected, not thrown.
 */
export function findRouteFileCandidates(dir: string, errors: WalkError[] = [], seen?: WalkSeen): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    seen?.folders.add(current);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch (e) {
      errors.push({ path: current, message: (e as NodeJS.ErrnoException).code ?? String(e) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name)) continue;
        if (entry.name === 'out' && isProjectRoot(current)) continue;
        walk(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.startsWith('route.')) {
        out.push(full);
      } else if (seen?.names.has(entry.name) && entry.isFile()) {
        seen.found.push(full);
      }
    }
  };
  walk(path.resolve(dir));
  return out;
}

function isProjectRoot(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'package.json'));
}

/** A path relative to `base` with forward slashes, for output. */
export function displayPath(file: string, base = process.cwd()): string {
  const rel = path.relative(base, file);
  if (rel === '') return '.';
  return (!rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
}

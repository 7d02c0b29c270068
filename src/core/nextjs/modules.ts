/**
 * The app's own modules, as the route model follows them: relative imports and tsconfig
 * (or jsconfig) `paths` aliases such as `@/lib/auth`, resolved the way a bundler does
 * (`.ts`/`.tsx`/`.js`… and `index.*`), never into `node_modules` (a bare specifier that no
 * alias maps is a dependency and is not read). Parsed modules are cached per file and
 * re-read when the file's size or modification time changes. Files above `maxBytes` are
 * not read at all. See https://www.typescriptlang.org/tsconfig/#paths.
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import { parseDocument, type ParsedDocument } from '../ast/parse';
import { nodeFsPort, type FsPort } from '../fsPort';

export interface ModuleLimits {
  /** How many module hops from the route file (an import of an import of …). */
  readonly maxDepth: number;
  /** How many modules one question (one handler's inference) may read. */
  readonly maxFiles: number;
  /** Files larger than this are not read (generated code, bundles). */
  readonly maxBytes: number;
  /** Time budget of one question, in milliseconds; following stops when it is spent. */
  readonly budgetMs: number;
}

export const DEFAULT_MODULE_LIMITS: ModuleLimits = { maxDepth: 4, maxFiles: 32, maxBytes: 512 * 1024, budgetMs: 200 };

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

interface PathAliases {
  /** Folder `paths` targets are relative to. */
  readonly base: string;
  readonly paths: ReadonlyArray<readonly [pattern: string, targets: readonly string[]]>;
}

interface CachedModule {
  readonly stamp: string;
  readonly doc: ParsedDocument | undefined;
}

/** Reads one tsconfig/jsconfig (comments and trailing commas allowed), following a relative `extends`. */
function readAliases(fs: FsPort, file: string, depth = 0): PathAliases | undefined {
  const text = fs.readFile(file);
  if (text === undefined || depth > 3) return undefined;
  const parsed = ts.parseConfigFileTextToJson(file, text).config as
    { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined;
  if (!parsed) return undefined;
  const dir = path.dirname(file);
  const options = parsed.compilerOptions ?? {};
  let inherited: PathAliases | undefined;
  if (typeof parsed.extends === 'string' && parsed.extends.startsWith('.')) {
    const target = path.resolve(dir, parsed.extends);
    inherited = readAliases(fs, target.endsWith('.json') ? target : target + '.json', depth + 1);
  }
  const base = typeof options.baseUrl === 'string' ? path.resolve(dir, options.baseUrl) : (inherited?.base ?? dir);
  if (!options.paths || typeof options.paths !== 'object') return inherited ?? { base, paths: [] };
  const paths = Object.entries(options.paths as Record<string, unknown>)
    .filter((e): e is [string, string[]] => Array.isArray(e[1]))
    .map(([k, v]) => [k, v.filter((t): t is string => typeof t === 'string')] as const);
  return { base, paths };
}

/** Whether a path is inside a dependency folder. */
function inDependencies(file: string): boolean {
  return file.split(/[\\/]/).includes('node_modules');
}

/** Resolves and reads the app's own modules for one project root. */
export class ModuleGraph {
  private aliases: PathAliases | null | undefined;
  private readonly modules = new Map<string, CachedModule>();
  private readonly resolved = new Map<string, string | null>();

  constructor(
    readonly root: string,
    private readonly fs: FsPort = nodeFsPort,
    readonly limits: ModuleLimits = DEFAULT_MODULE_LIMITS,
  ) {}

  private pathAliases(): PathAliases | undefined {
    if (this.aliases === undefined) {
      const config = ['tsconfig.json', 'jsconfig.json']
        .map((f) => path.join(this.root, f))
        .find((f) => this.fs.isFile(f));
      this.aliases = (config && readAliases(this.fs, config)) || null;
    }
    return this.aliases ?? undefined;
  }

  /** The file an import specifier names, or undefined (a dependency, or nothing there). */
  resolve(fromFile: string, specifier: string): string | undefined {
    const key = `${path.dirname(fromFile)}\0${specifier}`;
    const known = this.resolved.get(key);
    if (known !== undefined) return known ?? undefined;
    const found = this.resolveUncached(fromFile, specifier);
    this.resolved.set(key, found ?? null);
    return found;
  }

  private resolveUncached(fromFile: string, specifier: string): string | undefined {
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..')
      return this.candidate(path.resolve(path.dirname(fromFile), specifier));
    const aliases = this.pathAliases();
    if (!aliases) return undefined;
    for (const [pattern, targets] of aliases.paths) {
      const star = pattern.indexOf('*');
      let rest: string | undefined;
      if (star < 0) rest = pattern === specifier ? '' : undefined;
      else {
        const prefix = pattern.slice(0, star);
        const suffix = pattern.slice(star + 1);
        if (specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= pattern.length - 1)
          rest = specifier.slice(prefix.length, specifier.length - suffix.length);
      }
      if (rest === undefined) continue;
      for (const target of targets) {
        const found = this.candidate(path.resolve(aliases.base, target.replace('*', rest)));
        if (found) return found;
      }
    }
    return undefined;
  }

  /** `x` → `x.ts`, `x/index.ts`…; `x.js` written for a `x.ts` file (TypeScript's ESM style). */
  private candidate(abs: string): string | undefined {
    if (inDependencies(abs)) return undefined;
    const ext = path.extname(abs);
    if (EXTENSIONS.includes(ext) && this.fs.isFile(abs)) return abs;
    if (ext === '.js' || ext === '.jsx' || ext === '.mjs') {
      const stem = abs.slice(0, -ext.length);
      for (const e of ext === '.mjs' ? ['.mts'] : ['.ts', '.tsx']) if (this.fs.isFile(stem + e)) return stem + e;
    }
    for (const e of EXTENSIONS) if (this.fs.isFile(abs + e)) return abs + e;
    for (const e of EXTENSIONS) {
      const index = path.join(abs, 'index' + e);
      if (this.fs.isFile(index)) return index;
    }
    return undefined;
  }

  /** A change stamp for a file (size and modification time); undefined when it cannot be read. */
  stamp(file: string): string | undefined {
    const st = this.fs.stat?.(file);
    if (this.fs.stat && !st) return undefined;
    return st ? `${st.size}:${st.mtimeMs}` : 'unknown';
  }

  /** The parsed module (cached until the file changes); undefined when missing, too large or a dependency. */
  load(file: string): ParsedDocument | undefined {
    if (inDependencies(file)) return undefined;
    const stamp = this.stamp(file);
    if (stamp === undefined) {
      this.modules.delete(file);
      return undefined;
    }
    const cached = this.modules.get(file);
    // Without `stat` (a fake file system) the stamp is 'unknown' and a module is read once.
    if (cached && cached.stamp === stamp) return cached.doc;
    const size = this.fs.stat?.(file)?.size;
    let doc: ParsedDocument | undefined;
    if (size === undefined || size <= this.limits.maxBytes) {
      const text = this.fs.readFile(file);
      if (text !== undefined && text.length <= this.limits.maxBytes) doc = parseDocument(file, text);
    }
    this.modules.set(file, { stamp, doc });
    return doc;
  }

  /** Whether the files a cached answer was built from are unchanged. */
  unchanged(stamps: ReadonlyMap<string, string | undefined>): boolean {
    for (const [file, stamp] of stamps) if (this.stamp(file) !== stamp) return false;
    return true;
  }

  /** How many modules are cached (for tests and the bench). */
  get size(): number {
    return this.modules.size;
  }
}

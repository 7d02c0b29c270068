/**
 * Loads a CommonJS bundle with V8's code cache, so the CLI does not parse and compile the
 * bundled TypeScript compiler (4 MB of JavaScript) on every run.
 *
 * Node's own `module.enableCompileCache()` (Node ≥ 22.1) and the `v8-compile-cache-lib`
 * package both create the cache when a module is compiled, before it runs: V8 compiles
 * functions lazily, so that cache holds little more than the bundle's top level. Measured on
 * `routes` over the fixture app: 0.97 s CPU without a cache, 0.92 s with `v8-compile-cache-lib`,
 * 0.53 s with the cache below, which is created after the command ran (`createCachedData()`
 * then holds every function the command compiled). See
 * https://nodejs.org/api/vm.html#scriptcreatecacheddata.
 *
 * The cache is an optimisation only: any failure (no cache folder, a rejected or corrupt
 * cache) falls back to compiling normally. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

export type CodeCacheStatus = 'off' | 'created' | 'used' | 'rejected';

export interface LoadedBundle {
  readonly exports: unknown;
  readonly status: CodeCacheStatus;
  /** Writes the cache when there was none (or V8 rejected it). Call once the work is done. */
  save(): void;
}

export interface CodeCacheOptions {
  /** Distinguishes caches of the same bundle made by different commands (each compiles other functions). */
  readonly variant: string;
  /** Default: the user's cache folder (see defaultCacheDir). */
  readonly cacheDir?: string;
}

/** `$NEXT_ROUTE_KIT_CACHE_DIR`, else `%LOCALAPPDATA%` / `$XDG_CACHE_HOME` / `~/.cache`, per user. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['NEXT_ROUTE_KIT_CACHE_DIR']) return env['NEXT_ROUTE_KIT_CACHE_DIR'];
  const base =
    process.platform === 'win32'
      ? (env['LOCALAPPDATA'] ?? path.join(os.homedir(), 'AppData', 'Local'))
      : (env['XDG_CACHE_HOME'] ?? path.join(os.homedir(), '.cache'));
  return path.join(base, 'next-route-kit', 'v8');
}

const digest = (parts: readonly unknown[]): string =>
  createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16);

/**
 * `<bundle+variant>-<build+runtime>.bin`. V8 checks only the source's length, so the key holds
 * the file's size, modification time and inode (npm gives every installed file the same time;
 * the size and inode still change with each install) and the Node version.
 */
function cacheFileFor(file: string, options: CodeCacheOptions): { dir: string; prefix: string; file: string } {
  const stat = fs.statSync(file);
  const prefix = digest([file, options.variant]);
  const build = digest([stat.size, stat.mtimeMs, stat.ino, process.version, process.arch, process.execArgv.join(' ')]);
  const dir = options.cacheDir ?? defaultCacheDir();
  return { dir, prefix, file: path.join(dir, `${prefix}-${build}.bin`) };
}

/** Caches of earlier builds of the same bundle are removed when a new one is written. */
function removeStale(dir: string, prefix: string, keep: string): void {
  try {
    for (const name of fs.readdirSync(dir))
      if (name.startsWith(prefix + '-') && path.join(dir, name) !== keep)
        fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    // Nothing to clean.
  }
}

function readCache(cacheFile: string): Buffer | undefined {
  try {
    return fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

function writeCache(cache: ReturnType<typeof cacheFileFor>, data: Buffer): void {
  const cacheFile = cache.file;
  try {
    fs.mkdirSync(cache.dir, { recursive: true, mode: 0o700 });
    removeStale(cache.dir, cache.prefix, cacheFile);
    // Another run may write the same file at the same time: write aside, then rename (atomic).
    const temp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temp, data, { mode: 0o600 });
    fs.renameSync(temp, cacheFile);
  } catch {
    // No cache this time; the next run compiles again.
  }
}

/** Runs a CommonJS file the way `require` does, with its compiled code cached across runs. */
export function requireWithCodeCache(file: string, options: CodeCacheOptions): LoadedBundle {
  if (process.env['NODE_DISABLE_COMPILE_CACHE']) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the plain, uncached load
    return { exports: require(file) as unknown, status: 'off', save: () => undefined };
  }
  const source = fs.readFileSync(file, 'utf8').replace(/^#!.*/, '');
  const cache = cacheFileFor(file, options);
  const cachedData = readCache(cache.file);
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const status: CodeCacheStatus = !cachedData ? 'created' : script.cachedDataRejected ? 'rejected' : 'used';
  const mod = new Module(file, module);
  mod.filename = file;
  const internals = Module as unknown as { _nodeModulePaths(dir: string): string[]; _cache: Record<string, Module> };
  mod.paths = internals._nodeModulePaths(path.dirname(file));
  // Listed in require.cache as `require` lists what it loads (a later require of the file gets this module).
  internals._cache[file] = mod;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  let saved = status === 'used';
  return {
    exports: mod.exports,
    status,
    save: () => {
      if (saved) return;
      saved = true;
      writeCache(cache, script.createCachedData());
    },
  };
}

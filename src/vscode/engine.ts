/**
 * Loads dist/engine.js (TypeScript parser, rules, request runner) on first use.
 * Only types are imported statically, so activation never pulls the parser in. It is loaded
 * with V8's code cache (src/core/cli/codeCache.ts, the CLI's), written once the first
 * workspace index has compiled the functions the editor uses: compiling the 4 MB bundle is
 * most of the cost of loading it.
 */
import * as path from 'node:path';
import type * as EngineModule from '../core/engine';
import { requireWithCodeCache, type LoadedBundle } from '../core/cli/codeCache';

export type Engine = typeof EngineModule;

let bundle: LoadedBundle | undefined;

export function engine(): Engine {
  // esbuild.mjs keeps './engine.js' external: it is the file beside dist/extension.js.
  bundle ??= requireWithCodeCache(path.join(__dirname, 'engine.js'), { variant: 'extension' });
  return bundle.exports as Engine;
}

export function isEngineLoaded(): boolean {
  return bundle !== undefined;
}

/** Writes the engine's code cache if it had none (once; later calls do nothing). */
export function saveEngineCodeCache(): void {
  bundle?.save();
}

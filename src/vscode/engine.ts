/**
 * Loads dist/engine.js (TypeScript parser, rules, request runner) on first use.
 * Only types are imported statically, so activation never pulls the parser in.
 */
import type * as EngineModule from '../core/engine';

export type Engine = typeof EngineModule;

let loaded: Engine | undefined;

export function engine(): Engine {
  // esbuild.mjs keeps './engine.js' external: it is the file beside dist/extension.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, so activation stays parser-free
  loaded ??= require('./engine.js') as Engine;
  return loaded;
}

export function isEngineLoaded(): boolean {
  return loaded !== undefined;
}

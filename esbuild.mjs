// Bundles the extension, its lazily loaded engine, the CLI and the ESLint plugin.
//   node esbuild.mjs               development build (sourcemaps)
//   node esbuild.mjs --production  minified, no sourcemaps (what `npm run package` ships)
//   node esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** Keeps `require('./engine.js')` in the extension as a runtime require of the sibling file. */
const engineExternal = {
  name: 'engine-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/engine\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/** The ESLint plugin loads the engine the package already ships: `../core/engine` → `./engine.js`. */
const pluginEngineExternal = {
  name: 'plugin-engine-external',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/core\/engine$/ }, () => ({ path: './engine.js', external: true }));
  },
};

/**
 * Our sources get the TypeScript API as plain variables. The `typescript` package exposes its
 * API through chains of getters (its bundle's live bindings plus CommonJS interop), which cost
 * a measurable share of lint time on the hot path (every node of every file). This plugin
 * serves our `import * as ts from 'typescript'` from a generated ES module that copies each
 * export once at load; esbuild then compiles `ts.forEachChild(...)` to a direct reference.
 * TypeScript does not reassign its exports after loading, so the copies are the same values.
 */
const typescriptSnapshot = {
  name: 'typescript-snapshot',
  setup(build) {
    const require = createRequire(import.meta.url);
    const real = require.resolve('typescript');
    const names = Object.keys(require('typescript')).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default');
    build.onResolve({ filter: /^typescript$/ }, (args) =>
      args.importer.includes(`${path.sep}src${path.sep}`)
        ? { path: 'typescript', namespace: 'typescript-snapshot' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'typescript-snapshot' }, () => ({
      resolveDir: path.dirname(real),
      contents: `import * as real from ${JSON.stringify(real)};\nconst s = { ...real };\nexport const { ${names.join(', ')} } = s;\n`,
    }));
  },
};

/**
 * dist/cli.js answers --help and --version itself and hands commands to dist/cli-main.js, so
 * the command modules main.ts requires on use are left out of it (never required there).
 */
const commandsExternal = {
  name: 'commands-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/\w+Command$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

/** Prints errors in the shape of VS Code's `$esbuild-watch` problem matcher. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(version) },
  plugins: [typescriptSnapshot, problemMatcher],
};

const builds = [
  // The extension entry: no parser, no HTTP client — those live in engine.js.
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [engineExternal, typescriptSnapshot, problemMatcher],
  },
  { ...common, entryPoints: ['src/core/engine.ts'], outfile: 'dist/engine.js' },
  // The CLI: dist/cli.js is a small loader that runs dist/cli-main.js (commands, parser, rules)
  // through V8's code cache (src/core/cli/codeCache.ts); it is also the lint workers' entry.
  {
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [commandsExternal, typescriptSnapshot, problemMatcher],
  },
  {
    ...common,
    entryPoints: ['src/cliMain.ts'],
    outfile: 'dist/cli-main.js',
    define: { ...common.define, __CLI_WORKER_FILE__: JSON.stringify('cli.js') },
  },
  // `next-route-kit/eslint`: ESLint is the host, never bundled (the plugin only imports its types).
  {
    ...common,
    entryPoints: ['src/eslint/index.ts'],
    outfile: 'dist/eslint.js',
    external: ['eslint'],
    plugins: [pluginEngineExternal, typescriptSnapshot, problemMatcher],
  },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  const results = await Promise.allSettled(builds.map((options) => esbuild.build(options)));
  if (results.some((r) => r.status === 'rejected')) process.exit(1);
}

// The ESLint plugin's types (package.json `exports["./eslint"].types`).
mkdirSync('dist', { recursive: true });
copyFileSync('src/eslint/public.d.ts', 'dist/eslint.d.ts');

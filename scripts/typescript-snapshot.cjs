// The TypeScript API as plain data properties. The `typescript` package exposes its API
// through chains of getters (its own bundle's live bindings, then CommonJS interop); on the
// linter's hot path (every node of every file) those calls add up. esbuild.mjs resolves our
// sources' `import * as ts from 'typescript'` to this module. The values are the same objects;
// TypeScript does not reassign its exports after it has loaded.
const ts = require('typescript');
module.exports = { ...ts };

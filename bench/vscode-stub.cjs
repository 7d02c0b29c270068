// A minimal stand-in for the `vscode` module so dist/extension.js can be activated in plain
// Node for the activation benchmark: every property is a callable, constructible no-op.
// VS Code itself is not what is measured.
const Module = require('node:module');

function stub(name = 'vscode', thenable = false) {
  const fn = function () {};
  const assigned = new Map();
  return new Proxy(fn, {
    set(_t, prop, value) {
      assigned.set(prop, value);
      return true;
    },
    get(_t, prop) {
      if (assigned.has(prop)) return assigned.get(prop);
      // What an API call returns may be awaited (Thenable<undefined>); namespaces are not thenables.
      if (prop === 'then') return thenable ? (resolve) => Promise.resolve(undefined).then(resolve) : undefined;
      if (process.env.VSCODE_STUB_TRACE && prop === 'error') return (...a) => console.error('[stub log.error]', ...a);
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === 'dispose') return () => {};
      return stub(`${name}.${String(prop)}`);
    },
    apply: () => stub(`${name}()`, true),
    construct: () => stub(`new ${name}`),
  });
}

// Bundlers copy a module's own properties (esbuild's __toESM), so the root is a plain object
// holding a stub for every name @types/vscode declares at the top of `declare module 'vscode'`.
const fs = require('node:fs');
const path = require('node:path');
const dts = fs.readFileSync(path.join(__dirname, '..', 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
const vscode = {};
for (const m of dts.matchAll(/^(?: {4}|\t)export (?:namespace|class|enum|const|function|let) (\w+)/gm)) {
  if (!(m[1] in vscode)) vscode[m[1]] = stub(m[1]);
}
const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return vscode;
  return originalLoad.call(this, request, parent, isMain);
};

module.exports = {
  fakeContext: () => ({
    subscriptions: [],
    extensionUri: stub('uri'),
    extensionPath: process.cwd(),
    globalState: stub('globalState'),
    workspaceState: stub('workspaceState'),
    secrets: stub('secrets'),
  }),
};

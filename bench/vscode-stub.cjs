// A minimal stand-in for the `vscode` module so dist/extension.js can be activated in plain
// Node for the activation benchmark: every property is a callable, constructible no-op.
// VS Code itself is not what is measured.
const Module = require('node:module');
const { execFile, spawnSync } = require('node:child_process');

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
      if (process.env.VSCODE_STUB_TRACE && (prop === 'error' || prop === 'warn'))
        return (...a) => console.error('[stub log.error]', ...a);
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

let hasRipgrep;
const ripgrep = () => (hasRipgrep ??= spawnSync('rg', ['--version']).status === 0);

/** `a.{b,c{d,e}}` → `a.b`, `a.cd`, `a.ce` (ripgrep's globs do not nest braces; VS Code expands them too). */
function expandBraces(pattern) {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  const parts = [];
  let start = open + 1;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      parts.push(pattern.slice(start, i));
      const rest = pattern.slice(i + 1);
      return parts.flatMap((p) => expandBraces(pattern.slice(0, open) + p + rest));
    } else if (c === ',' && depth === 1) {
      parts.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  return [pattern];
}

function ripgrepFiles(root, names, skipped) {
  const args = ['--files', '--hidden', '--no-ignore', '--no-config'];
  for (const name of names) args.push('-g', `**/${name}`);
  for (const dir of skipped) args.push('-g', `!**/${dir}/**`);
  return new Promise((resolve, reject) =>
    // Run inside the folder: ripgrep matches the globs against the paths it prints.
    execFile('rg', args, { cwd: root, maxBuffer: 256 * 2 ** 20 }, (err, stdout) =>
      err && err.code !== 1
        ? reject(err)
        : resolve(
            stdout
              .split('\n')
              .filter(Boolean)
              .map((f) => path.join(root, f)),
          ),
    ),
  );
}

/**
 * A workspace for the scale benchmark: the parts of the API the route index, the status bar,
 * project checks and diagnostics call, implemented over a real folder (findFiles walks it with
 * the same exclusions the extension passes; readFile reads the disk). Everything else stays a
 * no-op. Returns what the benchmark observes: status bar texts and published diagnostics.
 */
function useWorkspace(root) {
  const observed = {
    statusTexts: [],
    onStatus: () => {},
    diagnostics: new Map(),
    commands: new Map(),
    progress: [],
    messages: [],
    quickPicks: [],
    cancelAfterReports: Infinity,
  };
  class EventEmitter {
    listeners = new Set();
    event = (listener) => {
      this.listeners.add(listener);
      return { dispose: () => this.listeners.delete(listener) };
    };
    fire(value) {
      for (const l of [...this.listeners]) l(value);
    }
    dispose() {
      this.listeners.clear();
    }
  }
  const uriFile = (fsPath) => ({ scheme: 'file', fsPath, path: fsPath, toString: () => `file://${fsPath}` });
  const skipped = new Set(['node_modules', '.next', '.git', '.turbo', '.vercel', 'coverage', '.cache']);
  // VS Code's findFiles runs ripgrep in another process; so does this one where `rg` is installed
  // (observed.findFiles says which), else it walks the folder on this thread.
  const findFiles = async (include) => {
    const namePattern = String(include).replace(/^\*\*\//, '');
    if (ripgrep()) {
      observed.findFiles = 'ripgrep';
      return (await ripgrepFiles(root, expandBraces(namePattern), skipped)).map(uriFile);
    }
    observed.findFiles = 'walk';
    const matches = new Map();
    const matchName = (name) => {
      if (!matches.has(name)) matches.set(name, path.matchesGlob(name, namePattern));
      return matches.get(name);
    };
    const out = [];
    const walk = (dir) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) {
          if (!skipped.has(e.name)) walk(path.join(dir, e.name));
        } else if (matchName(e.name)) out.push(uriFile(path.join(dir, e.name)));
      }
    };
    walk(root);
    return out;
  };
  const noEvent = () => ({ dispose() {} });
  const watcher = () => ({ onDidCreate: noEvent, onDidChange: noEvent, onDidDelete: noEvent, dispose() {} });
  const workspace = {
    findFiles,
    textDocuments: [],
    workspaceFolders: [{ uri: uriFile(root), name: path.basename(root), index: 0 }],
    fs: {
      readFile: async (uri) => fs.promises.readFile(uri.fsPath),
      stat: async (uri) => {
        const st = await fs.promises.stat(uri.fsPath);
        return { type: st.isDirectory() ? 2 : 1, ctime: st.ctimeMs, mtime: st.mtimeMs, size: st.size };
      },
    },
    asRelativePath: (uri) => path.relative(root, typeof uri === 'string' ? uri : uri.fsPath),
    createFileSystemWatcher: watcher,
    getConfiguration: () => ({ get: () => undefined, inspect: () => undefined }),
    onDidChangeConfiguration: noEvent,
    onDidOpenTextDocument: noEvent,
    onDidChangeTextDocument: noEvent,
    onDidCloseTextDocument: noEvent,
    onDidSaveTextDocument: noEvent,
    isTrusted: true,
  };
  const collection = {
    set: (uri, list) => observed.diagnostics.set(uri.fsPath, list),
    delete: (uri) => observed.diagnostics.delete(uri.fsPath),
    clear: () => observed.diagnostics.clear(),
    get: (uri) => observed.diagnostics.get(uri.fsPath),
    dispose: () => observed.diagnostics.clear(),
  };
  const statusItem = () => {
    let text = '';
    return {
      get text() {
        return text;
      },
      set text(value) {
        text = value;
        observed.statusTexts.push(value);
        observed.onStatus(value);
      },
      show() {},
      hide() {},
      dispose() {},
    };
  };
  vscode.EventEmitter = EventEmitter;
  vscode.Uri = new Proxy(stub('Uri'), { get: (t, p) => (p === 'file' ? uriFile : t[p]) });
  vscode.workspace = new Proxy(workspace, { get: (t, p) => (p in t ? t[p] : stub(`workspace.${String(p)}`)) });
  const window = stub('window');
  // withProgress runs the task with a token the benchmark cancels after `cancelAfterReports` reports.
  const withProgress = async (_options, task) => {
    const token = { isCancellationRequested: false, onCancellationRequested: noEvent };
    const progress = {
      report: (value) => {
        observed.progress.push(value);
        if (observed.progress.length >= observed.cancelAfterReports) token.isCancellationRequested = true;
      },
    };
    return task(progress, token);
  };
  const windowApi = {
    createStatusBarItem: statusItem,
    withProgress,
    showInformationMessage: async (message) => void observed.messages.push(message),
    showQuickPick: async (items) => void observed.quickPicks.push(items),
  };
  vscode.window = new Proxy(window, { get: (t, p) => (p in windowApi ? windowApi[p] : t[p]) });
  const languages = stub('languages');
  vscode.languages = new Proxy(languages, {
    get: (t, p) => (p === 'createDiagnosticCollection' ? () => collection : t[p]),
  });
  vscode.commands = new Proxy(stub('commands'), {
    get: (t, p) =>
      p === 'executeCommand'
        ? async () => undefined
        : p === 'registerCommand'
          ? (id, fn) => (observed.commands.set(id, fn), { dispose: () => observed.commands.delete(id) })
          : t[p],
  });
  return observed;
}

module.exports = {
  useWorkspace,
  fakeContext: () => ({
    subscriptions: [],
    extensionUri: stub('uri'),
    extensionPath: process.cwd(),
    globalState: stub('globalState'),
    workspaceState: stub('workspaceState'),
    secrets: stub('secrets'),
  }),
};

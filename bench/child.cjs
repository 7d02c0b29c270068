// Measurements that need a fresh process (cold start). Prints one JSON line.
//   node bench/child.cjs activation
//   node bench/child.cjs first-lint <file>
//   node --expose-gc bench/child.cjs memory <corpusDir>
const path = require('node:path');
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const DIST = path.resolve(__dirname, '..', 'dist');
const [mode, given] = process.argv.slice(2);
const arg = given && path.resolve(given);

function loaded(pattern) {
  return Object.keys(require.cache).some((k) => pattern.test(k));
}

if (mode === 'activation') {
  const { fakeContext } = require('./vscode-stub.cjs');
  const t0 = performance.now();
  const ext = require(path.join(DIST, 'extension.js'));
  ext.activate(fakeContext());
  const ms = performance.now() - t0;
  const engineLoaded = loaded(/dist[\\/]engine\.js$/);
  const typescriptInBundle = fs.readFileSync(path.join(DIST, 'extension.js'), 'utf8').includes('createSourceFile');
  console.log(
    JSON.stringify({ ms, engineLoaded, typescriptInBundle, bytes: fs.statSync(path.join(DIST, 'extension.js')).size }),
  );
  process.exit(0);
}

if (mode === 'first-lint') {
  const t0 = performance.now();
  const engine = require(path.join(DIST, 'engine.js'));
  const index = new engine.ProjectIndex();
  const info = index.routeFile(arg);
  const doc = engine.parseDocument(arg, fs.readFileSync(arg, 'utf8'));
  const findings = engine.lintDocument(doc, {
    route: engine.lintRouteInfo(info),
    project: engine.lintProjectInfo(index.layoutFor(arg)),
  });
  console.log(JSON.stringify({ ms: performance.now() - t0, findings: findings.length }));
  process.exit(0);
}

if (mode === 'memory') {
  const engine = require(path.join(DIST, 'engine.js'));
  const { listFiles } = require('./files.cjs');
  const files = listFiles(arg);
  const index = new engine.ProjectIndex();
  const cache = new engine.AstCache(files.length + 10);
  global.gc();
  const before = process.memoryUsage().heapUsed;
  for (const file of files) {
    const info = index.routeFile(file);
    const doc = cache.get({ uri: file, version: 1, fileName: file, getText: () => fs.readFileSync(file, 'utf8') });
    engine.lintDocument(doc, {
      route: engine.lintRouteInfo(info),
      project: engine.lintProjectInfo(index.layoutFor(file)),
    });
  }
  global.gc();
  const open = process.memoryUsage().heapUsed;
  for (const file of files) cache.delete(file);
  global.gc();
  const closed = process.memoryUsage().heapUsed;
  console.log(
    JSON.stringify({
      files: files.length,
      baseMb: before / 2 ** 20,
      openMb: open / 2 ** 20,
      closedMb: closed / 2 ** 20,
      cached: cache.size,
    }),
  );
  process.exit(0);
}

// The editor at monorepo scale, through dist/extension.js itself: time from activation to the
// status bar's route count, project checks, heap after indexing and after closing, and the
// "Lint All Route Handlers" command (its progress reports, and a run cancelled half-way).
if (mode === 'index') {
  const { fakeContext, useWorkspace } = require('./vscode-stub.cjs');
  const observed = useWorkspace(arg);
  const mb = () => (global.gc(), global.gc(), process.memoryUsage().heapUsed / 2 ** 20);
  const baseMb = mb();
  // The routes count (`$(symbol-interface) 10000 routes`), not another status bar item (the environment's).
  const statusShown = new Promise(
    (resolve) => (observed.onStatus = (text) => /\d+ routes?\b/.test(text) && resolve(text)),
  );
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const ext = require(path.join(DIST, 'extension.js'));
  const ctx = fakeContext();
  ext.activate(ctx);
  statusShown.then(async (status) => {
    const indexMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const indexCpuMs = (cpu.user + cpu.system) / 1000;
    const indexedMb = mb() - baseMb;
    // Methods are parsed after the count, in the background; "Show Routes" waits for all of them.
    await observed.commands.get('nextRouteKit.showRoutes')();
    const methodsMs = performance.now() - t0;
    const methodsCpu = process.cpuUsage(cpu0);
    const methodsCpuMs = (methodsCpu.user + methodsCpu.system) / 1000;
    const picked = observed.quickPicks.pop() ?? [];
    const withMethods = picked.filter((item) => !/^no handlers/.test(item.description)).length;
    const methodsMb = mb() - baseMb;
    const engine = require(path.join(DIST, 'engine.js'));
    const projects = new engine.ProjectIndex();
    const layouts = new Map();
    for (const file of require('./files.cjs').listFiles(arg)) {
      const layout = projects.layoutFor(file);
      if (layout) layouts.set(layout.root, layout);
    }
    // As the editor runs them (src/vscode/projectChecks.ts): the route and page files from one
    // findFiles search, then the checks of each app; and, for comparison, each app folder walked.
    const t1 = performance.now();
    const appFiles = (await require('vscode').workspace.findFiles('**/{route,page}.*')).map((uri) => uri.fsPath);
    let projectFindings = 0;
    for (const layout of layouts.values()) {
      const below = layout.appDir + path.sep;
      projectFindings += engine.checkProjectStructure(
        layout,
        {},
        appFiles.filter((f) => f.startsWith(below)),
      ).size;
    }
    const projectChecksMs = performance.now() - t1;
    const t1w = performance.now();
    let walkedFindings = 0;
    for (const layout of layouts.values()) walkedFindings += engine.checkProjectStructure(layout, {}).size;
    const projectChecksWalkMs = performance.now() - t1w;
    if (walkedFindings !== projectFindings) throw new Error('project checks differ between search and walk');
    const lintAll = observed.commands.get('nextRouteKit.lintWorkspace');
    observed.cancelAfterReports = 5;
    await lintAll();
    const cancelled = { reports: observed.progress.length, message: observed.messages.pop() };
    observed.progress.length = 0;
    observed.cancelAfterReports = Infinity;
    const t2 = performance.now();
    await lintAll();
    const lintAllMs = performance.now() - t2;
    const lintAllReports = observed.progress.length;
    const lintedMb = mb() - baseMb;
    for (const d of ctx.subscriptions.splice(0)) d.dispose();
    ext.deactivate();
    observed.diagnostics.clear();
    const closedMb = mb() - baseMb;
    console.log(
      JSON.stringify({
        status,
        indexMs,
        indexCpuMs,
        indexedMb,
        methodsMs,
        methodsCpuMs,
        methodsMb,
        routesListed: picked.length,
        routesWithMethods: withMethods,
        findFiles: observed.findFiles,
        projects: layouts.size,
        projectChecksMs,
        projectChecksWalkMs,
        projectFindings,
        lintAllMs,
        lintAllReports,
        lintAllMessage: observed.messages.pop(),
        cancelled,
        lintedMb,
        closedMb,
      }),
    );
    process.exit(0);
  });
  return;
}

console.error(`unknown mode ${mode}`);
process.exit(2);

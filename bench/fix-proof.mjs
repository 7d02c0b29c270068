// Proof that fix-all is safe on real code: node bench/fix-proof.mjs [--engine dist/engine.js] <folder>… (after `node esbuild.mjs`).
// For every route file below each folder, applies the edits fix-all would make (every safe fix)
// and checks three things:
//   1. the fixed file parses;
//   2. an isolated type check (no module resolution: imports are `any`, the app's dependencies
//      are not needed) reports no diagnostic that the original file did not have;
//   3. every edit stays inside the handler the finding is about (or, for a finding about the
//      file, inside an import declaration or as an insertion between top-level statements).
// Prints the figures per rule and lists every failure; exits 1 when any check fails.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ts = require('typescript');
const { listFiles } = require('./files.cjs');

const argv = process.argv.slice(2);
const engineArg = argv.indexOf('--engine');
const enginePath = engineArg >= 0 ? path.resolve(argv.splice(engineArg, 2)[1]) : path.join(ROOT, 'dist', 'engine.js');
const engine = require(enginePath);
const folders = argv;
if (!folders.length) {
  console.error('usage: node bench/fix-proof.mjs [--engine dist/engine.js] <folder>…');
  process.exit(2);
}

const COMPILER_OPTIONS = {
  noResolve: true,
  noEmit: true,
  noLib: false,
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  jsx: ts.JsxEmit.Preserve,
  skipLibCheck: true,
  types: [],
};

const baseHost = ts.createCompilerHost(COMPILER_OPTIONS, true);
const libCache = new Map();

/** Diagnostics of one file checked on its own, as "code message" strings (positions dropped). */
function isolatedDiagnostics(fileName, text) {
  const host = {
    ...baseHost,
    fileExists: (name) => name === fileName || baseHost.fileExists(name),
    readFile: (name) => (name === fileName ? text : baseHost.readFile(name)),
    getSourceFile: (name, lang) => {
      if (name === fileName) return ts.createSourceFile(name, text, lang, true);
      if (!libCache.has(name)) libCache.set(name, baseHost.getSourceFile(name, lang));
      return libCache.get(name);
    },
  };
  const program = ts.createProgram([fileName], COMPILER_OPTIONS, host);
  const sf = program.getSourceFile(fileName);
  return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map(
    (d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
  );
}

function newDiagnostics(before, after) {
  const left = new Map();
  for (const d of before) left.set(d, (left.get(d) ?? 0) + 1);
  const added = [];
  for (const d of after) {
    const n = left.get(d) ?? 0;
    if (n > 0) left.set(d, n - 1);
    else added.push(d);
  }
  return added;
}

/** The span an edit of this finding may touch: its handler, or file-level places. */
function editAllowed(doc, handlers, finding, edit) {
  const fn = handlers.find((h) => h.fn && h.fn.getStart() <= finding.span.start && finding.span.end <= h.fn.end)?.fn;
  if (fn && fn.getStart() <= edit.span.start && edit.span.end <= fn.end) return true;
  const sf = doc.sourceFile;
  for (const st of sf.statements) {
    const inside = st.getStart() <= edit.span.start && edit.span.end <= st.end;
    if (inside && ts.isImportDeclaration(st)) return true;
  }
  // An insertion between top-level statements (a new import, a new OPTIONS export), replacing
  // at most the whitespace there
  if (/\S/.test(doc.text.slice(edit.span.start, edit.span.end))) return false;
  return !sf.statements.some((st) => st.getStart() < edit.span.end && edit.span.start < st.end);
}

function proveFile(file, index, stats, failures) {
  const info = index.routeFile(file);
  if (!info) return;
  const text = fs.readFileSync(file, 'utf8');
  const doc = engine.parseDocument(file, text);
  const findings = engine.lintDocument(doc, {
    route: engine.lintRouteInfo(info),
    project: engine.lintProjectInfo(index.layoutFor(file)),
    fixes: true,
  });
  const edits = engine.fixAllEdits(findings);
  if (!edits.length) return;
  const handlers = engine.findHandlers(doc);
  const chosen = new Set(edits);
  for (const f of findings) {
    if (!f.fix || !f.fix.edits.some((e) => chosen.has(e))) continue;
    const row = (stats[f.ruleId] ??= { fixes: 0, outside: 0 });
    row.fixes++;
    for (const e of f.fix.edits) {
      if (editAllowed(doc, handlers, f, e)) continue;
      row.outside++;
      failures.push(
        `${file}:${f.range.start.line + 1} ${f.ruleId}: edit at ${e.span.start}-${e.span.end} is outside its handler`,
      );
    }
  }
  const fixed = engine.applyEdits(text, edits);
  const parsed = engine.parseDocument(file, fixed);
  stats.files++;
  if (parsed.parseErrors.length) {
    stats.parseFailures++;
    failures.push(`${file}: fixed text does not parse: ${parsed.parseErrors[0].message}`);
  }
  const added = newDiagnostics(isolatedDiagnostics(file, text), isolatedDiagnostics(file, fixed));
  if (added.length) {
    stats.typeFailures++;
    failures.push(`${file}: new type errors after fix-all:\n    ${added.join('\n    ')}`);
  }
}

const index = new engine.ProjectIndex();
const stats = { files: 0, parseFailures: 0, typeFailures: 0 };
const failures = [];
for (const folder of folders)
  for (const file of listFiles(path.resolve(folder))) proveFile(file, index, stats, failures);
const { files, parseFailures, typeFailures, ...rules } = stats;
console.log(`files changed by fix-all: ${files}; not parsing: ${parseFailures}; with new type errors: ${typeFailures}`);
for (const [id, r] of Object.entries(rules))
  console.log(`  ${id.padEnd(30)} fixes ${r.fixes}  edits outside the handler ${r.outside}`);
for (const f of failures) console.log(`FAIL ${f}`);
process.exit(failures.length ? 1 : 0);

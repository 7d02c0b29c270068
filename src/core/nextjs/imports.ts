/**
 * Following names across the app's own modules, for one question (a route's methods, one
 * handler's request): an imported identifier to the export it names, through
 * `export { x } from`, `export *` and `import … ; export { … }` chains. Bounded by the
 * graph's limits (module hops, files read, time) and guarded against import cycles; a
 * dependency (`node_modules`), a missing module or a file over the size limit simply ends
 * the trail.
 */
import * as ts from 'typescript';
import type { ParsedDocument } from '../ast/parse';
import { findDeclaration, unwrap } from '../ast/query';
import { findRouteExports, type RouteExport } from './exports';
import type { ModuleGraph } from './modules';

export interface ModuleExport {
  /** The module that declares it. */
  readonly doc: ParsedDocument;
  readonly export: RouteExport;
}

/** The module specifier and imported name an identifier is bound to by an import in its file. */
export function importBinding(id: ts.Identifier): { readonly specifier: string; readonly name: string } | undefined {
  const decl = findDeclaration(id.text, id);
  if (!decl) return undefined;
  let statement: ts.Node | undefined;
  let name: string | undefined;
  if (ts.isImportSpecifier(decl)) {
    if (decl.isTypeOnly) return undefined;
    name = (decl.propertyName ?? decl.name).text;
    statement = decl.parent.parent.parent;
  } else if (ts.isImportClause(decl)) {
    name = 'default';
    statement = decl.parent;
  } else if (ts.isNamespaceImport(decl)) {
    name = '*';
    statement = decl.parent.parent;
  }
  if (!statement || !name || !ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier))
    return undefined;
  if (statement.importClause?.isTypeOnly) return undefined;
  return { specifier: statement.moduleSpecifier.text, name };
}

export class ModuleFollower {
  private readonly started = Date.now();
  private readonly depths = new Map<ts.SourceFile, number>();
  /** Files read for this question and their change stamps (to tell when a cached answer is stale). */
  readonly stamps = new Map<string, string | undefined>();
  /** Set when a limit stopped the following (the answer may be incomplete). */
  truncated = false;

  constructor(readonly graph: ModuleGraph) {}

  /** Depth of a module: 0 for the file the question started in. */
  depthOf(sf: ts.SourceFile): number {
    return this.depths.get(sf) ?? 0;
  }

  private spent(): boolean {
    const { budgetMs, maxFiles } = this.graph.limits;
    if (Date.now() - this.started > budgetMs || this.stamps.size >= maxFiles) this.truncated = true;
    return this.truncated;
  }

  /** The module `specifier` names, seen from `from`; undefined past a limit, for dependencies and missing files. */
  module(from: ts.SourceFile, specifier: string): ParsedDocument | undefined {
    const depth = this.depthOf(from) + 1;
    if (depth > this.graph.limits.maxDepth) {
      this.truncated = true;
      return undefined;
    }
    const file = this.graph.resolve(from.fileName, specifier);
    if (!file) return undefined;
    if (!this.stamps.has(file) && this.spent()) return undefined;
    const doc = this.graph.load(file);
    this.stamps.set(file, this.graph.stamp(file));
    if (!doc) return undefined;
    const known = this.depths.get(doc.sourceFile);
    if (known === undefined || depth < known) this.depths.set(doc.sourceFile, depth);
    return doc;
  }

  /** What an identifier imported from the app's own module names there. */
  imported(id: ts.Identifier): ModuleExport | undefined {
    const binding = importBinding(id);
    if (!binding || binding.name === '*') return undefined;
    const doc = this.module(id.getSourceFile(), binding.specifier);
    return doc ? this.exportOf(doc, binding.name) : undefined;
  }

  /** `ns.member` where `import * as ns from './x'`. */
  importedMember(expr: ts.PropertyAccessExpression): ModuleExport | undefined {
    const target = unwrap(expr.expression);
    if (!ts.isIdentifier(target)) return undefined;
    const binding = importBinding(target);
    if (!binding || binding.name !== '*') return undefined;
    const doc = this.module(target.getSourceFile(), binding.specifier);
    return doc ? this.exportOf(doc, expr.name.text) : undefined;
  }

  /** The export `name` of a module, through re-exports, `export *` and imports it re-exports. */
  exportOf(doc: ParsedDocument, name: string, seen = new Set<ParsedDocument>()): ModuleExport | undefined {
    if (seen.has(doc)) return undefined;
    seen.add(doc);
    const all = findRouteExports(doc);
    for (const e of all) {
      if (e.name !== name || e.form === 'star') continue;
      if (e.form === 're-export') return this.reExported(doc, e, seen);
      if (!e.fn && e.initializer && ts.isIdentifier(unwrap(e.initializer)))
        return this.imported(unwrap(e.initializer) as ts.Identifier) ?? { doc, export: e };
      if (e.form === 'specifier' && !e.fn && !e.initializer) {
        const local = localNameOf(e);
        const via = local ? this.imported(local) : undefined;
        if (via) return via;
      }
      return { doc, export: e };
    }
    if (name === 'default') return undefined;
    for (const e of all) {
      if (e.form !== 'star' || !ts.isExportDeclaration(e.statement)) continue;
      const target = this.targetOf(doc, e.statement);
      const found = target && this.exportOf(target, name, seen);
      if (found) return found;
    }
    return undefined;
  }

  /** Every export of the module an `export * from` points to (through further stars), by name. */
  starExports(doc: ParsedDocument, statement: ts.ExportDeclaration, seen = new Set<ParsedDocument>()): ModuleExport[] {
    const target = this.targetOf(doc, statement);
    if (!target || seen.has(target)) return [];
    seen.add(target);
    const out: ModuleExport[] = [];
    const names = new Set<string>();
    for (const e of findRouteExports(target)) {
      if (e.form === 'star' || e.name === 'default' || names.has(e.name)) continue;
      names.add(e.name);
      const found = this.exportOf(target, e.name) ?? { doc: target, export: e };
      out.push(found);
    }
    for (const e of findRouteExports(target)) {
      if (e.form !== 'star' || !ts.isExportDeclaration(e.statement)) continue;
      for (const inner of this.starExports(target, e.statement, seen)) {
        if (names.has(inner.export.name)) continue;
        names.add(inner.export.name);
        out.push(inner);
      }
    }
    return out;
  }

  private targetOf(doc: ParsedDocument, statement: ts.ExportDeclaration): ParsedDocument | undefined {
    const spec = statement.moduleSpecifier;
    return spec && ts.isStringLiteral(spec) ? this.module(doc.sourceFile, spec.text) : undefined;
  }

  /** `export { a as b } from './x'`: export `a` of ./x. */
  private reExported(doc: ParsedDocument, e: RouteExport, seen: Set<ParsedDocument>): ModuleExport | undefined {
    const statement = e.statement;
    if (!ts.isExportDeclaration(statement) || !statement.exportClause) return undefined;
    if (!ts.isNamedExports(statement.exportClause)) return undefined;
    const element = statement.exportClause.elements.find((el) => el.name.text === e.name);
    const target = this.targetOf(doc, statement);
    if (!element || !target) return undefined;
    const original = (element.propertyName ?? element.name).text;
    return this.exportOf(target, original, seen);
  }
}

/** The local identifier of `export { local as NAME }`. */
function localNameOf(e: RouteExport): ts.Identifier | undefined {
  const statement = e.statement;
  if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause))
    return undefined;
  const element = statement.exportClause.elements.find((el) => el.name.text === e.name);
  const local = element && (element.propertyName ?? element.name);
  return local && ts.isIdentifier(local) ? local : undefined;
}

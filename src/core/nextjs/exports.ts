/**
 * What a route file exports, found from its syntax tree: every form Next.js accepts,
 * because Next reads handlers as module properties (`handlers[method]`):
 *   export async function GET() {}
 *   export const GET = async () => {}
 *   export const GET = withAuth(handler)
 *   export { handler as GET, handler as POST }
 *   export const { GET, POST } = handlers          (Auth.js)
 *   export { GET } from './shared'
 */
import * as ts from 'typescript';
import type { ParsedDocument } from '../ast/parse';
import { findDeclaration, hasModifier, resolveFunction, unwrap, type FunctionNode } from '../ast/query';
import type { Span } from '../types';
import { isHttpMethod, isSegmentConfigName, isValidRouteExportName, type HttpMethod } from './httpMethods';

export type ExportForm =
  | 'function' // export function GET() {}
  | 'variable' // export const GET = …
  | 'destructured' // export const { GET } = handlers
  | 'specifier' // export { handler as GET }
  | 're-export' // export { GET } from './x'
  | 'star' // export * from './x'
  | 'default' // export default …
  | 'declaration'; // export class / enum / namespace

export interface RouteExport {
  /** Exported name (`default` for a default export, `*` for `export *`). */
  readonly name: string;
  readonly form: ExportForm;
  /** Set when `name` is one of the HTTP methods Next.js dispatches to. */
  readonly method?: HttpMethod;
  readonly isSegmentConfig: boolean;
  /** Whether `next build` accepts this export name in a route file. */
  readonly isValidName: boolean;
  /** The exported name as written (where a code lens or a diagnostic hangs). */
  readonly nameSpan: Span;
  /** The whole export statement. */
  readonly statementSpan: Span;
  readonly statement: ts.Statement;
  /** The handler's function, when it can be found in this file. */
  readonly fn?: FunctionNode;
  /** For `export const GET = withAuth(handler)`: the wrapping call. */
  readonly wrapper?: ts.CallExpression;
  /** For `export const X = value`: the initializer. */
  readonly initializer?: ts.Expression;
}

export interface HandlerExport extends RouteExport {
  readonly method: HttpMethod;
}

function span(doc: ParsedDocument, node: ts.Node): Span {
  return doc.spanOf(node);
}

/** Unwraps `withAuth(handler)`, `withAuth(async (req) => …)`, `compose(a)(b)` to the function it wraps. */
function handlerFromInitializer(init: ts.Expression): { fn?: FunctionNode; wrapper?: ts.CallExpression } {
  const value = unwrap(init);
  const direct = resolveFunction(value);
  if (direct) return { fn: direct };
  if (ts.isCallExpression(value)) {
    for (let i = value.arguments.length - 1; i >= 0; i--) {
      const arg = value.arguments[i]!;
      if (ts.isSpreadElement(arg)) continue;
      const fn = resolveFunction(arg);
      if (fn) return { fn, wrapper: value };
    }
    // `wrap(options)(handler)` style
    if (ts.isCallExpression(unwrap(value.expression))) {
      const inner = handlerFromInitializer(value.expression);
      if (inner.fn) return { fn: inner.fn, wrapper: value };
    }
    return { wrapper: value };
  }
  return {};
}

function classify(name: string): Pick<RouteExport, 'method' | 'isSegmentConfig' | 'isValidName'> {
  return {
    ...(isHttpMethod(name) ? { method: name } : {}),
    isSegmentConfig: isSegmentConfigName(name),
    isValidName: isValidRouteExportName(name),
  };
}

export function findRouteExports(doc: ParsedDocument): readonly RouteExport[] {
  return doc.memo('routeExports', () => computeRouteExports(doc));
}

export function findHandlers(doc: ParsedDocument): readonly HandlerExport[] {
  return doc.memo('routeHandlers', () =>
    findRouteExports(doc).filter((e): e is HandlerExport => e.method !== undefined),
  );
}

/** The functions of the file's handlers (a request parameter of one of them is a NextRequest). */
export function findHandlerFunctions(doc: ParsedDocument): ReadonlySet<ts.Node> {
  return doc.memo('routeHandlerFunctions', () => new Set(findHandlers(doc).flatMap((h) => (h.fn ? [h.fn] : []))));
}

/** The handler an export leads to: its function, the wrapping call, the initializer. */
interface Found {
  readonly fn?: FunctionNode | undefined;
  readonly wrapper?: ts.CallExpression | undefined;
  readonly initializer?: ts.Expression | undefined;
}

/** One export of `statement`: its name and form, where the name is written, and what it leads to. */
interface ExportParts {
  readonly name: string;
  readonly form: ExportForm;
  readonly nameNode: ts.Node;
  readonly found?: Found;
}

function routeExport(doc: ParsedDocument, statement: ts.Statement, parts: ExportParts): RouteExport {
  const { name, form, nameNode, found = {} } = parts;
  return {
    name,
    form,
    ...classify(name),
    nameSpan: span(doc, nameNode),
    statementSpan: span(doc, statement),
    statement,
    ...(found.fn ? { fn: found.fn } : {}),
    ...(found.wrapper ? { wrapper: found.wrapper } : {}),
    ...(found.initializer ? { initializer: found.initializer } : {}),
  };
}

/** `export function GET() {}`, `export default function () {}`. */
function functionExports(doc: ParsedDocument, statement: ts.FunctionDeclaration): RouteExport[] {
  const found = { fn: statement.body ? statement : undefined };
  if (hasModifier(statement, ts.SyntaxKind.DefaultKeyword))
    return [
      routeExport(doc, statement, { name: 'default', form: 'default', nameNode: statement.name ?? statement, found }),
    ];
  if (!statement.name) return [];
  return [
    routeExport(doc, statement, { name: statement.name.text, form: 'function', nameNode: statement.name, found }),
  ];
}

/** `export const GET = …`, `export const { GET, POST } = handlers`. */
function variableExports(doc: ParsedDocument, statement: ts.VariableStatement): RouteExport[] {
  const out: RouteExport[] = [];
  for (const decl of statement.declarationList.declarations) {
    if (!ts.isIdentifier(decl.name)) {
      collectBindingExports(doc, decl.name, statement, span(doc, statement), out);
      continue;
    }
    const init = decl.initializer;
    const found = { ...(init ? handlerFromInitializer(init) : {}), initializer: init };
    out.push(routeExport(doc, statement, { name: decl.name.text, form: 'variable', nameNode: decl.name, found }));
  }
  return out;
}

/** `export { handler as GET }`: the local function or initializer it names. */
function specifierExport(
  doc: ParsedDocument,
  statement: ts.ExportDeclaration,
  element: ts.ExportSpecifier,
): RouteExport {
  const name = element.name.text;
  const local = findDeclaration((element.propertyName ?? element.name).getText(doc.sourceFile), doc.sourceFile);
  let found: Found = {};
  if (local && ts.isFunctionDeclaration(local) && local.body) found = { fn: local };
  else if (local && ts.isVariableDeclaration(local) && local.initializer)
    found = { ...handlerFromInitializer(local.initializer), initializer: local.initializer };
  const form: ExportForm = name === 'default' ? 'default' : 'specifier';
  return routeExport(doc, statement, { name, form, nameNode: element.name, found });
}

/** `export { a, b as GET }`, `export { GET } from './x'`, `export * from './x'`, `export * as ns from './x'`. */
function exportDeclarationExports(doc: ParsedDocument, statement: ts.ExportDeclaration): RouteExport[] {
  if (statement.isTypeOnly) return [];
  const clause = statement.exportClause;
  if (!clause) return [routeExport(doc, statement, { name: '*', form: 'star', nameNode: statement })];
  if (ts.isNamespaceExport(clause)) {
    const name = clause.name.getText(doc.sourceFile);
    return [routeExport(doc, statement, { name, form: 're-export', nameNode: clause.name })];
  }
  return clause.elements
    .filter((element) => !element.isTypeOnly)
    .map((element) =>
      statement.moduleSpecifier
        ? routeExport(doc, statement, { name: element.name.text, form: 're-export', nameNode: element.name })
        : specifierExport(doc, statement, element),
    );
}

/** `export default x` (isExportEquals: `export = x`). */
function exportAssignmentExport(doc: ParsedDocument, statement: ts.ExportAssignment): RouteExport {
  const found = { fn: resolveFunction(statement.expression), initializer: statement.expression };
  const nameNode = statement.getChildAt(1, doc.sourceFile) ?? statement;
  return routeExport(doc, statement, { name: 'default', form: 'default', nameNode, found });
}

/** `export class` / `export enum` / `export namespace` (not `declare`). */
function declarationExports(
  doc: ParsedDocument,
  statement: ts.ClassDeclaration | ts.EnumDeclaration | ts.ModuleDeclaration,
): RouteExport[] {
  if (!hasModifier(statement, ts.SyntaxKind.ExportKeyword) || hasModifier(statement, ts.SyntaxKind.DeclareKeyword))
    return [];
  const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
  const nameNode = statement.name;
  const name = isDefault ? 'default' : nameNode ? nameNode.getText(doc.sourceFile) : 'default';
  const form = isDefault ? 'default' : 'declaration';
  return [routeExport(doc, statement, { name, form, nameNode: nameNode ?? statement })];
}

function exportsOf(doc: ParsedDocument, statement: ts.Statement): RouteExport[] {
  const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
  if (ts.isFunctionDeclaration(statement)) return exported ? functionExports(doc, statement) : [];
  if (ts.isVariableStatement(statement)) return exported ? variableExports(doc, statement) : [];
  if (ts.isExportDeclaration(statement)) return exportDeclarationExports(doc, statement);
  if (ts.isExportAssignment(statement)) return [exportAssignmentExport(doc, statement)];
  if (ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement))
    return declarationExports(doc, statement);
  return [];
}

function computeRouteExports(doc: ParsedDocument): RouteExport[] {
  return doc.sourceFile.statements.flatMap((statement) => exportsOf(doc, statement));
}

function collectBindingExports(
  doc: ParsedDocument,
  pattern: ts.BindingPattern,
  statement: ts.VariableStatement,
  statementSpan: Span,
  out: RouteExport[],
): void {
  for (const element of pattern.elements) {
    if (!ts.isBindingElement(element)) continue;
    if (ts.isIdentifier(element.name)) {
      const name = element.name.text;
      out.push({
        name,
        form: 'destructured',
        ...classify(name),
        nameSpan: span(doc, element.name),
        statementSpan,
        statement,
      });
    } else {
      collectBindingExports(doc, element.name, statement, statementSpan, out);
    }
  }
}

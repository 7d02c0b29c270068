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

function computeRouteExports(doc: ParsedDocument): RouteExport[] {
  const sf = doc.sourceFile;
  const out: RouteExport[] = [];
  for (const statement of sf.statements) {
    const statementSpan = span(doc, statement);
    if (ts.isFunctionDeclaration(statement) && hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      if (hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) {
        out.push({
          name: 'default',
          form: 'default',
          ...classify('default'),
          nameSpan: span(doc, statement.name ?? statement),
          statementSpan,
          statement,
          ...(statement.body ? { fn: statement } : {}),
        });
      } else if (statement.name) {
        out.push({
          name: statement.name.text,
          form: 'function',
          ...classify(statement.name.text),
          nameSpan: span(doc, statement.name),
          statementSpan,
          statement,
          ...(statement.body ? { fn: statement } : {}),
        });
      }
    } else if (ts.isVariableStatement(statement) && hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      for (const decl of statement.declarationList.declarations) {
        if (ts.isIdentifier(decl.name)) {
          const found = decl.initializer ? handlerFromInitializer(decl.initializer) : {};
          out.push({
            name: decl.name.text,
            form: 'variable',
            ...classify(decl.name.text),
            nameSpan: span(doc, decl.name),
            statementSpan,
            statement,
            ...(found.fn ? { fn: found.fn } : {}),
            ...(found.wrapper ? { wrapper: found.wrapper } : {}),
            ...(decl.initializer ? { initializer: decl.initializer } : {}),
          });
        } else {
          collectBindingExports(doc, decl.name, statement, statementSpan, out);
        }
      }
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const clause = statement.exportClause;
      if (!clause) {
        out.push({ name: '*', form: 'star', ...classify('*'), nameSpan: statementSpan, statementSpan, statement });
        continue;
      }
      if (ts.isNamespaceExport(clause)) {
        const name = clause.name.getText(sf);
        out.push({
          name,
          form: 're-export',
          ...classify(name),
          nameSpan: span(doc, clause.name),
          statementSpan,
          statement,
        });
        continue;
      }
      for (const element of clause.elements) {
        if (element.isTypeOnly) continue;
        const name = element.name.text;
        if (statement.moduleSpecifier) {
          out.push({
            name,
            form: 're-export',
            ...classify(name),
            nameSpan: span(doc, element.name),
            statementSpan,
            statement,
          });
          continue;
        }
        const localName = (element.propertyName ?? element.name).getText(sf);
        const local = findDeclaration(localName, sf);
        let fn: FunctionNode | undefined;
        let wrapper: ts.CallExpression | undefined;
        let initializer: ts.Expression | undefined;
        if (local && ts.isFunctionDeclaration(local) && local.body) fn = local;
        else if (local && ts.isVariableDeclaration(local) && local.initializer) {
          initializer = local.initializer;
          const found = handlerFromInitializer(local.initializer);
          fn = found.fn;
          wrapper = found.wrapper;
        }
        const form: ExportForm = name === 'default' ? 'default' : 'specifier';
        out.push({
          name,
          form,
          ...classify(name),
          nameSpan: span(doc, element.name),
          statementSpan,
          statement,
          ...(fn ? { fn } : {}),
          ...(wrapper ? { wrapper } : {}),
          ...(initializer ? { initializer } : {}),
        });
      }
    } else if (ts.isExportAssignment(statement)) {
      // `export default x` (isExportEquals: `export = x`)
      const fn = resolveFunction(statement.expression);
      out.push({
        name: 'default',
        form: 'default',
        ...classify('default'),
        nameSpan: span(doc, statement.getChildAt(1, sf) ?? statement),
        statementSpan,
        statement,
        ...(fn ? { fn } : {}),
        initializer: statement.expression,
      });
    } else if (
      (ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) &&
      hasModifier(statement, ts.SyntaxKind.ExportKeyword) &&
      !hasModifier(statement, ts.SyntaxKind.DeclareKeyword)
    ) {
      const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
      const nameNode = statement.name;
      const name = isDefault ? 'default' : nameNode ? nameNode.getText(sf) : 'default';
      out.push({
        name,
        form: isDefault ? 'default' : 'declaration',
        ...classify(name),
        nameSpan: span(doc, nameNode ?? statement),
        statementSpan,
        statement,
      });
    }
  }
  return out;
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

import * as ts from 'typescript';
import { findDeclaration, indentationAt, isFunctionNode, unwrap, type FunctionNode } from '../ast/query';
import { addNamedImport, hasMultilineLiteral, indentLines, quote } from '../lint/fixes';
import { isGuardedByTryCatch } from '../lint/helpers';
import { defineRule, type EditSpec, type FixSpec } from '../lint/rule';

/** Awaits that are not I/O worth a try/catch of their own (other rules cover the body reads). */
const NOT_IO_CALLS = new Set(['cookies', 'headers', 'draftMode', 'connection', 'json', 'text', 'formData', 'arrayBuffer', 'blob', 'bytes']);
const NAVIGATION = new Set(['redirect', 'permanentRedirect', 'notFound', 'forbidden', 'unauthorized']);

function isParamsLike(e: ts.Expression): boolean {
  return (ts.isIdentifier(e) && e.text === 'params') || (ts.isPropertyAccessExpression(e) && (e.name.text === 'params' || e.name.text === 'searchParams'));
}

function awaitsNeedingGuard(fn: FunctionNode): ts.AwaitExpression[] {
  const out: ts.AwaitExpression[] = [];
  if (!fn.body || !ts.isBlock(fn.body)) return out;
  const walk = (n: ts.Node): void => {
    if (isFunctionNode(n)) return;
    if (ts.isAwaitExpression(n) && !isGuardedByTryCatch(n)) {
      const e = unwrap(n.expression);
      let skip = isParamsLike(e);
      if (!skip && ts.isCallExpression(e)) {
        const callee = unwrap(e.expression);
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        // `await x.catch(...)` handles its own rejection
        if (name && (NOT_IO_CALLS.has(name) || name === 'catch')) skip = true;
        // a local function that handles its own errors
        if (!skip && ts.isIdentifier(callee)) {
          const decl = findDeclaration(callee.text, callee);
          const body = decl && ts.isFunctionDeclaration(decl) ? decl.body : decl && ts.isVariableDeclaration(decl) && decl.initializer && isFunctionNode(unwrap(decl.initializer)) ? (unwrap(decl.initializer) as FunctionNode).body : undefined;
          if (body && ts.isBlock(body) && body.statements.some((s) => ts.isTryStatement(s) && s.catchClause)) skip = true;
        }
      }
      if (!skip) out.push(n);
    }
    ts.forEachChild(n, walk);
  };
  ts.forEachChild(fn.body, walk);
  return out;
}

/**
 * An exception that escapes a route handler becomes Next.js's generic 500 — an HTML error
 * page in dev, an empty body in production — and a client that expected JSON gets neither
 * a message nor a consistent shape.
 */
export default defineRule({
  id: 'require-try-catch',
  meta: {
    description: 'A handler that awaits I/O (database, fetch, services) outside any try/catch.',
    defaultSeverity: 'warning',
    fixable: 'safe',
  },
  messages: {
    unguardedAwait:
      '`await {{expr}}` can throw outside any try/catch: the client then gets Next.js\'s generic 500 instead of a JSON error. Wrap the handler body in try/catch and answer `{ error }` with status 500.',
  },
  create(ctx) {
    const navigationImported = (): boolean =>
      ctx.sourceFile.statements.some(
        (s) =>
          ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text === 'next/navigation' &&
          !!s.importClause?.namedBindings && ts.isNamedImports(s.importClause.namedBindings) &&
          s.importClause.namedBindings.elements.some((e) => NAVIGATION.has((e.propertyName ?? e.name).text)),
      );
    const wrapFix = (fn: FunctionNode): FixSpec | undefined => {
      const body = fn.body;
      if (!body || !ts.isBlock(body) || body.statements.length === 0) return undefined;
      if (hasMultilineLiteral(ctx.sourceFile, body)) return undefined;
      const first = body.statements[0]!;
      const last = body.statements[body.statements.length - 1]!;
      const start = first.getStart(ctx.sourceFile);
      const indent = indentationAt(ctx.text, start);
      const u = ctx.style.indentUnit;
      const semi = ctx.style.semicolons ? ';' : '';
      const inner = indentLines(ctx.text.slice(start, last.end), u);
      const rethrow = navigationImported();
      const catchLines = [
        ...(rethrow ? [`${indent}${u}unstable_rethrow(error)${semi}`] : []),
        `${indent}${u}console.error(error)${semi}`,
        `${indent}${u}return Response.json({ error: ${quote(ctx.style, 'Internal Server Error')} }, { status: 500 })${semi}`,
      ];
      const text = `try {\n${indent}${u}${inner}\n${indent}} catch (error) {\n${catchLines.join('\n')}\n${indent}}`;
      const edits: EditSpec[] = [{ start, end: last.end, text }];
      if (rethrow) {
        const imp = addNamedImport(ctx.sourceFile, ctx.style, 'next/navigation', 'unstable_rethrow');
        if (imp) edits.unshift(imp);
      }
      return { title: 'Wrap the handler in try/catch answering a JSON 500', edits };
    };
    return {
      onEnd() {
        const seen = new Set<ts.Node>();
        for (const h of ctx.handlers) {
          if (!h.fn || seen.has(h.fn) || h.wrapper) continue;
          seen.add(h.fn);
          const [first] = awaitsNeedingGuard(h.fn);
          if (!first) continue;
          const fn = h.fn;
          const expr = first.expression.getText(ctx.sourceFile);
          ctx.report({
            node: first,
            messageId: 'unguardedAwait',
            data: { expr: expr.length > 50 ? expr.slice(0, 47) + '…' : expr },
            fix: () => wrapFix(fn),
          });
        }
      },
    };
  },
});

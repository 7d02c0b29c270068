import * as ts from 'typescript';
import { findNamedImport, importedName } from '../ast/imports';
import { calleeName, findDeclaration, indentationAt, isFunctionNode, unwrap, type FunctionNode } from '../ast/query';
import { jsonResponseObject } from '../lint/analysis/responseStyle';
import { ensureImport } from '../lint/analysis/nextImports';
import { hasMultilineLiteral, indentLines, quote } from '../lint/fixes';
import { isGuardedByTryCatch } from '../lint/helpers';
import { defineRule, type EditSpec, type FixSpec } from '../lint/rule';

/**
 * Awaited calls that are not I/O worth a try/catch of their own: Next's request APIs
 * (`cookies()`, `headers()`, `draftMode()`, `connection()`), and body reads, which
 * `unguarded-json-parse` owns (a malformed body deserves a 400, not this rule's 500).
 */
const NOT_IO_CALLS = new Set([
  'cookies',
  'headers',
  'draftMode',
  'connection',
  'json',
  'text',
  'formData',
  'arrayBuffer',
  'blob',
  'bytes',
]);
const NAVIGATION = new Set(['redirect', 'permanentRedirect', 'notFound', 'forbidden', 'unauthorized']);

/** `params`, `context.params`, `props.searchParams`: promises of values Next already has. */
function isParamsLike(e: ts.Expression): boolean {
  return (
    (ts.isIdentifier(e) && (e.text === 'params' || e.text === 'searchParams')) ||
    (ts.isPropertyAccessExpression(e) && (e.name.text === 'params' || e.name.text === 'searchParams'))
  );
}

/** Whether `node` sits in a catch clause or finally block of its own function (already the error path). */
function inErrorPath(node: ts.Node): boolean {
  let child: ts.Node = node;
  for (let p = node.parent; p && !isFunctionNode(p); child = p, p = p.parent) {
    if (ts.isCatchClause(p)) return true;
    if (ts.isTryStatement(p) && p.finallyBlock === child) return true;
  }
  return false;
}

/** A function declared in this file whose body catches its own errors (a top-level try/catch). */
function catchesOwnErrors(callee: ts.Identifier): boolean {
  const decl = findDeclaration(callee.text, callee);
  let fn: ts.Node | undefined;
  if (decl && ts.isFunctionDeclaration(decl)) fn = decl;
  else if (decl && ts.isVariableDeclaration(decl) && decl.initializer) fn = unwrap(decl.initializer);
  if (!fn || !isFunctionNode(fn) || !fn.body || !ts.isBlock(fn.body)) return false;
  return fn.body.statements.some((s) => ts.isTryStatement(s) && !!s.catchClause);
}

/** `return await handle(req)`: the awaited call builds the handler's response itself. */
function isDelegation(node: ts.AwaitExpression, call: ts.CallExpression): boolean {
  let top: ts.Node = node;
  while (ts.isParenthesizedExpression(top.parent)) top = top.parent;
  const p = top.parent;
  const returned = ts.isReturnStatement(p) || (ts.isArrowFunction(p) && p.body === top);
  return returned && calleeName(call) !== 'fetch';
}

/** Why an await is no I/O needing a guard, or undefined when it is. */
function isExempt(node: ts.AwaitExpression): boolean {
  if (isGuardedByTryCatch(node) || inErrorPath(node)) return true;
  const e = unwrap(node.expression);
  if (isParamsLike(e)) return true;
  // `await new Promise((r) => setTimeout(r, 100))`
  if (ts.isNewExpression(e)) return true;
  if (!ts.isCallExpression(e)) return false;
  const name = calleeName(e);
  // `await x.catch(…)` handles its own rejection
  if (name && (NOT_IO_CALLS.has(name) || name === 'catch')) return true;
  const callee = unwrap(e.expression);
  if (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Promise' &&
    name === 'resolve'
  )
    return true;
  if (ts.isIdentifier(callee) && catchesOwnErrors(callee)) return true;
  return isDelegation(node, e);
}

/** The first await in `fn` (outside nested functions) that can throw with nothing to catch it. */
function firstUnguardedAwait(fn: FunctionNode): ts.AwaitExpression | undefined {
  if (!fn.body) return undefined;
  let found: ts.AwaitExpression | undefined;
  const walk = (n: ts.Node): void => {
    if (found || isFunctionNode(n)) return;
    if (ts.isAwaitExpression(n) && !isExempt(n)) {
      found = n;
      return;
    }
    ts.forEachChild(n, walk);
  };
  walk(fn.body);
  return found;
}

/** One line of the awaited expression for the message: `db.posts.findMany(…)`. */
function describe(node: ts.AwaitExpression, sf: ts.SourceFile): string {
  const e = unwrap(node.expression);
  let text: string;
  if (ts.isCallExpression(e)) text = `${e.expression.getText(sf)}(${e.arguments.length ? '…' : ''})`;
  else text = e.getText(sf);
  text = text.replace(/\s+/g, ' ');
  return text.length > 60 ? text.slice(0, 57) + '…' : text;
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
      "`await {{expr}}` can throw, and nothing catches it here: the client then gets Next.js's generic 500 page instead of a JSON error, and nothing is logged with context. Wrap the handler body in try/catch, log the error and answer `{ error }` with status 500.",
  },
  create(ctx) {
    const navigationImported = (): boolean =>
      !!findNamedImport(ctx.sourceFile, 'next/navigation', (s) => NAVIGATION.has(importedName(s)));

    /** `try { <inner> } catch (error) { … }` with every line after the first at `indent`. */
    const tryCatch = (inner: string, indent: string): { text: string; edits: EditSpec[] } => {
      const u = ctx.style.indentUnit;
      const semi = ctx.style.semicolons ? ';' : '';
      const edits: EditSpec[] = [];
      const catchLines: string[] = [];
      if (navigationImported()) {
        // `redirect()`/`notFound()` work by throwing: the catch must let them through.
        const imp =
          ctx.project.nextMajor === undefined || ctx.project.nextMajor >= 15
            ? ensureImport(ctx.sourceFile, ctx.style, 'next/navigation', 'unstable_rethrow', 'value')
            : 'conflict';
        if (imp !== 'conflict') {
          catchLines.push(`unstable_rethrow(error)${semi}`);
          if (imp.edit) edits.push(imp.edit);
        } else {
          // Before Next.js 15 (or with the name taken): rethrow errors carrying Next's `digest` marker.
          const q = ctx.style.quote;
          catchLines.push(
            `if (error instanceof Error && ${q}digest${q} in error && String(error.digest).startsWith(${q}NEXT_${q})) throw error${semi}`,
          );
        }
      }
      catchLines.push(`console.error(error)${semi}`);
      catchLines.push(
        `return ${jsonResponseObject(ctx.sourceFile)}.json({ error: ${quote(ctx.style, 'Internal Server Error')} }, { status: 500 })${semi}`,
      );
      const text = `try {\n${indent}${u}${inner}\n${indent}} catch (error) {\n${catchLines.map((l) => `${indent}${u}${l}`).join('\n')}\n${indent}}`;
      return { text, edits };
    };

    const wrapFix = (fn: FunctionNode): FixSpec | undefined => {
      const body = fn.body;
      if (!body) return undefined;
      const sf = ctx.sourceFile;
      const title = 'Wrap the handler in try/catch answering a JSON 500';
      const u = ctx.style.indentUnit;
      if (ts.isBlock(body)) {
        if (body.statements.length === 0 || hasMultilineLiteral(sf, body)) return undefined;
        const first = body.statements[0]!;
        const last = body.statements[body.statements.length - 1]!;
        const start = first.getStart(sf);
        const indent = indentationAt(ctx.text, start);
        const { text, edits } = tryCatch(indentLines(ctx.text.slice(start, last.end), u), indent);
        return { title, edits: [...edits, { start, end: last.end, text }] };
      }
      // `async () => Response.json(await load())`: give the arrow a block body.
      if (hasMultilineLiteral(sf, body)) return undefined;
      const indent = indentationAt(ctx.text, fn.getStart(sf));
      const semi = ctx.style.semicolons ? ';' : '';
      const inner = `return ${indentLines(body.getText(sf), u + u)}${semi}`;
      const { text, edits } = tryCatch(inner, indent + u);
      return {
        title,
        edits: [...edits, { start: body.getStart(sf), end: body.end, text: `{\n${indent}${u}${text}\n${indent}}` }],
      };
    };

    return {
      onEnd() {
        const seen = new Set<ts.Node>();
        for (const h of ctx.handlers) {
          // A wrapper (`withErrorHandler(…)`, `withAuth(…)`) may own error handling: we cannot tell.
          if (!h.fn || seen.has(h.fn) || h.wrapper) continue;
          seen.add(h.fn);
          const first = firstUnguardedAwait(h.fn);
          if (!first) continue;
          const fn = h.fn;
          ctx.report({
            node: first,
            messageId: 'unguardedAwait',
            data: { expr: describe(first, ctx.sourceFile) },
            fix: () => wrapFix(fn),
          });
        }
      },
    };
  },
});

import * as ts from 'typescript';
import { findNamedImport, importedName } from '../ast/imports';
import {
  calleeName,
  findDeclaration,
  indentationAt,
  isFunctionNode,
  nameText,
  unwrap,
  type FunctionNode,
} from '../ast/query';
import { jsonResponseObject } from '../lint/analysis/responseStyle';
import { ensureImport } from '../lint/analysis/nextImports';
import { hasMultilineLiteral, indentLines, quote } from '../lint/fixes';
import { isGuardedByTryCatch } from '../lint/helpers';
import type { ResponseSite } from '../lint/facts';
import { defineRule, type EditSpec, type FixSpec, type RuleContext } from '../lint/rule';

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

const PARAMS = new Set(['params', 'searchParams']);

/**
 * `params`, `context.params`, `props.searchParams`, and `initialParams` bound by
 * `{ params: initialParams }`: promises of values Next already has.
 */
function isParamsLike(e: ts.Expression): boolean {
  if (ts.isPropertyAccessExpression(e)) return PARAMS.has(e.name.text);
  if (!ts.isIdentifier(e)) return false;
  if (PARAMS.has(e.text)) return true;
  const decl = findDeclaration(e.text, e);
  return !!decl && ts.isBindingElement(decl) && !!decl.propertyName && PARAMS.has(nameText(decl.propertyName) ?? '');
}

/** Waiting, not I/O: `await sleep(100)`, `await wait(10_000)`, `await setTimeout(50)` (node:timers/promises). */
const SLEEPS = /^(sleep|wait|delay|setTimeout|pause|timeout)$/i;

/** Whether `node` sits in a catch clause or finally block of its own function (already the error path). */
function inErrorPath(node: ts.Node): boolean {
  let child: ts.Node = node;
  for (let p = node.parent; p && !isFunctionNode(p); child = p, p = p.parent) {
    if (ts.isCatchClause(p)) return true;
    if (ts.isTryStatement(p) && p.finallyBlock === child) return true;
  }
  return false;
}

/**
 * A function declared in this file that catches its own errors: a top-level try/catch in its
 * body, or an expression body ending in `.catch(…)`.
 */
function catchesOwnErrors(callee: ts.Identifier): boolean {
  const decl = findDeclaration(callee.text, callee);
  let fn: ts.Node | undefined;
  if (decl && ts.isFunctionDeclaration(decl)) fn = decl;
  else if (decl && ts.isVariableDeclaration(decl) && decl.initializer) fn = unwrap(decl.initializer);
  if (!fn || !isFunctionNode(fn) || !fn.body) return false;
  if (!ts.isBlock(fn.body)) {
    const e = unwrap(fn.body);
    return ts.isCallExpression(e) && calleeName(e) === 'catch';
  }
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
  if (name && (NOT_IO_CALLS.has(name) || name === 'catch' || SLEEPS.test(name))) return true;
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

/** Handlers whose answer is not JSON: an image, a stream, a redirect. Next's bare 500 suits them. */
const NON_JSON =
  /\bImageResponse\b|text\/event-stream|\bReadableStream\b|\bStreamingTextResponse\b|\.to\w*StreamResponse\(/;

function answersNonJson(fn: FunctionNode, responses: readonly ResponseSite[], sf: ts.SourceFile): boolean {
  const text = fn.getText(sf);
  if (NON_JSON.test(text)) return true;
  const own = responses.filter((r) => r.fn === fn);
  if (!own.every((r) => r.kind === 'redirect')) return false;
  // Only redirects: `NextResponse.redirect(…)`, or `redirect(…)` from next/navigation (a page navigation route).
  return own.length > 0 || /\b(permanentRedirect|redirect)\(/.test(text);
}

/** Whether the handler answers JSON errors itself somewhere (`Response.json({ error }, { status: 4xx })`). */
function answersJsonErrors(fn: FunctionNode, responses: readonly ResponseSite[]): boolean {
  return responses.some((r) => r.fn === fn && r.kind === 'json' && (r.status.value ?? 200) >= 400);
}

/** A try statement with a catch clause somewhere in `fn`'s own body. */
function hasTryCatch(fn: FunctionNode): boolean {
  let found = false;
  const walk = (n: ts.Node): void => {
    if (found || isFunctionNode(n)) return;
    if (ts.isTryStatement(n) && n.catchClause) found = true;
    else ts.forEachChild(n, walk);
  };
  if (fn.body) ts.forEachChild(fn.body, walk);
  return found;
}

const BARE_500 = "Next.js's bare 500 (an HTML page in development, an empty body in production)";

/** What the handler answers when the await throws, as the message says it. */
function answerText(fn: FunctionNode, responses: readonly ResponseSite[]): string {
  return answersJsonErrors(fn, responses) ? `${BARE_500} instead of the JSON errors it answers elsewhere` : BARE_500;
}

/** What the fix writes with: the file, its code style, and the Next.js version. */
type Writer = Pick<RuleContext<string>, 'sourceFile' | 'style' | 'project'>;

/** Imports of `next/navigation` helpers or next-auth, whose redirects work by throwing. */
function throwsControlFlow(sf: ts.SourceFile): boolean {
  return (
    !!findNamedImport(sf, 'next/navigation', (s) => NAVIGATION.has(importedName(s))) ||
    sf.statements.some(
      (s) =>
        ts.isImportDeclaration(s) &&
        ts.isStringLiteral(s.moduleSpecifier) &&
        /^next-auth|^@\/auth$|\/auth$/.test(s.moduleSpecifier.text),
    )
  );
}

/**
 * redirect()/notFound() and next-auth's signIn()/signOut() work by throwing: the catch lets
 * them through with `unstable_rethrow(error)` (imported), or before Next.js 15 (or with the
 * name taken) by rethrowing errors carrying Next's `digest` marker.
 */
function rethrowLines(w: Writer): { lines: string[]; edits: EditSpec[] } {
  const semi = w.style.semicolons ? ';' : '';
  const imp =
    w.project.nextMajor === undefined || w.project.nextMajor >= 15
      ? ensureImport(w.sourceFile, w.style, 'next/navigation', 'unstable_rethrow', 'value')
      : 'conflict';
  if (imp !== 'conflict') return { lines: [`unstable_rethrow(error)${semi}`], edits: imp.edit ? [imp.edit] : [] };
  if (!throwsControlFlow(w.sourceFile)) return { lines: [], edits: [] };
  const q = w.style.quote;
  const line = `if (error instanceof Error && ${q}digest${q} in error && String(error.digest).startsWith(${q}NEXT_${q})) throw error${semi}`;
  return { lines: [line], edits: [] };
}

/** `try { <inner> } catch (error) { … }` with every line after the first at `indent`. */
function tryCatch(w: Writer, inner: string, indent: string): { text: string; edits: EditSpec[] } {
  const u = w.style.indentUnit;
  const semi = w.style.semicolons ? ';' : '';
  const { lines, edits } = rethrowLines(w);
  const catchLines = [
    ...lines,
    `console.error(error)${semi}`,
    `return ${jsonResponseObject(w.sourceFile)}.json({ error: ${quote(w.style, 'Internal Server Error')} }, { status: 500 })${semi}`,
  ];
  const text = `try {\n${indent}${u}${inner}\n${indent}} catch (error) {\n${catchLines.map((l) => `${indent}${u}${l}`).join('\n')}\n${indent}}`;
  return { text, edits };
}

/** The statements of a block body, wrapped where they stand. */
function wrapBlockEdits(w: Writer, body: ts.Block): EditSpec[] | undefined {
  const sf = w.sourceFile;
  if (body.statements.length === 0 || hasMultilineLiteral(sf, body)) return undefined;
  const first = body.statements[0]!;
  const last = body.statements[body.statements.length - 1]!;
  const start = first.getStart(sf);
  const indent = indentationAt(sf.text, start);
  const { text, edits } = tryCatch(w, indentLines(sf.text.slice(start, last.end), w.style.indentUnit), indent);
  return [...edits, { start, end: last.end, text }];
}

/** `async () => Response.json(await load())`: give the arrow a block body. */
function wrapExpressionBodyEdits(w: Writer, fn: FunctionNode, body: ts.ConciseBody): EditSpec[] | undefined {
  const sf = w.sourceFile;
  if (hasMultilineLiteral(sf, body)) return undefined;
  const u = w.style.indentUnit;
  const indent = indentationAt(sf.text, fn.getStart(sf));
  const semi = w.style.semicolons ? ';' : '';
  const inner = `return ${indentLines(body.getText(sf), u + u)}${semi}`;
  const { text, edits } = tryCatch(w, inner, indent + u);
  return [...edits, { start: body.getStart(sf), end: body.end, text: `{\n${indent}${u}${text}\n${indent}}` }];
}

function wrapFix(w: Writer, fn: FunctionNode): FixSpec | undefined {
  const body = fn.body;
  if (!body) return undefined;
  const edits = ts.isBlock(body) ? wrapBlockEdits(w, body) : wrapExpressionBodyEdits(w, fn, body);
  return edits && { title: 'Wrap the handler in try/catch answering a JSON 500', edits };
}

/**
 * An exception that escapes a route handler becomes Next.js's bare 500 — an HTML error page
 * in dev, an empty body in production. Often that is fine (Next logs the error); the rule
 * warns only where the code shows the author meant to catch errors (a try/catch elsewhere in
 * the handler or in a sibling handler) and reports the rest as info. See docs/precision.md.
 */
export default defineRule({
  id: 'require-try-catch',
  meta: {
    description:
      'A handler that awaits I/O outside any try/catch (a warning where the file catches errors elsewhere, info otherwise).',
    defaultSeverity: 'info',
    fixable: 'suggestion',
  },
  messages: {
    unguardedAwait:
      "If `await {{expr}}` throws, nothing in this {{method}} handler catches it: it answers {{answer}}, and the error is logged without the request's context. Catch it where a JSON error helps the client.",
  },
  create(ctx) {
    // Handlers of this file that catch every error they can meet: the author's convention here.
    const catchAll = ctx.handlers.some((h) => h.fn && !h.wrapper && hasTryCatch(h.fn) && !firstUnguardedAwait(h.fn));
    return {
      onEnd() {
        const seen = new Set<ts.Node>();
        const responses = ctx.facts.responses;
        for (const h of ctx.handlers) {
          // A wrapper (`withErrorHandler(…)`, `withAuth(…)`) may own error handling: we cannot tell.
          if (!h.fn || seen.has(h.fn) || h.wrapper) continue;
          seen.add(h.fn);
          const fn = h.fn;
          const first = answersNonJson(fn, responses, ctx.sourceFile) ? undefined : firstUnguardedAwait(fn);
          if (!first) continue;
          // A sibling handler catches all its errors and this one catches none: likely an oversight.
          // A narrow try/catch (around one call) shows the rest is left to Next.js on purpose.
          const intended = catchAll && !hasTryCatch(fn);
          ctx.report({
            node: first,
            messageId: 'unguardedAwait',
            data: { expr: describe(first, ctx.sourceFile), method: h.method, answer: answerText(fn, responses) },
            ...(intended ? { severity: 'warning' as const } : {}),
            suggestions: () => [wrapFix(ctx, fn)].filter((f) => f !== undefined),
          });
        }
      },
    };
  },
});

import * as ts from 'typescript';
import {
  findDeclaration,
  indentationAt,
  isFunctionNode,
  literalValue,
  outermostExpression,
  unwrap,
} from '../ast/query';
import { jsonResponseObject } from '../lint/analysis/responseStyle';
import { responseSite, type FileFacts } from '../lint/facts';
import { quote } from '../lint/fixes';
import { enclosingTryBlock } from '../lint/helpers';
import { defineRule, type EditSpec, type FixSpec, type RuleContext } from '../lint/rule';
import type { BodyRead } from '../nextjs/requestReads';

/** What the nearest catch does with a failed body read. */
type Guard = 'handled' | 'serverError' | 'none';

/** Statuses a catch block answers with: numbers, or `undefined` where the status is not a literal. */
function catchAnswers(block: ts.Block): { statuses: Array<number | undefined>; rethrows: boolean } {
  const statuses: Array<number | undefined> = [];
  let rethrows = false;
  const statusOfCall = (call: ts.CallExpression | ts.NewExpression): number | undefined => {
    const site = responseSite(call);
    if (site) return site.status.implicit ? 200 : site.status.value;
    // `createErrorResponse('Failed', 500)`, `errorResponse(400, 'Invalid JSON')`, `fail({ status: 400 })`
    let found: number | undefined;
    const look = (e: ts.Expression): void => {
      const v = literalValue(e);
      if (typeof v === 'number' && Number.isInteger(v) && v >= 100 && v <= 599) found ??= v;
      else if (ts.isObjectLiteralExpression(e)) {
        for (const p of e.properties) if (ts.isPropertyAssignment(p)) look(p.initializer);
      }
    };
    for (const a of call.arguments ?? []) look(a);
    return found;
  };
  const walk = (n: ts.Node): void => {
    if (isFunctionNode(n)) return;
    if (ts.isThrowStatement(n)) rethrows = true;
    else if (ts.isReturnStatement(n) && n.expression) {
      const e = unwrap(n.expression);
      statuses.push(ts.isCallExpression(e) || ts.isNewExpression(e) ? statusOfCall(e) : undefined);
    }
    ts.forEachChild(n, walk);
  };
  walk(block);
  return { statuses, rethrows };
}

function guardOf(read: BodyRead): Guard {
  for (let t = enclosingTryBlock(read.call); t; t = enclosingTryBlock(t)) {
    const c = t.catchClause;
    if (!c) continue; // try/finally: the error goes on outward
    // The nearest catch decides: it either answers, rethrows, or swallows.
    const { statuses, rethrows } = catchAnswers(c.block);
    if (rethrows || statuses.length === 0) return 'handled';
    if (statuses.some((s) => s === undefined || s < 500)) return 'handled';
    return 'serverError';
  }
  return 'none';
}

/**
 * `if (req.headers.get('x-secret') !== process.env.SECRET) return …` before the read: only a
 * sender holding the shared secret gets here, a service that sends well-formed bodies. A
 * malformed body from it is not a client mistake worth a 400 of its own.
 */
function afterSharedSecretCheck(read: BodyRead, fn: ts.Node): boolean {
  let top: ts.Node = read.call;
  while (top.parent && top.parent !== fn && !(ts.isBlock(top.parent) && top.parent.parent === fn)) top = top.parent;
  const body = top.parent;
  if (!body || !ts.isBlock(body)) return false;
  for (const s of body.statements) {
    if (s === top) return false;
    if (
      ts.isIfStatement(s) &&
      /\bprocess\.env\b/.test(s.expression.getText()) &&
      /^(?:\{\s*)?(return|throw)\b/.test(s.thenStatement.getText())
    )
      return true;
  }
  return false;
}

/** The guard of a read that should answer 400, or undefined when the rule has nothing to say about it. */
function unansweredGuard(read: BodyRead, facts: FileFacts): 'serverError' | 'none' | undefined {
  if (read.method !== 'json' && read.method !== 'formData') return undefined;
  // Not awaited here (`.catch(…)`, `.then(…)`, kept in a variable): nothing throws at this spot.
  if (!read.awaitNode) return undefined;
  // Only reads in handlers: a helper's caller may well catch (and a wrapper map errors).
  const handler = facts.handlerFor(read.call);
  if (!handler || handler.wrapper) return undefined;
  if (handler.fn && afterSharedSecretCheck(read, handler.fn)) return undefined;
  const guard = guardOf(read);
  return guard === 'handled' ? undefined : guard;
}

/** What the fix writes with: the file and its code style. */
type Writer = Pick<RuleContext<string>, 'sourceFile' | 'style'>;

/** An awaited body read, and what the fix needs to know of it. */
interface AwaitedRead {
  readonly read: BodyRead;
  readonly awaitNode: ts.AwaitExpression;
  readonly callText: string;
  /** 'JSON' or 'form data'. */
  readonly kind: string;
}

function freshName(at: ts.Node): string {
  for (const name of ['body', 'requestBody', 'parsedBody', 'rawBody']) if (!findDeclaration(name, at)) return name;
  return '';
}

/** `if (body === null) { return Response.json({ error: … }, { status: 400 }) }`. */
function nullCheck({ sourceFile: sf, style }: Writer, name: string, read: BodyRead, indent: string): string {
  const u = style.indentUnit;
  const semi = style.semicolons ? ';' : '';
  const message = read.method === 'json' ? 'Request body must be valid JSON' : 'Request body must be form data';
  return `if (${name} === null) {\n${indent}${u}return ${jsonResponseObject(sf)}.json({ error: ${quote(style, message)} }, { status: 400 })${semi}\n${indent}}`;
}

function catchNullEdit(w: Writer, { read, callText }: AwaitedRead): EditSpec {
  return { start: read.call.getStart(w.sourceFile), end: read.call.end, text: `${callText}.catch(() => null)` };
}

/** `Schema.safeParse(await request.json())`: a null body fails the schema, which already answers 400. */
function isSafeParseArgument(top: ts.Node): boolean {
  const p = top.parent;
  return (
    ts.isCallExpression(p) &&
    p.arguments[0] === top &&
    /^safeParse(Async)?$/.test(ts.isPropertyAccessExpression(p.expression) ? p.expression.name.text : '')
  );
}

/** `const { title } = await request.json()`: read into a fresh name first, check it, then destructure. */
function destructuringFix(w: Writer, r: AwaitedRead, statement: ts.VariableStatement, indent: string): EditSpec[] {
  const name = freshName(statement);
  if (!name) return [];
  const semi = w.style.semicolons ? ';' : '';
  const at = statement.getStart(w.sourceFile);
  const read = `const ${name} = await ${r.callText}.catch(() => null)${semi}`;
  return [
    { start: at, end: at, text: `${read}\n${indent}${nullCheck(w, name, r.read, indent)}\n${indent}` },
    { start: r.awaitNode.getStart(w.sourceFile), end: r.awaitNode.end, text: name },
  ];
}

/** In a declaration of its own: `.catch(() => null)` and a null check after it. */
function declarationFix(w: Writer, r: AwaitedRead, top: ts.Node): EditSpec[] {
  const p = top.parent;
  if (!ts.isVariableDeclaration(p) || p.initializer !== top) return [];
  const statement = p.parent.parent;
  if (
    !ts.isVariableStatement(statement) ||
    statement.declarationList.declarations.length !== 1 ||
    !ts.isBlock(statement.parent)
  )
    return [];
  const indent = indentationAt(w.sourceFile.text, statement.getStart(w.sourceFile));
  if (!ts.isIdentifier(p.name) || top !== r.awaitNode) return destructuringFix(w, r, statement, indent);
  // const data = await request.json()  →  …json().catch(() => null) + a null check
  const check = `\n${indent}${nullCheck(w, p.name.text, r.read, indent)}`;
  return [catchNullEdit(w, r), { start: statement.end, end: statement.end, text: check }];
}

function suggestionFor(w: Writer, read: BodyRead): FixSpec | undefined {
  if (!read.awaitNode) return undefined;
  const kind = read.method === 'json' ? 'JSON' : 'form data';
  const r: AwaitedRead = { read, awaitNode: read.awaitNode, callText: read.call.getText(w.sourceFile), kind };
  const top = outermostExpression(read.awaitNode);
  if (isSafeParseArgument(top)) {
    const title = `Treat a body that is not valid ${kind} as missing, so the schema check answers 400`;
    return { title, edits: [catchNullEdit(w, r)] };
  }
  const edits = declarationFix(w, r, top);
  return edits.length ? { title: `Answer 400 when the body is not valid ${kind}`, edits } : undefined;
}

/**
 * `await request.json()` throws a SyntaxError on a malformed or empty body (and `formData()`
 * a TypeError on the wrong content type). That is the client's mistake, so the answer is a
 * 400 — not Next.js's generic 500, and not a 500 from a catch-all.
 */
export default defineRule({
  id: 'unguarded-json-parse',
  meta: {
    description: '`await request.json()` / `formData()` whose failure (malformed body) is not answered with a 400.',
    defaultSeverity: 'warning',
    fixable: 'suggestion',
  },
  appliesTo: (s) => s.facts.bodyReads.length > 0,
  messages: {
    unguarded:
      '`{{call}}` throws when the body is not valid {{kind}}, and nothing catches it here: a client mistake becomes a 500. Answer 400 instead: `await {{call}}.catch(() => null)` then check for `null`, or catch the error and return 400.',
    caughtAs500:
      "`{{call}}` is inside a try whose catch answers only with a server error: a malformed body is the client's mistake and should get a 400 (read it with `.catch(() => null)` and answer 400 on `null`).",
  },
  create(ctx) {
    return {
      onEnd() {
        for (const read of ctx.facts.bodyReads) {
          const guard = unansweredGuard(read, ctx.facts);
          if (!guard) continue;
          const call = read.call.getText(ctx.sourceFile);
          ctx.report({
            node: read.call,
            messageId: guard === 'serverError' ? 'caughtAs500' : 'unguarded',
            data: {
              call: call.length > 40 || call.includes('\n') ? 'request.' + read.method + '()' : call,
              kind: read.method === 'json' ? 'JSON' : 'form data',
            },
            suggestions: () => [suggestionFor(ctx, read)].filter((f) => f !== undefined),
          });
        }
      },
    };
  },
});

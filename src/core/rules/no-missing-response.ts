import * as ts from 'typescript';
import { importedNameFrom } from '../ast/imports';
import { findDeclaration, isFunctionNode, unwrap, type FunctionNode } from '../ast/query';
import { defineRule } from '../lint/rule';

const NEVER_RETURNS = new Set(['redirect', 'permanentRedirect', 'notFound', 'forbidden', 'unauthorized']);
/** Names of helpers that, by convention, always throw (`throwHttpError(…)`, `fail(…)`, `assertNever(x)`). */
const THROWER_NAME = /^(throw(?!If|Unless)[A-Z_]\w*|fail|abort|panic|raise([A-Z_]\w*)?|assertNever|unreachable)$/;

/** Local helpers that never return normally: every path throws (or navigates), no `return`. */
const neverReturnsCache = new WeakMap<ts.Node, boolean>();
function localNeverReturns(callee: ts.Identifier, depth: number): boolean {
  if (depth > 2) return false;
  const decl = findDeclaration(callee.text, callee);
  let fn: ts.Node | undefined;
  if (decl && ts.isFunctionDeclaration(decl)) fn = decl;
  else if (decl && ts.isVariableDeclaration(decl) && decl.initializer && isFunctionNode(unwrap(decl.initializer)))
    fn = unwrap(decl.initializer);
  if (!fn || !isFunctionNode(fn)) return false;
  const cached = neverReturnsCache.get(fn);
  if (cached !== undefined) return cached;
  neverReturnsCache.set(fn, false); // recursion guard
  let result: boolean;
  if (fn.type && fn.type.kind === ts.SyntaxKind.NeverKeyword) result = true;
  else if (!fn.body || !ts.isBlock(fn.body) || hasReturn(fn.body)) result = false;
  else result = !listCompletes(fn.body.statements, depth + 1);
  neverReturnsCache.set(fn, result);
  return result;
}

function hasReturn(n: ts.Node): boolean {
  if (ts.isReturnStatement(n)) return true;
  if (ts.isFunctionLike(n) || ts.isClassLike(n)) return false;
  return !!ts.forEachChild(n, (c) => (hasReturn(c) ? true : undefined));
}

function endsControl(expr: ts.Expression, depth: number): boolean {
  let e = unwrap(expr);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  if (!ts.isCallExpression(e)) return false;
  const callee = unwrap(e.expression);
  if (ts.isIdentifier(callee)) {
    const imported = importedNameFrom(callee, 'next/navigation');
    if (imported) return NEVER_RETURNS.has(imported);
    return THROWER_NAME.test(callee.text) || localNeverReturns(callee, depth);
  }
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'process' &&
    callee.name.text === 'exit'
  );
}

/**
 * Whether an unlabeled `break` (or `break label`, when `label` is given) inside `n` leaves
 * the statement whose body `n` is. Unlabeled breaks inside inner loops and switches belong
 * to those.
 */
function breaksOut(n: ts.Node, label: string | undefined, nested = false): boolean {
  if (ts.isBreakStatement(n)) return n.label ? n.label.text === label : !nested;
  if (ts.isFunctionLike(n) || ts.isClassLike(n)) return false;
  const inner = nested || ts.isIterationStatement(n, false) || ts.isSwitchStatement(n);
  return !!ts.forEachChild(n, (c) => (breaksOut(c, label, inner) ? true : undefined));
}

function isInfiniteLoop(s: ts.Statement): boolean {
  if (ts.isWhileStatement(s) || ts.isDoStatement(s)) return s.expression.kind === ts.SyntaxKind.TrueKeyword;
  return ts.isForStatement(s) && !s.condition;
}

/** `validated.kind` where `validated` comes from a schema parse (`schema.parse(…)`, `result.data`): its type is a closed union. */
function isSchemaParsed(expr: ts.Expression): boolean {
  let root = unwrap(expr);
  while (ts.isPropertyAccessExpression(root)) root = unwrap(root.expression);
  if (!ts.isIdentifier(root)) return false;
  let decl: ts.Node | undefined = findDeclaration(root.text, root);
  while (decl && ts.isBindingElement(decl)) decl = decl.parent.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return false;
  return /\.(parse|parseAsync|safeParse|safeParseAsync)\(|\.data\b/.test(decl.initializer.getText());
}

/** The `x` of `x === 'lit'` (either side), or undefined. */
function comparedToLiteral(cond: ts.Expression): ts.Expression | undefined {
  const e = unwrap(cond);
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken) return undefined;
  const isLit = (x: ts.Expression): boolean => ts.isStringLiteralLike(unwrap(x));
  if (isLit(e.right)) return e.left;
  if (isLit(e.left)) return e.right;
  return undefined;
}

/**
 * `if (v.kind === 'a') … else if (v.kind === 'b') …` with no final else, on a schema-parsed
 * value, where every branch ends: the cases of a closed union (a `z.discriminatedUnion`), so
 * the end is unreachable — TypeScript narrows the value to `never` there.
 */
function isExhaustiveChain(statement: ts.IfStatement, depth: number): boolean {
  let subject: string | undefined;
  let branches = 0;
  for (let s: ts.Statement | undefined = statement; s;) {
    if (!ts.isIfStatement(s)) return false;
    const compared = comparedToLiteral(s.expression);
    if (!compared || !isSchemaParsed(compared) || completes(s.thenStatement, depth)) return false;
    const text = compared.getText();
    if (subject !== undefined && text !== subject) return false;
    subject = text;
    branches++;
    s = s.elseStatement;
  }
  return branches >= 2;
}

/** Whether control can run past the end of `statement` (a light reachability analysis). */
function completes(statement: ts.Statement, depth = 0): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return false;
  if (ts.isExpressionStatement(statement)) return !endsControl(statement.expression, depth);
  if (ts.isBlock(statement)) return listCompletes(statement.statements, depth);
  if (ts.isIfStatement(statement))
    return (
      completes(statement.thenStatement, depth) ||
      (!statement.elseStatement && !isExhaustiveChain(statement, depth)) ||
      (!!statement.elseStatement && completes(statement.elseStatement, depth) && !isExhaustiveChain(statement, depth))
    );
  if (ts.isTryStatement(statement)) {
    if (statement.finallyBlock && !listCompletes(statement.finallyBlock.statements, depth)) return false;
    return (
      listCompletes(statement.tryBlock.statements, depth) ||
      (!!statement.catchClause && listCompletes(statement.catchClause.block.statements, depth))
    );
  }
  if (ts.isSwitchStatement(statement)) {
    const clauses = statement.caseBlock.clauses;
    // Without a default, a switch over a schema-parsed value covers a closed union when every case ends.
    if (!clauses.some((c) => ts.isDefaultClause(c)))
      return (
        !isSchemaParsed(statement.expression) ||
        clauses.length < 2 ||
        clauses.some((c) => c.statements.some((st) => breaksOut(st, undefined))) ||
        listCompletes(clauses[clauses.length - 1]!.statements, depth)
      );
    // With a default, the switch completes only through a `break` or by falling off the last clause.
    if (clauses.some((c) => c.statements.some((st) => breaksOut(st, undefined)))) return true;
    return listCompletes(clauses[clauses.length - 1]!.statements, depth);
  }
  // `while (true)` / `for (;;)`: only a break leaves them (infinite loops themselves are not flagged).
  if (isInfiniteLoop(statement)) return breaksOut((statement as ts.IterationStatement).statement, undefined);
  if (ts.isLabeledStatement(statement))
    return completes(statement.statement, depth) || breaksOut(statement.statement, statement.label.text);
  return true;
}

function listCompletes(statements: ts.NodeArray<ts.Statement>, depth = 0): boolean {
  for (const s of statements) if (!completes(s, depth)) return false;
  return true;
}

/**
 * A handler path that ends without returning a Response makes Next.js answer 500:
 * "No response is returned from route handler '…'. Ensure you return a `Response` or a
 * `NextResponse` in all branches of your handler."
 */
export default defineRule({
  id: 'no-missing-response',
  meta: {
    description: 'A code path of a handler that ends without returning a Response (Next.js answers 500).',
    defaultSeverity: 'error',
    fixable: false,
  },
  appliesTo: (s) => s.handlers.length > 0,
  messages: {
    fallsOffEnd:
      'The `{{method}}` handler can reach its end without returning a Response: Next.js then answers 500 ("No response is returned from route handler"). Return a response on every path.',
    emptyReturn:
      '`{{text}}` returns no Response: Next.js answers 500 ("No response is returned from route handler"). Return a response, e.g. `new Response(null, { status: 204 })`.',
  },
  create(ctx) {
    return {
      onEnd() {
        const seen = new Set<FunctionNode>();
        for (const h of ctx.handlers) {
          const fn = h.fn;
          if (!fn || seen.has(fn) || !fn.body || !ts.isBlock(fn.body) || h.wrapper) continue;
          seen.add(fn);
          const body = fn.body;
          const visit = (n: ts.Node): void => {
            if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
            if (ts.isReturnStatement(n)) {
              const e = n.expression && unwrap(n.expression);
              if (
                !e ||
                e.kind === ts.SyntaxKind.NullKeyword ||
                (ts.isIdentifier(e) && e.text === 'undefined') ||
                ts.isVoidExpression(e)
              ) {
                ctx.report({ node: n, messageId: 'emptyReturn', data: { text: n.getText(ctx.sourceFile) } });
              }
            }
            ts.forEachChild(n, visit);
          };
          ts.forEachChild(body, visit);
          if (listCompletes(body.statements)) {
            const close = body.end - 1;
            ctx.report({ span: { start: close, end: body.end }, messageId: 'fallsOffEnd', data: { method: h.method } });
          }
        }
      },
    };
  },
});

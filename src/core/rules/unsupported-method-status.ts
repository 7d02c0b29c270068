import * as ts from 'typescript';
import { findDeclaration, unwrap, type FunctionNode } from '../ast/query';
import { returnedExpressions } from '../lint/helpers';
import { responseSite, type FileFacts, type ResponseSite } from '../lint/facts';
import { defineRule, type RuleContext } from '../lint/rule';
import type { HandlerExport } from '../nextjs/exports';
import { HTTP_METHODS, type HttpMethod } from '../nextjs/httpMethods';

const messages = {
  methodBranch:
    'Next.js calls this handler only for {{receives}} (one export per method), so `{{expr}}` always gives the same answer here and the branch is dead code. Export one handler per method instead.',
  headOnly:
    "`{{expr}}` can only tell GET from HEAD here: Next.js calls this GET handler for GET requests, and for HEAD ones while the route exports no HEAD; every other method gets Next's 405 without reaching it. Remove the check (it answers HEAD requests differently from GET), or export a HEAD handler if HEAD needs its own answer.",
  rejectingExport:
    '`{{method}}` is exported only to reject it with {{status}}. Next.js already answers 405 for methods a route does not export{{options}} — remove this export.',
  missingAllow:
    "A 405 response must say which methods are allowed (RFC 9110 §15.5.6): add an `Allow` header, e.g. `{ Allow: '{{allow}}' }`.",
};

type Ctx = RuleContext<keyof typeof messages>;

/** Which methods each handler function is exported for, and every exported method. */
interface Methods {
  readonly byFn: ReadonlyMap<FunctionNode, readonly HttpMethod[]>;
  readonly exported: ReadonlySet<string>;
}

function methodsOf(handlers: readonly HandlerExport[]): Methods {
  const byFn = new Map<FunctionNode, HttpMethod[]>();
  for (const h of handlers) if (h.fn) byFn.set(h.fn, [...(byFn.get(h.fn) ?? []), h.method]);
  return { byFn, exported: new Set(handlers.map((h) => h.method)) };
}

/** The methods a handler function is called for: its exports, plus HEAD when Next.js routes HEAD to GET. */
function receivedMethods({ byFn, exported }: Methods, fn: FunctionNode): Set<string> {
  const methods = new Set<string>(byFn.get(fn) ?? []);
  if (methods.has('GET') && !exported.has('HEAD')) methods.add('HEAD');
  return methods;
}

/** Whether the handler's function is also called by name (another export delegating to it), so it may see other methods. */
function calledElsewhere(fn: FunctionNode, text: string): boolean {
  let nameNode: ts.Node | undefined;
  if (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) nameNode = fn.name;
  if (!nameNode && ts.isVariableDeclaration(fn.parent) && fn.parent.initializer === fn) nameNode = fn.parent.name;
  if (!nameNode || !ts.isIdentifier(nameNode)) return false;
  const name = nameNode.text.replace(/\$/g, '\\$');
  // Text scan (only for the rare candidate): a call `name(` that is not the declaration.
  const calls = text.match(new RegExp(`(?<![\\w$.])(?<!function\\s+)(?<!function\\*\\s*)${name}\\s*\\(`, 'g'));
  return !!calls && calls.length > 0;
}

/** The handler function whose own request (its first parameter) `pa` reads `.method` of. */
function handlerReadingMethod(pa: ts.PropertyAccessExpression, facts: FileFacts): FunctionNode | undefined {
  if (pa.name.text !== 'method') return undefined;
  const target = unwrap(pa.expression);
  const fn = ts.isIdentifier(target) ? facts.handlerFor(pa)?.fn : undefined;
  if (!fn) return undefined;
  const decl = findDeclaration((target as ts.Identifier).text, target);
  return decl && ts.isParameter(decl) && decl.parent === fn && fn.parameters[0] === decl ? fn : undefined;
}

/** A branch on the method: the switch or comparison, the method names it compares with, and whether it compares with something else too. */
interface MethodBranch {
  readonly branch: ts.SwitchStatement | ts.BinaryExpression;
  readonly literals: readonly string[];
  readonly nonLiteral: boolean;
}

/** Only a comparison or a switch is a branch; logging or forwarding the method is fine. */
function methodBranchAt(pa: ts.PropertyAccessExpression, sf: ts.SourceFile): MethodBranch | undefined {
  let top: ts.Node = pa;
  while (ts.isParenthesizedExpression(top.parent)) top = top.parent;
  const p = top.parent;
  if (ts.isSwitchStatement(p) && p.expression === top) {
    const cases = p.caseBlock.clauses.flatMap((c) => (ts.isCaseClause(c) ? [unwrap(c.expression)] : []));
    const literals = cases.filter(ts.isStringLiteralLike).map((e) => e.text.toUpperCase());
    return { branch: p, literals, nonLiteral: literals.length < cases.length };
  }
  if (ts.isBinaryExpression(p) && /^(===|!==|==|!=)$/.test(p.operatorToken.getText(sf))) {
    const other = unwrap(p.left === top ? p.right : p.left);
    return ts.isStringLiteralLike(other)
      ? { branch: p, literals: [other.text.toUpperCase()], nonLiteral: false }
      : { branch: p, literals: [], nonLiteral: true };
  }
  return undefined;
}

/** `request.method === 'POST'` in a handler Next.js only calls for some methods. */
function checkMethodRead(ctx: Ctx, methods: Methods, pa: ts.PropertyAccessExpression): void {
  const fn = handlerReadingMethod(pa, ctx.facts);
  const found = fn && methodBranchAt(pa, ctx.sourceFile);
  if (!fn || !found) return;
  const { branch, literals, nonLiteral } = found;
  const received = receivedMethods(methods, fn);
  const autoHead = received.has('HEAD') && !(methods.byFn.get(fn) ?? []).includes('HEAD');
  // Dead: the handler sees one method only, or a compared method never reaches it.
  const dead = received.size === 1 || literals.some((l) => !received.has(l));
  // GET with Next's automatic HEAD: comparing with 'GET' alone only singles out HEAD.
  const headOnly =
    !dead &&
    autoHead &&
    received.size === 2 &&
    !nonLiteral &&
    literals.length > 0 &&
    literals.every((l) => l === 'GET');
  if ((!dead && !headOnly) || calledElsewhere(fn, ctx.text)) return;
  const expr = (ts.isSwitchStatement(branch) ? pa : branch).getText(ctx.sourceFile);
  if (headOnly) {
    ctx.report({ node: pa, messageId: 'headOnly', data: { expr } });
    return;
  }
  const list = [...received];
  const receives = autoHead
    ? `${list.filter((m) => m !== 'HEAD').join('/')} requests (and HEAD ones, which Next.js routes to GET)`
    : `${list.join('/')} requests`;
  ctx.report({ node: pa, messageId: 'methodBranch', data: { receives, expr } });
}

/** Reports exports that only ever reject their method (405/501), and returns those methods. */
function reportRejectingExports(ctx: Ctx, { byFn, exported }: Methods): Set<string> {
  const rejecting = new Set<string>();
  for (const [fn, methods] of byFn) {
    if (methods.length !== 1) continue;
    const method = methods[0]!;
    // Without its export, OPTIONS gets Next's automatic 204 and HEAD runs GET: removing those changes behaviour.
    if (method === 'OPTIONS' || (method === 'HEAD' && exported.has('GET'))) continue;
    const returns = returnedExpressions(fn);
    if (returns.length === 0) continue;
    const statuses = returns.map((e) => responseSite(unwrap(e))?.status.value);
    if (!statuses.every((st) => st === 405 || st === 501)) continue;
    rejecting.add(method);
    const h = ctx.handlers.find((x) => x.fn === fn)!;
    const options = exported.has('OPTIONS')
      ? ''
      : `, and this export makes the automatic OPTIONS response list ${method} as allowed`;
    ctx.report({
      span: h.nameSpan,
      messageId: 'rejectingExport',
      data: { method, status: String(statuses[0]), options },
    });
  }
  return rejecting;
}

/** The same list Next.js's automatic OPTIONS answers with: sorted, HEAD with GET, OPTIONS always. */
function allowList(exported: ReadonlySet<string>, rejecting: ReadonlySet<string>): string {
  const serving = HTTP_METHODS.filter((m) => exported.has(m) && !rejecting.has(m));
  return [...new Set([...serving, ...(serving.includes('GET') ? ['HEAD'] : []), 'OPTIONS'])].sort().join(', ');
}

/** Whether a 405 response has, or may have, an `Allow` header. */
function mayHaveAllow(r: ResponseSite, facts: FileFacts): boolean {
  if (r.headers.some((hd) => hd.name === 'allow')) return true;
  // Headers we cannot see: a `headers` property we could not read, or a spread in the init.
  const unseen =
    !!r.initObject &&
    !r.headers.length &&
    r.initObject.properties.some(
      (p) => ts.isSpreadAssignment(p) || (p.name && ts.isIdentifier(p.name) && p.name.text === 'headers'),
    );
  return unseen || facts.headerWrites.some((w) => w.name === 'allow' && w.fn === r.fn && w.via !== 'init');
}

/**
 * Next.js dispatches each method to its own export and answers 405 by itself for methods a
 * route does not export. Branching on `request.method` or hand-rolling 405s is Pages Router
 * thinking: the branch is dead, and a hand-written 405 usually lacks `Allow`.
 */
export default defineRule({
  id: 'unsupported-method-status',
  meta: {
    description:
      'A handler that branches on `request.method` or hand-rolls a 405 (Next.js answers unsupported methods itself); a 405 without `Allow`.',
    defaultSeverity: 'info',
    fixable: false,
  },
  appliesTo: (s) =>
    s.mentions('method') || s.facts.responses.some((r) => r.status.value === 405 || r.status.value === 501),
  messages,
  create(ctx) {
    const methods = methodsOf(ctx.handlers);
    return {
      nodes: {
        [ts.SyntaxKind.PropertyAccessExpression]: (n) =>
          checkMethodRead(ctx, methods, n as ts.PropertyAccessExpression),
      },
      onEnd() {
        const allow = allowList(methods.exported, reportRejectingExports(ctx, methods));
        for (const r of ctx.facts.responses) {
          if (r.status.value === 405 && r.kind !== 'redirect' && !mayHaveAllow(r, ctx.facts))
            ctx.report({ node: r.status.node ?? r.node, messageId: 'missingAllow', data: { allow } });
        }
      },
    };
  },
});

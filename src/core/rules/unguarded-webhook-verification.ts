import * as ts from 'typescript';
import { calleeName, isFunctionNode, unwrap, type FunctionNode } from '../ast/query';
import { isGuardedByTryCatch } from '../lint/helpers';
import { defineRule } from '../lint/rule';

/** Calls that verify a signature by throwing: svix `wh.verify()`, Stripe `constructEvent()`, `verifyWebhookSignature()`. */
const THROWING_VERIFY = /^(verify\w*|constructEvent(Async)?|validateWebhook\w*)$/;
/** `if (signature !== expected)` / `timingSafeEqual(…)`: a signature compared by hand. */
const SIGNATURE_CHECK = /signature|timingSafeEqual|hmac|digest/i;

/** What a signature verifier is given: the raw body, the request or its signature headers, a secret. */
const SIGNATURE_INPUT = /sig|header|req|raw|body|payload|secret/i;

/**
 * A verify call used for its throw: a statement, or a value kept whole (`const event =
 * wh.verify(…)`), given request data. Not a condition, and not `const { verified } = …`
 * (a result that reports failure instead of throwing).
 */
function isThrowingUse(call: ts.CallExpression): boolean {
  let top: ts.Node = call;
  while (ts.isAwaitExpression(top.parent) || ts.isParenthesizedExpression(top.parent)) top = top.parent;
  const p = top.parent;
  const used =
    ts.isExpressionStatement(p) || (ts.isVariableDeclaration(p) && p.initializer === top && ts.isIdentifier(p.name));
  return used && call.arguments.some((a) => SIGNATURE_INPUT.test(a.getText()));
}

/** The first statement-level signature check in `fn`: a verify call or an `if` comparing a signature. */
function signatureChecks(fn: FunctionNode): { verifies: ts.CallExpression[]; firstCheck?: ts.Node } {
  const verifies: ts.CallExpression[] = [];
  let firstCheck: ts.Node | undefined;
  const walk = (n: ts.Node): void => {
    if (isFunctionNode(n)) return;
    if (ts.isCallExpression(n) && THROWING_VERIFY.test(calleeName(n) ?? '') && isThrowingUse(n)) {
      verifies.push(n);
      firstCheck ??= n;
    } else if (ts.isIfStatement(n) && SIGNATURE_CHECK.test(n.expression.getText())) firstCheck ??= n;
    ts.forEachChild(n, walk);
  };
  if (fn.body) ts.forEachChild(fn.body, walk);
  return { verifies, firstCheck };
}

/** `schema.parse(body)` (zod and alike) that runs before `check` and is not caught. */
function parsesBefore(fn: FunctionNode, check: ts.Node): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const walk = (n: ts.Node): void => {
    if (found || isFunctionNode(n) || n.pos >= check.pos) return;
    if (ts.isCallExpression(n) && calleeName(n) === 'parse' && ts.isPropertyAccessExpression(unwrap(n.expression))) {
      const receiver = unwrap((unwrap(n.expression) as ts.PropertyAccessExpression).expression);
      if (!(ts.isIdentifier(receiver) && receiver.text === 'JSON') && !isGuardedByTryCatch(n)) found = n;
    }
    ts.forEachChild(n, walk);
  };
  if (fn.body) ts.forEachChild(fn.body, walk);
  return found;
}

function short(node: ts.Node, sf: ts.SourceFile): string {
  const text = node.getText(sf).replace(/\s+/g, ' ');
  return text.length > 50 ? text.slice(0, 47) + '…' : text;
}

/**
 * A webhook answers forged and malformed requests with 4xx. A verifier that throws with nothing
 * to catch it, or a throwing parse before the signature is checked, answers them 500 — an
 * error any sender can trigger, which fills logs and alerts.
 */
export default defineRule({
  id: 'unguarded-webhook-verification',
  meta: {
    description:
      'A throwing signature check (`verify()`, `constructEvent()`) outside try/catch, or a throwing `schema.parse()` before the signature check: forged requests get a 500.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  appliesTo: (s) =>
    s.mentions('verify') ||
    s.mentions('constructEvent') ||
    s.mentions('validateWebhook') ||
    (s.mentions('parse') && s.matches(SIGNATURE_CHECK)),
  messages: {
    verifyThrows:
      '`{{call}}` throws when the signature is invalid, and nothing catches it here: a forged or malformed request gets a 500 instead of 400/401. Catch it and answer 400.',
    parseBeforeVerify:
      '`{{call}}` throws on a body that does not match, and runs before the signature is checked: anyone can make this handler answer 500. Check the signature first, or use `safeParse`.',
  },
  create(ctx) {
    return {
      onEnd() {
        const seen = new Set<ts.Node>();
        for (const h of ctx.handlers) {
          const fn = h.fn;
          if (!fn || seen.has(fn) || h.wrapper) continue;
          seen.add(fn);
          const { verifies, firstCheck } = signatureChecks(fn);
          for (const call of verifies) {
            if (isGuardedByTryCatch(call)) continue;
            ctx.report({ node: call, messageId: 'verifyThrows', data: { call: short(call, ctx.sourceFile) } });
          }
          const parse = firstCheck && parsesBefore(fn, firstCheck);
          if (parse)
            ctx.report({ node: parse, messageId: 'parseBeforeVerify', data: { call: short(parse, ctx.sourceFile) } });
        }
      },
    };
  },
});

/** Helpers over facts.responses shared by the status rules: bodies, and edits of `status`. */
import * as ts from 'typescript';
import { getProperty, resolveValue, unwrap } from '../../ast/query';
import type { ResponseSite } from '../facts';
import type { EditSpec, RuleContext } from '../rule';

/** The object a response sends as JSON: `Response.json(x)` → x; `new Response(JSON.stringify(x))` → x. */
export function jsonBodyOf(r: ResponseSite): ts.Expression | undefined {
  if (!r.body) return undefined;
  if (r.kind === 'json') return r.body;
  if (r.kind === 'constructor') {
    const body = unwrap(r.body);
    if (ts.isCallExpression(body) && body.expression.getText() === 'JSON.stringify' && body.arguments[0])
      return body.arguments[0];
  }
  return undefined;
}

/** The body resolved to an object literal (through a local const), if it is one. */
export function jsonBodyObject(r: ResponseSite): ts.ObjectLiteralExpression | undefined {
  const body = jsonBodyOf(r);
  if (!body) return undefined;
  const value = resolveValue(body);
  return ts.isObjectLiteralExpression(value) ? value : undefined;
}

/**
 * Edits that make a response use `status`: replace a literal status, add `status` to an init
 * object literal, or add an init argument. Undefined when the init is not written inline.
 */
export function setStatusEdits<M extends string>(
  ctx: RuleContext<M>,
  r: ResponseSite,
  status: number,
): EditSpec[] | undefined {
  if (r.kind !== 'json' && r.kind !== 'constructor') return undefined;
  const sf = ctx.sourceFile;
  if (!r.init) {
    if (r.kind === 'constructor' && !r.body) return undefined;
    const last = r.node.arguments?.[r.node.arguments.length - 1];
    if (!last) return undefined;
    return [{ start: last.end, end: last.end, text: `, { status: ${status} }` }];
  }
  const init = unwrap(r.init);
  if (!ts.isObjectLiteralExpression(init)) return undefined;
  const prop = getProperty(init, 'status');
  if (prop) {
    if (!ts.isPropertyAssignment(prop)) return undefined;
    return [{ start: prop.initializer.getStart(sf), end: prop.initializer.end, text: String(status) }];
  }
  if (init.properties.length === 0) return [{ start: init.getStart(sf), end: init.end, text: `{ status: ${status} }` }];
  const first = init.properties[0]!;
  return [{ start: first.getStart(sf), end: first.getStart(sf), text: `status: ${status}, ` }];
}

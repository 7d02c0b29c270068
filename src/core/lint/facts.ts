/**
 * Whole-file facts that many rules share, gathered during the engine's single walk:
 * every Response built (`Response.json`, `new Response`, `NextResponse.*`), every header
 * written (init objects, `new Headers`, `.headers.set/append`), and every read of the
 * request body (`request.json()` …). Rules read them in `onEnd`.
 */
import * as ts from 'typescript';
import {
  enclosingFunction,
  findDeclaration,
  getPropertyValue,
  isFunctionNode,
  literalValue,
  nameText,
  resolveFunction,
  resolveValue,
  unwrap,
  type FunctionNode,
} from '../ast/query';
import type { HandlerExport } from '../nextjs/exports';
import { BODY_METHODS, bodyRead, type BodyRead } from '../nextjs/requestReads';

export type ResponseKind = 'json' | 'constructor' | 'redirect' | 'error' | 'next' | 'rewrite';

export interface StatusInfo {
  /** The expression giving the status, when one is written. */
  readonly node?: ts.Expression;
  /** The status when it is a literal (or a local const holding one). */
  readonly value?: number;
  /** True when no status is written and the default applies (200, or 307/302 for redirects). */
  readonly implicit: boolean;
}

export interface ResponseSite {
  readonly node: ts.CallExpression | ts.NewExpression;
  readonly callee: 'Response' | 'NextResponse';
  readonly kind: ResponseKind;
  /** First argument of json()/constructor: the body. */
  readonly body?: ts.Expression;
  /** Constructor with no body, `null` or `undefined`. */
  readonly bodyIsNull: boolean;
  /** The init argument as written (second argument; for redirects the status/init argument). */
  readonly init?: ts.Expression;
  /** The init argument resolved to an object literal through local consts, if it is one. */
  readonly initObject?: ts.ObjectLiteralExpression;
  readonly status: StatusInfo;
  /** Headers given in the init (object literal, `new Headers({...})`, tuple array). */
  readonly headers: readonly HeaderWrite[];
  /** The function the response is built in. */
  readonly fn?: FunctionNode;
}

export interface HeaderWrite {
  /** Lower-cased header name. */
  readonly name: string;
  readonly nameNode: ts.Node;
  readonly value?: ts.Expression;
  /** The value when it is a string literal (or a const holding one). */
  readonly valueText?: string;
  /** 'assign': `corsHeaders['Access-Control-Allow-Origin'] = origin` on an object of headers. */
  readonly via: 'init' | 'set' | 'append' | 'assign';
  /**
   * For 'assign': the object written to is a `Headers` instance (`new Headers(…)`), so the
   * bracket assignment sets a JavaScript property that is never sent.
   */
  readonly onHeadersInstance?: boolean;
  /** For 'assign': the object written to (`corsHeaders`). */
  readonly target?: ts.Expression;
  /** The object literal property / tuple, or the `.set()` call. */
  readonly node: ts.Node;
  readonly fn?: FunctionNode;
}

export interface FileFacts {
  readonly responses: readonly ResponseSite[];
  readonly headerWrites: readonly HeaderWrite[];
  readonly bodyReads: readonly BodyRead[];
  /** The exported handler whose function contains `node` (through nested callbacks). */
  handlerFor(node: ts.Node): HandlerExport | undefined;
}

function statusFromExpression(expr: ts.Expression | undefined): StatusInfo {
  if (!expr) return { implicit: true };
  const value = literalValue(expr);
  return typeof value === 'number' ? { node: expr, value, implicit: false } : { node: expr, implicit: false };
}

/** Header entries of an init `headers` value: `{...}`, `new Headers({...})`, `[['a', 'b']]`, or a const holding one. */
export function headersFromValue(value: ts.Expression, fn: FunctionNode | undefined, depth = 0): HeaderWrite[] {
  let resolved = resolveValue(value);
  // `headers: corsHeaders(origin)` where corsHeaders is a local function returning an object literal
  if (ts.isCallExpression(resolved) && depth < 2) {
    const helper = resolveFunction(resolved.expression);
    if (helper?.body) {
      const returned = ts.isBlock(helper.body) ? collectReturns(helper.body) : [helper.body];
      return returned.flatMap((r) => headersFromValue(r, fn, depth + 1));
    }
  }
  if (ts.isNewExpression(resolved) && ts.isIdentifier(resolved.expression) && resolved.expression.text === 'Headers') {
    const arg = resolved.arguments?.[0];
    if (!arg) return [];
    resolved = resolveValue(arg);
  }
  const out: HeaderWrite[] = [];
  if (ts.isObjectLiteralExpression(resolved)) {
    for (const prop of resolved.properties) {
      if (ts.isPropertyAssignment(prop) || ts.isShorthandPropertyAssignment(prop)) {
        const name = nameText(prop.name);
        if (name === undefined) continue;
        const v = ts.isPropertyAssignment(prop) ? prop.initializer : prop.name;
        const text = literalValue(v);
        out.push({
          name: name.toLowerCase(),
          nameNode: prop.name,
          value: v,
          via: 'init',
          node: prop,
          ...(fn ? { fn } : {}),
          ...(typeof text === 'string' ? { valueText: text } : {}),
        });
      } else if (ts.isSpreadAssignment(prop)) {
        // `...corsHeaders` where corsHeaders is a local object: include its entries.
        const inner = resolveValue(prop.expression);
        if (inner !== prop.expression && ts.isObjectLiteralExpression(inner))
          out.push(...headersFromValue(inner, fn, depth + 1));
      }
    }
  } else if (ts.isArrayLiteralExpression(resolved)) {
    for (const el of resolved.elements) {
      if (!ts.isArrayLiteralExpression(el) || el.elements.length < 2) continue;
      const name = literalValue(el.elements[0]);
      if (typeof name !== 'string') continue;
      const v = el.elements[1]!;
      const text = literalValue(v);
      out.push({
        name: name.toLowerCase(),
        nameNode: el.elements[0]!,
        value: v,
        via: 'init',
        node: el,
        ...(fn ? { fn } : {}),
        ...(typeof text === 'string' ? { valueText: text } : {}),
      });
    }
  }
  return out;
}

function collectReturns(body: ts.Block): ts.Expression[] {
  const out: ts.Expression[] = [];
  const walk = (n: ts.Node): void => {
    if (isFunctionNode(n)) return;
    if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
    ts.forEachChild(n, walk);
  };
  ts.forEachChild(body, walk);
  return out;
}

function initObjectOf(init: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  if (!init) return undefined;
  const resolved = resolveValue(init);
  return ts.isObjectLiteralExpression(resolved) ? resolved : undefined;
}

/** What a response is before its init argument is read: the call, which class, which form, the body. */
type SiteHead = Pick<ResponseSite, 'node' | 'callee' | 'kind' | 'body' | 'bodyIsNull'>;

/**
 * A response site from its head and its init argument. `bareStatus` is the status when the
 * init is not an object (`NextResponse.redirect(url, 308)`).
 */
function siteWithInit(head: SiteHead, init: ts.Expression | undefined, bareStatus?: ts.Expression): ResponseSite {
  const fn = enclosingFunction(head.node);
  const initObject = initObjectOf(init);
  const headersValue = initObject ? getPropertyValue(initObject, 'headers') : undefined;
  return {
    node: head.node,
    callee: head.callee,
    kind: head.kind,
    ...(head.body ? { body: head.body } : {}),
    bodyIsNull: head.bodyIsNull,
    ...(init ? { init } : {}),
    ...(initObject ? { initObject } : {}),
    status: statusFromExpression(initObject ? getPropertyValue(initObject, 'status') : bareStatus),
    headers: headersValue ? headersFromValue(headersValue, fn) : [],
    ...(fn ? { fn } : {}),
  };
}

function isResponseClass(e: ts.Expression): e is ts.Identifier & { text: 'Response' | 'NextResponse' } {
  return ts.isIdentifier(e) && (e.text === 'Response' || e.text === 'NextResponse');
}

/** A body that sends nothing: none, `null`, `undefined`, `void 0`. */
function isNullBody(body: ts.Expression | undefined): boolean {
  const value = body ? unwrap(body) : undefined;
  return (
    !value ||
    value.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(value) && value.text === 'undefined') ||
    ts.isVoidExpression(value)
  );
}

/** `new Response(body, init)` / `new NextResponse(body, init)`. */
function constructorSite(node: ts.NewExpression): ResponseSite | undefined {
  const callee = unwrap(node.expression);
  if (!isResponseClass(callee)) return undefined;
  const [body, init] = node.arguments ?? [];
  const head = {
    node,
    callee: callee.text,
    kind: 'constructor',
    ...(body ? { body } : {}),
    bodyIsNull: isNullBody(body),
  } as const;
  return siteWithInit(head, init);
}

const STATIC_METHOD_KINDS: ReadonlyMap<string, ResponseKind> = new Map([
  ['json', 'json'],
  ['redirect', 'redirect'],
  ['error', 'error'],
  ['next', 'next'],
  ['rewrite', 'rewrite'],
]);

/** `Response.json(body, init)`, `NextResponse.redirect(url, status | init)`, `Response.error()`, `NextResponse.next(init)`… */
function staticMethodSite(node: ts.CallExpression): ResponseSite | undefined {
  const callee = unwrap(node.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const object = unwrap(callee.expression);
  const kind = isResponseClass(object) ? STATIC_METHOD_KINDS.get(callee.name.text) : undefined;
  if (!isResponseClass(object) || !kind) return undefined;
  const args = node.arguments;
  if (kind === 'redirect') return siteWithInit({ node, callee: object.text, kind, bodyIsNull: true }, args[1], args[1]);
  const body = kind === 'json' ? args[0] : undefined;
  const head = { node, callee: object.text, kind, ...(body ? { body } : {}), bodyIsNull: kind !== 'json' };
  return siteWithInit(head, kind === 'json' ? args[1] : args[0]);
}

/** Recognizes `Response.json(…)`, `new Response(…)`, `NextResponse.redirect(…)` and friends. */
export function responseSite(node: ts.Node): ResponseSite | undefined {
  if (ts.isNewExpression(node)) return constructorSite(node);
  return ts.isCallExpression(node) ? staticMethodSite(node) : undefined;
}

/** Whether an identifier was declared as `new Headers(...)` (so `.set` on it writes a header). */
function isHeadersObject(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e)) return e.name.text === 'headers';
  if (ts.isIdentifier(e)) {
    const decl = findDeclaration(e.text, e);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
      const init = unwrap(decl.initializer);
      return ts.isNewExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'Headers';
    }
  }
  return false;
}

/** `x.headers.set('Name', value)` / `.append(…)` / `headers.set(…)` on a `new Headers()` local. */
export function headerCall(node: ts.CallExpression): HeaderWrite | undefined {
  const callee = unwrap(node.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  if (method !== 'set' && method !== 'append') return undefined;
  if (!isHeadersObject(callee.expression)) return undefined;
  const nameArg = node.arguments[0];
  const name = literalValue(nameArg);
  if (typeof name !== 'string' || !nameArg) return undefined;
  const value = node.arguments[1];
  const text = literalValue(value);
  const fn = enclosingFunction(node);
  return {
    name: name.toLowerCase(),
    nameNode: nameArg,
    ...(value ? { value } : {}),
    via: method,
    node,
    ...(fn ? { fn } : {}),
    ...(typeof text === 'string' ? { valueText: text } : {}),
  };
}

/** An `Access-Control-*` or `Vary` header name: the ones worth a bracket-assignment fact. */
const ASSIGNED_HEADER = /^(access-control-|vary$)/i;

/** `corsHeaders['Access-Control-Allow-Origin'] = origin`: a header set on a plain object (or, wrongly, on a `Headers`). */
export function headerAssignment(node: ts.BinaryExpression): HeaderWrite | undefined {
  if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const left = unwrap(node.left);
  if (!ts.isElementAccessExpression(left)) return undefined;
  const name = literalValue(left.argumentExpression);
  if (typeof name !== 'string' || !ASSIGNED_HEADER.test(name)) return undefined;
  const text = literalValue(node.right);
  const fn = enclosingFunction(node);
  const target = unwrap(left.expression);
  return {
    name: name.toLowerCase(),
    nameNode: left.argumentExpression,
    value: node.right,
    via: 'assign',
    node,
    target,
    ...(ts.isIdentifier(target) && isHeadersObject(target) ? { onHeadersInstance: true } : {}),
    ...(fn ? { fn } : {}),
    ...(typeof text === 'string' ? { valueText: text } : {}),
  };
}

const PROPERTY_ACCESS = ts.SyntaxKind.PropertyAccessExpression;
const PARENTHESIZED = ts.SyntaxKind.ParenthesizedExpression;
const FACT_METHOD_NAMES: ReadonlySet<string> = new Set([
  'json',
  'redirect',
  'error',
  'next',
  'rewrite',
  'set',
  'append',
  ...BODY_METHODS,
]);

/** Collects the facts; the engine feeds it every call and `new` expression during its walk. */
export class FactsCollector implements FileFacts {
  readonly responses: ResponseSite[] = [];
  readonly headerWrites: HeaderWrite[] = [];
  readonly bodyReads: BodyRead[] = [];
  private readonly handlerFns: Map<ts.Node, HandlerExport>;

  constructor(handlers: readonly HandlerExport[]) {
    this.handlerFns = new Map();
    for (const h of handlers) if (h.fn && !this.handlerFns.has(h.fn)) this.handlerFns.set(h.fn, h);
  }

  /** Header entries already recorded, so `new Headers({...})` inside a response init counts once. */
  private readonly headerNodes = new Set<ts.Node>();

  private addHeaderWrites(writes: readonly HeaderWrite[]): void {
    for (const w of writes) {
      if (this.headerNodes.has(w.node)) continue;
      this.headerNodes.add(w.node);
      this.headerWrites.push(w);
    }
  }

  visitCall(node: ts.CallExpression): void {
    // Fast path: only `x.name(...)` calls with one of the names below can be a fact.
    const callee = node.expression;
    if (callee.kind !== PROPERTY_ACCESS && callee.kind !== PARENTHESIZED) return;
    if (callee.kind === PROPERTY_ACCESS && !FACT_METHOD_NAMES.has((callee as ts.PropertyAccessExpression).name.text))
      return;
    const response = responseSite(node);
    if (response) {
      this.responses.push(response);
      this.addHeaderWrites(response.headers);
      return;
    }
    const header = headerCall(node);
    if (header) {
      this.addHeaderWrites([header]);
      return;
    }
    const read = bodyRead(node, this.handlerFns);
    if (read) this.bodyReads.push(read);
  }

  visitNew(node: ts.NewExpression): void {
    const response = responseSite(node);
    if (response) {
      this.responses.push(response);
      this.addHeaderWrites(response.headers);
      return;
    }
    // `new Headers({ Vary: 'Origin' })` built in a helper and filled later with `.set()`.
    const callee = unwrap(node.expression);
    if (ts.isIdentifier(callee) && callee.text === 'Headers' && node.arguments?.length) {
      this.addHeaderWrites(headersFromValue(node, enclosingFunction(node)));
    }
  }

  visitBinary(node: ts.BinaryExpression): void {
    const header = headerAssignment(node);
    if (header) this.addHeaderWrites([header]);
  }

  handlerFor(node: ts.Node): HandlerExport | undefined {
    let found: HandlerExport | undefined;
    for (let current: ts.Node | undefined = node; current; current = current.parent) {
      const h = this.handlerFns.get(current);
      if (h) found = h;
    }
    return found;
  }
}

/**
 * What a handler expects, read from its code: path params (from the route), query keys
 * (`searchParams.get('x')`), a JSON body skeleton (destructuring or property reads of the
 * parsed body, zod `z.object({...})` schemas), multipart fields (`formData.get('x')`),
 * `Authorization: Bearer` when the handler reads it, cookies and other headers it reads.
 * Syntax only; heuristics name example values (`email` → "user@example.com").
 */
import * as ts from 'typescript';
import type { ParsedDocument } from '../ast/parse';
import { findDeclaration, isFunctionNode, literalValue, nameText, resolveValue, unwrap, type FunctionNode } from '../ast/query';
import { collectQueryRead } from '../lint/analysis/query';
import { bodyRead, isRequestExpression } from '../lint/facts';
import { importedNameFrom } from '../lint/helpers';
import { findHandlers, type HandlerExport } from '../nextjs/exports';
import { BODYLESS_METHODS, type HttpMethod } from '../nextjs/httpMethods';
import type { RouteParam } from '../nextjs/routePath';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface InferredRequest {
  readonly method: HttpMethod;
  /** URL pattern with basePath, e.g. `/kit/api/users/[id]`. */
  readonly route: string;
  readonly params: readonly RouteParam[];
  /** Query keys the handler reads, in source order. */
  readonly query: readonly string[];
  readonly body?: { readonly kind: 'json'; readonly value: JsonValue } | { readonly kind: 'form'; readonly fields: readonly string[] } | { readonly kind: 'text' };
  /** The handler reads the Authorization header. */
  readonly auth: boolean;
  /** Cookie names the handler reads. */
  readonly cookies: readonly string[];
  /** Other request headers the handler reads (lower-cased), e.g. `x-api-key`. */
  readonly headers: readonly string[];
}

const IGNORED_HEADERS = new Set(['authorization', 'cookie', 'origin', 'user-agent', 'content-type', 'content-length', 'host', 'accept-encoding', 'referer', 'x-forwarded-for', 'x-real-ip', 'x-forwarded-proto', 'x-forwarded-host', 'accept-language']);

/** An example value for a field, from its name. */
export function exampleFor(name: string, hint?: 'string' | 'number' | 'boolean' | 'array' | 'object'): JsonValue {
  if (hint === 'number') return 0;
  if (hint === 'boolean') return false;
  if (hint === 'array') return [];
  if (hint === 'object') return {};
  const n = name.toLowerCase();
  if (hint !== 'string') {
    if (/^(is|has|can|should|enable|allow)[A-Z_]|^(published|active|enabled|done|completed|archived|verified)$/.test(name)) return false;
    if (/(count|quantity|qty|amount|price|total|age|year|page|limit|size|score|rating|order|position|index|number|duration|weight|height|width)$/.test(n)) return 0;
    if (/(tags|items|ids|list|roles|labels|categories|images|files)$/.test(n)) return [];
  }
  if (n.includes('email')) return 'user@example.com';
  if (/(url|website|link|href|homepage)$/.test(n)) return 'https://example.com';
  if (/(date|at|time)$/.test(n) && !/^(format|data)/.test(n)) return new Date(0).toISOString();
  if (n === 'password') return 'correct horse battery staple';
  return '';
}

/** A JSON skeleton from a zod schema expression (`z.object({...})`, chains, refs to local consts). */
export function zodSkeleton(expr: ts.Expression, depth = 0): JsonValue | undefined {
  if (depth > 8) return undefined;
  let e = unwrap(expr);
  if (ts.isIdentifier(e)) {
    const resolved = resolveValue(e);
    if (resolved === e) return undefined;
    return zodSkeleton(resolved, depth + 1);
  }
  // Peel chains: z.string().email().optional() → look at the innermost z.<kind>() call and the modifiers.
  const modifiers: string[] = [];
  let defaultValue: JsonValue | undefined;
  while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
    const method = e.expression.name.text;
    const receiver = unwrap(e.expression.expression);
    const isZodRoot = ts.isIdentifier(receiver) && (receiver.text === 'z' || receiver.text === 'zod');
    const isCoerce = ts.isPropertyAccessExpression(receiver) && receiver.name.text === 'coerce';
    if (isZodRoot || isCoerce) {
      const arg = e.arguments[0];
      switch (method) {
        case 'string': {
          if (defaultValue !== undefined) return defaultValue;
          if (modifiers.includes('email')) return 'user@example.com';
          if (modifiers.includes('url')) return 'https://example.com';
          if (modifiers.includes('uuid')) return '00000000-0000-4000-8000-000000000000';
          if (modifiers.includes('datetime')) return new Date(0).toISOString();
          return '';
        }
        case 'email': return 'user@example.com';
        case 'url': return 'https://example.com';
        case 'uuid': return '00000000-0000-4000-8000-000000000000';
        case 'number': case 'bigint': case 'int': return defaultValue ?? 0;
        case 'boolean': return defaultValue ?? false;
        case 'date': return new Date(0).toISOString();
        case 'null': return null;
        case 'literal': {
          const v = literalValue(arg);
          return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : '';
        }
        case 'enum': case 'nativeEnum': {
          const list = arg && resolveValue(arg);
          if (list && ts.isArrayLiteralExpression(list)) {
            const first = literalValue(list.elements[0]);
            if (typeof first === 'string' || typeof first === 'number') return defaultValue ?? first;
          }
          return defaultValue ?? '';
        }
        case 'array': {
          const inner = arg ? zodSkeleton(arg, depth + 1) : undefined;
          return inner === undefined ? [] : [inner];
        }
        case 'object': case 'strictObject': case 'looseObject': {
          const shape = arg && resolveValue(arg);
          if (!shape || !ts.isObjectLiteralExpression(shape)) return {};
          const out: Record<string, JsonValue> = {};
          for (const p of shape.properties) {
            const key = nameText(p.name);
            if (!key) continue;
            if (ts.isPropertyAssignment(p)) out[key] = zodSkeleton(p.initializer, depth + 1) ?? exampleFor(key);
            else if (ts.isShorthandPropertyAssignment(p)) out[key] = zodSkeleton(p.name, depth + 1) ?? exampleFor(key);
          }
          return out;
        }
        case 'record': return {};
        case 'union': case 'discriminatedUnion': {
          const options = e.arguments[e.arguments.length - 1];
          const list = options && resolveValue(options);
          if (list && ts.isArrayLiteralExpression(list) && list.elements[0]) return zodSkeleton(list.elements[0], depth + 1) ?? '';
          return '';
        }
        default:
          return undefined;
      }
    }
    if (method === 'default' && e.arguments[0]) {
      const v = literalValue(e.arguments[0]);
      if (v !== undefined) defaultValue = v;
    }
    modifiers.push(method);
    e = receiver;
  }
  return undefined;
}

type Hint = 'string' | 'number' | 'boolean' | 'array' | 'object';

/** What the code says a field's type is: `typeof x === 'number'`, `Array.isArray(x)`, `x.length`. */
function hintFrom(use: ts.Node): Hint | undefined {
  const p = use.parent;
  if (ts.isTypeOfExpression(p) && ts.isBinaryExpression(p.parent)) {
    const other = p.parent.left === p ? p.parent.right : p.parent.left;
    const t = literalValue(other as ts.Expression);
    if (t === 'string' || t === 'number' || t === 'boolean' || t === 'object') return t;
  }
  if (ts.isCallExpression(p) && /Array\.isArray$/.test(p.expression.getText())) return 'array';
  if (ts.isPropertyAccessExpression(p) && p.expression === use) {
    if (/^(trim|toLowerCase|toUpperCase|includes|startsWith|endsWith|split|match|replace|padStart)$/.test(p.name.text)) return 'string';
    if (/^(map|filter|forEach|some|every|reduce|join|push)$/.test(p.name.text)) return 'array';
  }
  return undefined;
}

class Fields {
  private readonly order: string[] = [];
  private readonly hints = new Map<string, Hint>();
  private readonly nested = new Map<string, Fields>();

  add(name: string, hint?: Hint): void {
    if (!this.order.includes(name)) this.order.push(name);
    if (hint && !this.hints.has(name)) this.hints.set(name, hint);
  }

  child(name: string): Fields {
    this.add(name, 'object');
    let f = this.nested.get(name);
    if (!f) this.nested.set(name, (f = new Fields()));
    return f;
  }

  get size(): number {
    return this.order.length;
  }

  toJson(): JsonValue {
    const out: Record<string, JsonValue> = {};
    for (const name of this.order) {
      const nested = this.nested.get(name);
      out[name] = nested && nested.size ? nested.toJson() : exampleFor(name, this.hints.get(name));
    }
    return out;
  }
}

interface BodyFacts {
  fields: Fields;
  zod?: JsonValue;
  read: boolean;
  form: string[];
  formRead: boolean;
  textRead: boolean;
}

/** The expression that holds a body read's value: through `await`, `.catch(() => …)`, parentheses. */
function valueNodeOf(call: ts.CallExpression): ts.Node {
  let n: ts.Node = call;
  for (;;) {
    const p = n.parent;
    if (ts.isParenthesizedExpression(p) || ts.isAwaitExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p)) n = p;
    else if (ts.isPropertyAccessExpression(p) && p.expression === n && /^(catch|then|finally)$/.test(p.name.text) && ts.isCallExpression(p.parent)) n = p.parent;
    else return n;
  }
}

/** Collects reads of a variable holding the body: `data.title`, `const { a } = data`, `data.user.name`. */
function collectVariableReads(scope: ts.Node, decl: ts.Node, name: string, fields: Fields): void {
  const walk = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === name && findDeclaration(name, n) === decl && n !== (decl as ts.VariableDeclaration).name) {
      recordUse(n, fields, scope);
    }
    ts.forEachChild(n, walk);
  };
  walk(scope);
}

/** One use of the body value (or a sub-object): property reads and destructuring add fields. */
function recordUse(use: ts.Node, fields: Fields, scope: ts.Node): void {
  let top: ts.Node = use;
  while (ts.isParenthesizedExpression(top.parent) || ts.isAsExpression(top.parent) || ts.isNonNullExpression(top.parent) || ts.isSatisfiesExpression(top.parent) || (ts.isBinaryExpression(top.parent) && top.parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken && top.parent.left === top)) top = top.parent;
  const p = top.parent;
  if (ts.isPropertyAccessExpression(p) && p.expression === top) {
    const name = p.name.text;
    const pp = p.parent;
    // `data.user.name` → nested
    if (ts.isPropertyAccessExpression(pp) && pp.expression === p && !hintFrom(p)) {
      recordUse(p, fields.child(name), scope);
    } else fields.add(name, hintFrom(p));
    return;
  }
  if (ts.isElementAccessExpression(p) && p.expression === top && ts.isStringLiteral(p.argumentExpression)) {
    fields.add(p.argumentExpression.text, hintFrom(p));
    return;
  }
  if (ts.isVariableDeclaration(p) && p.initializer === top) {
    if (ts.isObjectBindingPattern(p.name)) {
      for (const el of p.name.elements) {
        const key = el.propertyName ? nameText(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
        if (!key || el.dotDotDotToken) continue;
        let hint: Hint | undefined;
        if (ts.isIdentifier(el.name)) {
          const local = el.name.text;
          const walk = (n: ts.Node): void => {
            if (!hint && ts.isIdentifier(n) && n.text === local && findDeclaration(local, n) === el) hint = hintFrom(n);
            ts.forEachChild(n, walk);
          };
          walk(scope);
          if (el.initializer) {
            const d = literalValue(el.initializer);
            if (typeof d === 'number') hint ??= 'number';
            else if (typeof d === 'boolean') hint ??= 'boolean';
            else if (ts.isArrayLiteralExpression(unwrap(el.initializer))) hint ??= 'array';
          }
        }
        fields.add(key, hint);
      }
    } else if (ts.isIdentifier(p.name)) {
      collectVariableReads(scope, p, p.name.text, fields);
    }
  }
}

function readsAuthorization(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'get') return undefined;
  const key = literalValue(call.arguments[0]);
  if (typeof key !== 'string') return undefined;
  const target = unwrap(callee.expression);
  // request.headers.get('x') or (await headers()).get('x') / const h = await headers()
  if (ts.isPropertyAccessExpression(target) && target.name.text === 'headers') return key.toLowerCase();
  let t = target;
  if (ts.isAwaitExpression(t)) t = unwrap(t.expression);
  if (ts.isCallExpression(t) && ts.isIdentifier(t.expression) && importedNameFrom(t.expression, 'next/headers') === 'headers') return key.toLowerCase();
  if (ts.isIdentifier(t)) {
    const decl = findDeclaration(t.text, t);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
      let init = unwrap(decl.initializer);
      if (ts.isAwaitExpression(init)) init = unwrap(init.expression);
      if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && importedNameFrom(init.expression, 'next/headers') === 'headers') return key.toLowerCase();
      if (ts.isPropertyAccessExpression(init) && init.name.text === 'headers') return key.toLowerCase();
      if (ts.isNewExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'Headers') return undefined;
    }
  }
  return undefined;
}

function cookieName(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'get' && callee.name.text !== 'has')) return undefined;
  const key = literalValue(call.arguments[0]);
  if (typeof key !== 'string') return undefined;
  let target = unwrap(callee.expression);
  if (ts.isPropertyAccessExpression(target) && target.name.text === 'cookies') return isRequestExpression(target.expression) ? key : undefined;
  if (ts.isAwaitExpression(target)) target = unwrap(target.expression);
  if (ts.isCallExpression(target) && ts.isIdentifier(target.expression) && importedNameFrom(target.expression, 'next/headers') === 'cookies') return key;
  if (ts.isIdentifier(target)) {
    const decl = findDeclaration(target.text, target);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
      let init = unwrap(decl.initializer);
      if (ts.isAwaitExpression(init)) init = unwrap(init.expression);
      if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && importedNameFrom(init.expression, 'next/headers') === 'cookies') return key;
    }
  }
  return undefined;
}

/** The functions whose code counts for a handler: its own, and local functions it calls (one level). */
function handlerScopes(fn: FunctionNode): ts.Node[] {
  const scopes: ts.Node[] = [fn];
  const seen = new Set<ts.Node>([fn]);
  const walk = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
      const decl = findDeclaration(n.expression.text, n.expression);
      const target = decl && ts.isFunctionDeclaration(decl) ? decl : decl && ts.isVariableDeclaration(decl) && decl.initializer && isFunctionNode(unwrap(decl.initializer)) ? unwrap(decl.initializer) : undefined;
      if (target && !seen.has(target)) {
        seen.add(target);
        scopes.push(target);
      }
    }
    ts.forEachChild(n, walk);
  };
  if (fn.body) walk(fn.body);
  return scopes;
}

export function inferFromHandler(handler: HandlerExport, route: string, params: readonly RouteParam[]): InferredRequest {
  const method = handler.method;
  const query: string[] = [];
  const cookies: string[] = [];
  const headers: string[] = [];
  let auth = false;
  const body: BodyFacts = { fields: new Fields(), read: false, form: [], formRead: false, textRead: false };
  const fn = handler.fn;
  if (fn) {
    const handlerFns = new Set<ts.Node>([fn]);
    for (const scope of handlerScopes(fn)) {
      const visit = (n: ts.Node): void => {
        if (ts.isCallExpression(n)) {
          const q = collectQueryRead(n);
          if (q && !query.includes(q.key)) query.push(q.key);
          const header = readsAuthorization(n);
          if (header === 'authorization') auth = true;
          else if (header && !IGNORED_HEADERS.has(header) && !headers.includes(header)) headers.push(header);
          const cookie = cookieName(n);
          if (cookie && !cookies.includes(cookie)) cookies.push(cookie);
          const read = bodyRead(n, handlerFns);
          if (read) {
            if (read.method === 'json') {
              body.read = true;
              recordUse(valueNodeOf(read.call), body.fields, scope);
              // `const body = await req.json()` assigned in a try, destructured later: `const { a } = body as …`
              const assigned = valueNodeOf(read.call).parent;
              if (ts.isBinaryExpression(assigned) && assigned.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(assigned.left)) {
                const decl = findDeclaration(assigned.left.text, assigned.left);
                if (decl && ts.isVariableDeclaration(decl)) collectVariableReads(scope, decl, assigned.left.text, body.fields);
              }
            } else if (read.method === 'formData') {
              body.formRead = true;
              const holder = valueNodeOf(read.call).parent;
              const formVar = ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) ? holder.name.text : undefined;
              if (formVar) {
                const walkForm = (c: ts.Node): void => {
                  if (ts.isCallExpression(c) && ts.isPropertyAccessExpression(unwrap(c.expression)) && /^(get|getAll|has)$/.test((unwrap(c.expression) as ts.PropertyAccessExpression).name.text)) {
                    const target = unwrap((unwrap(c.expression) as ts.PropertyAccessExpression).expression);
                    const key = literalValue(c.arguments[0]);
                    if (ts.isIdentifier(target) && target.text === formVar && typeof key === 'string' && !body.form.includes(key)) body.form.push(key);
                  }
                  ts.forEachChild(c, walkForm);
                };
                walkForm(scope);
              }
            } else if (read.method === 'text') body.textRead = true;
          }
          // zod: Schema.parse(await req.json()) / Schema.safeParse(body)
          const callee = unwrap(n.expression);
          if (ts.isPropertyAccessExpression(callee) && /^(parse|safeParse|parseAsync|safeParseAsync)$/.test(callee.name.text) && n.arguments[0]) {
            const arg = unwrap(n.arguments[0]);
            const isBody = (ts.isAwaitExpression(arg) && ts.isCallExpression(unwrap(arg.expression)) && bodyRead(unwrap(arg.expression) as ts.CallExpression, handlerFns)) ||
              (ts.isIdentifier(arg) && (() => {
                const d = findDeclaration(arg.text, arg);
                let init = d && ts.isVariableDeclaration(d) && d.initializer ? unwrap(d.initializer) : undefined;
                if (init && ts.isAwaitExpression(init)) init = unwrap(init.expression);
                if (init && ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === 'catch') init = unwrap(init.expression.expression);
                return !!init && ts.isCallExpression(init) && !!bodyRead(init, handlerFns);
              })()) ||
              (ts.isAwaitExpression(arg) && ts.isCallExpression(unwrap(arg.expression)) && ts.isPropertyAccessExpression(unwrap((unwrap(arg.expression) as ts.CallExpression).expression)) && /\.json\(\)\.catch/.test(arg.getText()));
            if (isBody) {
              const skeleton = zodSkeleton(callee.expression);
              if (skeleton !== undefined) {
                body.zod = skeleton;
                body.read = true;
              }
            }
          }
        }
        ts.forEachChild(n, visit);
      };
      visit(scope);
    }
  }
  let inferredBody: InferredRequest['body'];
  if (!BODYLESS_METHODS.has(method)) {
    if (body.zod !== undefined) inferredBody = { kind: 'json', value: body.zod };
    else if (body.read) inferredBody = { kind: 'json', value: body.fields.toJson() };
    else if (body.formRead) inferredBody = { kind: 'form', fields: body.form };
    else if (body.textRead) inferredBody = { kind: 'text' };
  }
  return { method, route, params, query, ...(inferredBody ? { body: inferredBody } : {}), auth, cookies, headers };
}

/** Inferred requests for every exported handler of a parsed route file. */
export function inferRequests(doc: ParsedDocument, route: string, params: readonly RouteParam[]): InferredRequest[] {
  return doc.memo(`request:infer:${route}`, () => findHandlers(doc).map((h) => inferFromHandler(h, route, params)));
}

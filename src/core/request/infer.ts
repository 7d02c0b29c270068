/**
 * What a handler expects, read from its code (syntax only, no type checker):
 * - path params: from the route model;
 * - query keys: `searchParams.get('x')` / `getAll` / `has` through `new URL(request.url)`,
 *   `request.nextUrl`, destructured `{ searchParams }` and aliases, and the keys of
 *   `Object.fromEntries(searchParams)` (destructured, property reads, or a zod schema);
 * - a JSON body skeleton: destructuring and property reads of the parsed body, through
 *   variables, `??`/`as`, local helper functions it is passed to or returned from, and zod
 *   schemas it is parsed with (`Schema.parse/safeParse(body)`);
 * - multipart fields: `formData.get('x')`, with file fields told apart (`instanceof File`,
 *   `.arrayBuffer()`, `as File`);
 * - `Authorization: Bearer` when the handler (or a local helper or wrapper) reads it;
 *   cookies it reads; other request headers it reads.
 * GET and HEAD never get a body; other methods only when the handler reads one.
 */
import * as ts from 'typescript';
import type { ParsedDocument } from '../ast/parse';
import { findDeclaration, literalValue, nameText, unwrap, type FunctionNode } from '../ast/query';
import { collectQueryRead } from '../lint/analysis/query';
import { bodyRead, isRequestExpression } from '../lint/facts';
import { findHandlers, type HandlerExport } from '../nextjs/exports';
import { BODYLESS_METHODS, type HttpMethod } from '../nextjs/httpMethods';
import type { RouteParam } from '../nextjs/routePath';
import { exampleFor, type Hint, type JsonValue } from './examples';
import { headerEnvValue } from './envCompare';
import { callsOf, handlerScopes, holderOf, localCallee, referencesOf, returnedFrom, storedIn } from './flow';
import { zodSkeleton } from './zod';

export type { JsonValue } from './examples';
export { exampleFor } from './examples';
export { zodSkeleton } from './zod';

export type InferredBody =
  | { readonly kind: 'json'; readonly value: JsonValue }
  /** `fields` in source order; `files` are the fields the code treats as files. */
  | { readonly kind: 'form'; readonly fields: readonly string[]; readonly files: readonly string[] }
  | { readonly kind: 'text' };

export interface InferredRequest {
  readonly method: HttpMethod;
  /** URL pattern with basePath, e.g. `/kit/api/users/[id]`. */
  readonly route: string;
  readonly params: readonly RouteParam[];
  /** Query keys the handler reads, in source order. */
  readonly query: readonly string[];
  readonly body?: InferredBody;
  /** The handler reads the Authorization header. */
  readonly auth: boolean;
  /** Cookie names the handler reads. */
  readonly cookies: readonly string[];
  /** Other request headers the handler reads (lower-cased), e.g. `x-api-key`. */
  readonly headers: readonly string[];
  /** Values for headers the handler compares with an env var: `{ 'x-api-key': '{{$dotenv API_KEY}}' }`. */
  readonly headerValues?: Readonly<Record<string, string>>;
}

/** Headers a client sets by itself, or that identify the client; never worth a placeholder. */
const IGNORED_HEADERS = new Set([
  'authorization',
  'cookie',
  'origin',
  'user-agent',
  'content-type',
  'content-length',
  'host',
  'accept',
  'accept-encoding',
  'accept-language',
  'referer',
  'connection',
  'x-real-ip',
  'cf-connecting-ip',
  'true-client-ip',
]);
const IGNORED_HEADER_PREFIX = /^(x-forwarded-|x-vercel-|sec-|cf-)/;

/** Member names that say what a value is without being a field of it ('' = no hint). */
const MEMBER_HINTS: ReadonlyMap<string, Hint | ''> = new Map<string, Hint | ''>([
  ...[
    'trim',
    'trimStart',
    'trimEnd',
    'toLowerCase',
    'toUpperCase',
    'startsWith',
    'endsWith',
    'split',
    'match',
    'matchAll',
    'replace',
    'replaceAll',
    'padStart',
    'padEnd',
    'charAt',
    'charCodeAt',
    'substring',
    'substr',
    'normalize',
    'localeCompare',
    'codePointAt',
    'search',
    'repeat',
  ].map((m) => [m, 'string'] as const),
  ...[
    'map',
    'filter',
    'forEach',
    'some',
    'every',
    'reduce',
    'reduceRight',
    'join',
    'push',
    'pop',
    'shift',
    'unshift',
    'flat',
    'flatMap',
    'find',
    'findIndex',
    'findLast',
    'sort',
    'reverse',
    'splice',
    'keys',
    'values',
    'entries',
  ].map((m) => [m, 'array'] as const),
  ...['toFixed', 'toPrecision'].map((m) => [m, 'number'] as const),
  ...[
    'length',
    'includes',
    'slice',
    'indexOf',
    'lastIndexOf',
    'at',
    'concat',
    'toString',
    'valueOf',
    'hasOwnProperty',
    'then',
  ].map((m) => [m, ''] as const),
]);
/** Members only a `File`/`Blob` has (a form field's value is `string | File`). */
const FILE_MEMBERS = new Set(['arrayBuffer', 'stream', 'bytes', 'text', 'size', 'type', 'name', 'lastModified']);
const PARSE_METHODS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'spa']);
const MAX_DEPTH = 10;

/** Fields of a JSON object as the code reads them, with nested objects and type hints. */
class Fields {
  private readonly order: string[] = [];
  private readonly hints = new Map<string, Hint>();
  private readonly nested = new Map<string, Fields>();
  /** A zod schema the value is parsed with: it wins over the reads. */
  schema: JsonValue | undefined;

  read(name: string, hint?: Hint): void {
    if (!this.order.includes(name)) this.order.push(name);
    if (hint && !this.hints.has(name)) this.hints.set(name, hint);
  }

  child(name: string): Fields {
    this.read(name);
    let f = this.nested.get(name);
    if (!f) this.nested.set(name, (f = new Fields()));
    return f;
  }

  get empty(): boolean {
    return this.order.length === 0 && this.schema === undefined;
  }

  /** Top-level names (schema keys first when there is an object schema). */
  names(): string[] {
    const fromSchema =
      this.schema && typeof this.schema === 'object' && !Array.isArray(this.schema) ? Object.keys(this.schema) : [];
    return [...new Set([...fromSchema, ...this.order])];
  }

  toJson(): JsonValue {
    if (this.schema !== undefined) return this.schema;
    const out: Record<string, JsonValue> = {};
    for (const name of this.order) {
      const nested = this.nested.get(name);
      const hint = this.hints.get(name);
      out[name] =
        nested && !nested.empty && (hint === undefined || hint === 'object') ? nested.toJson() : exampleFor(name, hint);
    }
    return out;
  }
}

function typeOfLiteral(v: ReturnType<typeof literalValue>): Hint | undefined {
  return typeof v === 'string'
    ? 'string'
    : typeof v === 'number'
      ? 'number'
      : typeof v === 'boolean'
        ? 'boolean'
        : undefined;
}

class Inference {
  readonly query: string[] = [];
  readonly cookies: string[] = [];
  readonly headers: string[] = [];
  readonly headerValues: Record<string, string> = {};
  auth = false;
  readonly json = new Fields();
  jsonRead = false;
  readonly form: string[] = [];
  readonly files: string[] = [];
  formRead = false;
  textRead = false;
  textAsJson = false;
  private readonly visited = new Set<ts.Node>();

  constructor(
    private readonly scopes: readonly FunctionNode[],
    private readonly handlerFns: ReadonlySet<ts.Node>,
  ) {}

  run(): void {
    for (const scope of this.scopes) this.visit(scope);
  }

  private visit(node: ts.Node): void {
    if (ts.isCallExpression(node) && !this.visited.has(node)) {
      this.visited.add(node);
      this.call(node);
    }
    ts.forEachChild(node, (n) => this.visit(n));
  }

  private addOnce(list: string[], value: string): void {
    if (!list.includes(value)) list.push(value);
  }

  private call(n: ts.CallExpression): void {
    const q = collectQueryRead(n);
    if (q) this.addOnce(this.query, q.key);
    const has = searchParamsHas(n);
    if (has) this.addOnce(this.query, has);
    if (isObjectFromEntries(n) && n.arguments[0] && isSearchParams(n.arguments[0])) {
      const keys = new Fields();
      this.useOf(n, keys, 0);
      for (const k of keys.names()) this.addOnce(this.query, k);
    }
    const header = headerRead(n);
    const fromEnv = header ? headerEnvValue(n) : undefined;
    if (header && fromEnv) this.headerValues[header] ??= fromEnv;
    if (header === 'authorization') this.auth = true;
    else if (header && !IGNORED_HEADERS.has(header) && !IGNORED_HEADER_PREFIX.test(header))
      this.addOnce(this.headers, header);
    const cookie = cookieRead(n);
    if (cookie) this.addOnce(this.cookies, cookie);
    const read = bodyRead(n, this.handlerFns);
    if (!read) return;
    if (read.method === 'json') {
      this.jsonRead = true;
      this.valueFlow(n, (value) => this.useOf(value, this.json, 0));
    } else if (read.method === 'formData') {
      this.formRead = true;
      this.valueFlow(n, (value) => this.formUse(value));
    } else if (read.method === 'text') {
      this.textRead = true;
      this.valueFlow(n, (value) => this.textUse(value));
    }
  }

  /** Calls `use` with the expression holding a read's value, and with calls of a local helper that returns it. */
  private valueFlow(read: ts.CallExpression, use: (value: ts.Node) => void): void {
    use(read);
    const fn = returnedFrom(holderOf(read));
    if (fn) for (const call of callsOf(fn, this.scopes)) if (call !== read) use(call);
  }

  /**
   * Records what the code does with a (JSON) value into `fields`, and returns what it says
   * about the value's own type.
   */
  private useOf(node: ts.Node, fields: Fields, depth: number): Hint | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const top = holderOf(node);
    const p = top.parent;
    if (!p) return undefined;
    if (ts.isPropertyAccessExpression(p) && p.expression === top) {
      const member = MEMBER_HINTS.get(p.name.text);
      if (member !== undefined) return member || undefined;
      const name = p.name.text;
      fields.read(name, this.useOf(p, fields.child(name), depth + 1));
      return 'object';
    }
    if (ts.isElementAccessExpression(p) && p.expression === top) {
      const key = literalValue(p.argumentExpression);
      if (typeof key === 'string') {
        fields.read(key, this.useOf(p, fields.child(key), depth + 1));
        return 'object';
      }
      return typeof key === 'number' ? 'array' : undefined;
    }
    if (ts.isVariableDeclaration(p) && p.initializer === top) {
      if (ts.isObjectBindingPattern(p.name)) {
        this.bind(p.name, fields, depth + 1);
        return 'object';
      }
      if (ts.isArrayBindingPattern(p.name)) return 'array';
    }
    const stored = storedIn(top);
    if (stored) return this.usesOfDeclaration(stored, fields, depth + 1);
    if (ts.isTypeOfExpression(p) && ts.isBinaryExpression(p.parent)) {
      const other = p.parent.left === p ? p.parent.right : p.parent.left;
      const t = literalValue(other);
      return t === 'string' || t === 'number' || t === 'boolean' || t === 'object' ? t : undefined;
    }
    if (ts.isBinaryExpression(p)) {
      const op = p.operatorToken.kind;
      const other = p.left === top ? p.right : p.left;
      if (op === ts.SyntaxKind.InstanceOfKeyword && p.left === top)
        return /^Array$/.test(p.right.getText()) ? 'array' : undefined;
      if (
        op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
        op === ts.SyntaxKind.EqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsToken
      ) {
        return typeOfLiteral(literalValue(other));
      }
      if (
        [
          ts.SyntaxKind.LessThanToken,
          ts.SyntaxKind.GreaterThanToken,
          ts.SyntaxKind.LessThanEqualsToken,
          ts.SyntaxKind.GreaterThanEqualsToken,
          ts.SyntaxKind.MinusToken,
          ts.SyntaxKind.AsteriskToken,
          ts.SyntaxKind.SlashToken,
          ts.SyntaxKind.PercentToken,
        ].includes(op)
      ) {
        return 'number';
      }
    }
    if (ts.isForOfStatement(p) && p.expression === top) return 'array';
    if (ts.isCallExpression(p) && p.arguments[0] === top) {
      const callee = unwrap(p.expression);
      if (ts.isPropertyAccessExpression(callee)) {
        const text = callee.getText();
        if (text === 'Array.isArray') return 'array';
        if (text === 'Number.isInteger' || text === 'Number.isFinite' || text === 'Number.isSafeInteger')
          return 'number';
        if (PARSE_METHODS.has(callee.name.text)) return this.parsedWith(p, callee, fields, depth + 1);
      }
    }
    const local = localCallee(top);
    if (local) {
      const param = local.fn.parameters[local.index];
      if (param && ts.isIdentifier(param.name)) return this.usesOfDeclaration(param, fields, depth + 1);
      if (param && ts.isObjectBindingPattern(param.name)) {
        this.bind(param.name, fields, depth + 1);
        return 'object';
      }
    }
    return undefined;
  }

  /** `Schema.parse(value)`: the schema's skeleton when it is readable here, else how the parsed value is used. */
  private parsedWith(
    call: ts.CallExpression,
    callee: ts.PropertyAccessExpression,
    fields: Fields,
    depth: number,
  ): Hint | undefined {
    const skeleton = zodSkeleton(callee.expression);
    if (skeleton !== undefined) {
      fields.schema ??= skeleton;
      return Array.isArray(skeleton)
        ? 'array'
        : typeof skeleton === 'object' && skeleton !== null
          ? 'object'
          : undefined;
    }
    if (!callee.name.text.startsWith('safe') && callee.name.text !== 'spa') return this.useOf(call, fields, depth);
    // `const r = Schema.safeParse(body)` → reads of `r.data`; `const { data } = Schema.safeParse(body)`.
    const holder = holderOf(call);
    const p = holder.parent;
    if (p && ts.isVariableDeclaration(p) && ts.isObjectBindingPattern(p.name)) {
      for (const el of p.name.elements) {
        if (nameText(el.propertyName ?? el.name) === 'data' && ts.isIdentifier(el.name))
          return this.usesOfDeclaration(el, fields, depth + 1);
      }
      return undefined;
    }
    const stored = storedIn(holder);
    if (!stored) return undefined;
    let hint: Hint | undefined;
    for (const ref of referencesOf(stored)) {
      const parent = ref.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === ref && parent.name.text === 'data') {
        const h = this.useOf(parent, fields, depth + 1);
        hint ??= h;
      }
    }
    return hint;
  }

  private usesOfDeclaration(
    decl: ts.VariableDeclaration | ts.ParameterDeclaration | ts.BindingElement,
    fields: Fields,
    depth: number,
  ): Hint | undefined {
    let hint: Hint | undefined;
    for (const ref of referencesOf(decl)) {
      const h = this.useOf(ref, fields, depth);
      hint ??= h;
    }
    return hint;
  }

  /** `const { a, b: { c }, d = 0 } = value`. */
  private bind(pattern: ts.ObjectBindingPattern, fields: Fields, depth: number): void {
    for (const el of pattern.elements) {
      if (el.dotDotDotToken) continue;
      const key = el.propertyName ? nameText(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
      if (!key) continue;
      let hint: Hint | undefined;
      if (ts.isIdentifier(el.name)) hint = this.usesOfDeclaration(el, fields.child(key), depth + 1);
      else if (ts.isObjectBindingPattern(el.name)) {
        this.bind(el.name, fields.child(key), depth + 1);
        hint = 'object';
      } else hint = 'array';
      if (el.initializer) {
        const init = unwrap(el.initializer);
        hint ??=
          typeOfLiteral(literalValue(init)) ??
          (ts.isArrayLiteralExpression(init) ? 'array' : ts.isObjectLiteralExpression(init) ? 'object' : undefined);
      }
      fields.read(key, hint);
    }
  }

  /** What the code does with the parsed form: `form.get('x')`, `Object.fromEntries(form)`. */
  private formUse(node: ts.Node): void {
    const holder = holderOf(node);
    const onForm = (ref: ts.Node): void => {
      const p = ref.parent;
      if (
        p &&
        ts.isPropertyAccessExpression(p) &&
        p.expression === ref &&
        /^(get|getAll|has)$/.test(p.name.text) &&
        ts.isCallExpression(p.parent)
      ) {
        const key = literalValue(p.parent.arguments[0]);
        if (typeof key === 'string') {
          this.addOnce(this.form, key);
          if (p.name.text !== 'has' && this.isFileValue(p.parent)) this.addOnce(this.files, key);
        }
        return;
      }
      if (p && ts.isCallExpression(p) && isObjectFromEntries(p) && p.arguments[0] === ref) {
        const keys = new Fields();
        this.useOf(p, keys, 0);
        for (const k of keys.names()) this.addOnce(this.form, k);
      }
    };
    onForm(holder);
    const stored = storedIn(holder);
    if (stored) for (const ref of referencesOf(stored)) onForm(holderOf(ref));
  }

  /** Whether the value of `form.get('x')` is used as a file. */
  private isFileValue(get: ts.CallExpression): boolean {
    const holder = holderOf(get);
    for (let n: ts.Node | undefined = get; n && n !== holder.parent; n = n.parent) {
      if (ts.isAsExpression(n) && /\b(File|Blob)\b/.test(n.type.getText())) return true;
    }
    const fileUse = (ref: ts.Node): boolean => {
      const top = holderOf(ref);
      const p = top.parent;
      if (!p) return false;
      if (ts.isBinaryExpression(p) && p.left === top && p.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword)
        return /^(File|Blob)$/.test(p.right.getText());
      if (ts.isPropertyAccessExpression(p) && p.expression === top) return FILE_MEMBERS.has(p.name.text);
      return false;
    };
    if (fileUse(get)) return true;
    const stored = storedIn(holder);
    return !!stored && referencesOf(stored).some(fileUse);
  }

  /** `const raw = await request.text(); JSON.parse(raw)` reads JSON after all. */
  private textUse(node: ts.Node): void {
    const onText = (ref: ts.Node): void => {
      const top = holderOf(ref);
      const p = top.parent;
      if (p && ts.isCallExpression(p) && p.arguments[0] === top && unwrap(p.expression).getText() === 'JSON.parse') {
        this.textAsJson = true;
        this.useOf(p, this.json, 0);
      }
    };
    onText(node);
    const stored = storedIn(holderOf(node));
    if (stored) for (const ref of referencesOf(stored)) onText(ref);
  }

  body(method: HttpMethod): InferredBody | undefined {
    if (BODYLESS_METHODS.has(method)) return undefined;
    if (this.jsonRead || this.textAsJson) return { kind: 'json', value: this.json.toJson() };
    if (this.formRead) return { kind: 'form', fields: this.form, files: this.files };
    if (this.textRead) return { kind: 'text' };
    return undefined;
  }
}

function isObjectFromEntries(call: ts.CallExpression): boolean {
  return unwrap(call.expression).getText() === 'Object.fromEntries';
}

/** Whether an expression is a `URLSearchParams` of the request: `x.searchParams`, `{ searchParams }`, `new URLSearchParams(…)`, or a variable holding one. */
function isSearchParams(expr: ts.Expression, depth = 0): boolean {
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e)) return e.name.text === 'searchParams';
  if (ts.isNewExpression(e)) return ts.isIdentifier(e.expression) && e.expression.text === 'URLSearchParams';
  // `searchParams.entries()`
  if (
    ts.isCallExpression(e) &&
    e.arguments.length === 0 &&
    ts.isPropertyAccessExpression(e.expression) &&
    e.expression.name.text === 'entries'
  )
    return isSearchParams(e.expression.expression, depth);
  if (!ts.isIdentifier(e) || depth > 3) return false;
  const decl = findDeclaration(e.text, e);
  if (!decl) return false;
  if (ts.isBindingElement(decl)) return nameText(decl.propertyName ?? decl.name) === 'searchParams';
  if (ts.isVariableDeclaration(decl) && decl.initializer) return isSearchParams(decl.initializer, depth + 1);
  return false;
}

/** `searchParams.has('x')` → 'x'. */
function searchParamsHas(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'has') return undefined;
  const key = literalValue(call.arguments[0]);
  return typeof key === 'string' && isSearchParams(callee.expression) ? key : undefined;
}

/** Whether an identifier names `headers()`/`cookies()` imported from next/headers. */
function isNextHeadersCall(expr: ts.Expression, name: 'headers' | 'cookies'): boolean {
  let e = unwrap(expr);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression)) return false;
  const id = e.expression;
  for (const st of id.getSourceFile().statements) {
    if (
      !ts.isImportDeclaration(st) ||
      !ts.isStringLiteral(st.moduleSpecifier) ||
      st.moduleSpecifier.text !== 'next/headers'
    )
      continue;
    const named = st.importClause?.namedBindings;
    if (named && ts.isNamedImports(named)) {
      for (const el of named.elements) if (el.name.text === id.text) return (el.propertyName ?? el.name).text === name;
    }
  }
  return false;
}

/** The receiver of `x.get('key')` / `x.has('key')` with a literal key. */
function keyedRead(call: ts.CallExpression): { target: ts.Expression; key: string } | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'get' && callee.name.text !== 'has'))
    return undefined;
  const key = literalValue(call.arguments[0]);
  return typeof key === 'string' ? { target: unwrap(callee.expression), key } : undefined;
}

/** A request header the call reads: `request.headers.get('x')`, `(await headers()).get('x')`, via a variable. */
function headerRead(call: ts.CallExpression): string | undefined {
  const read = keyedRead(call);
  if (!read) return undefined;
  const key = read.key.toLowerCase();
  const t = read.target;
  if (ts.isPropertyAccessExpression(t) && t.name.text === 'headers') return key;
  if (isNextHeadersCall(t, 'headers')) return key;
  if (ts.isIdentifier(t)) {
    const decl = findDeclaration(t.text, t);
    if (decl && ts.isBindingElement(decl))
      return nameText(decl.propertyName ?? decl.name) === 'headers' ? key : undefined;
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
      const init = unwrap(decl.initializer);
      if (isNextHeadersCall(init, 'headers')) return key;
      if (ts.isPropertyAccessExpression(init) && init.name.text === 'headers') return key;
    }
  }
  return undefined;
}

/** A cookie the call reads: `request.cookies.get('x')`, `(await cookies()).get('x')`, via a variable. */
function cookieRead(call: ts.CallExpression): string | undefined {
  const read = keyedRead(call);
  if (!read) return undefined;
  const t = read.target;
  if (ts.isPropertyAccessExpression(t) && t.name.text === 'cookies')
    return isRequestExpression(t.expression) ? read.key : undefined;
  if (isNextHeadersCall(t, 'cookies')) return read.key;
  if (ts.isIdentifier(t)) {
    const decl = findDeclaration(t.text, t);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
      const init = unwrap(decl.initializer);
      if (isNextHeadersCall(init, 'cookies')) return read.key;
      if (ts.isPropertyAccessExpression(init) && init.name.text === 'cookies' && isRequestExpression(init.expression))
        return read.key;
    }
  }
  return undefined;
}

export function inferFromHandler(
  handler: HandlerExport,
  route: string,
  params: readonly RouteParam[],
): InferredRequest {
  const method = handler.method;
  if (!handler.fn) return { method, route, params, query: [], auth: false, cookies: [], headers: [] };
  const inference = new Inference(handlerScopes(handler.fn, handler.wrapper), new Set<ts.Node>([handler.fn]));
  inference.run();
  const body = inference.body(method);
  return {
    method,
    route,
    params,
    query: inference.query,
    ...(body ? { body } : {}),
    auth: inference.auth,
    cookies: inference.cookies,
    headers: inference.headers,
    ...(Object.keys(inference.headerValues).length ? { headerValues: inference.headerValues } : {}),
  };
}

/** Inferred requests for every exported handler of a parsed route file (memoized per document version). */
export function inferRequests(doc: ParsedDocument, route: string, params: readonly RouteParam[]): InferredRequest[] {
  return doc.memo(`request:infer:${route}`, () => findHandlers(doc).map((h) => inferFromHandler(h, route, params)));
}

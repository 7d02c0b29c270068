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
 * - a stream body (`request.body`): a placeholder with a content type;
 * - with the project's module graph: re-exported handlers, helpers and wrappers imported
 *   from the app's own modules (relative and tsconfig `paths` imports), and zod schemas
 *   imported from them (see src/core/nextjs/modules.ts for the limits);
 * - HEAD and OPTIONS that Next.js answers by itself (marked `implicit`).
 * GET and HEAD never get a body; other methods only when the handler reads one. Cookies the
 * handler sets itself are not asked for; query keys carry the default the code falls back to.
 */
import * as ts from 'typescript';
import { importedNameFrom } from '../ast/imports';
import type { ParsedDocument } from '../ast/parse';
import { findDeclaration, literalValue, nameText, outermostExpression, unwrap, type FunctionNode } from '../ast/query';
import type { HandlerExport } from '../nextjs/exports';
import { BODYLESS_METHODS, type HttpMethod } from '../nextjs/httpMethods';
import { ModuleFollower } from '../nextjs/imports';
import type { ModuleGraph } from '../nextjs/modules';
import { bodyRead, collectQueryRead, isRequestExpression } from '../nextjs/requestReads';
import type { RouteParam } from '../nextjs/routePath';
import { implicitMethods, resolveHandlers, type ResolvedHandler } from '../routes';
import { exampleFor, type Hint, type JsonValue } from './examples';
import { headerEnvValue } from './envCompare';
import {
  callsOf,
  collectHandlerScopes,
  holderOf,
  localCallee,
  referencesOf,
  returnedFrom,
  storedIn,
  type BoundKind,
} from './flow';
import { zodSkeleton, type ImportedValue } from './zod';

export type { JsonValue } from './examples';
export { exampleFor } from './examples';
export { zodSkeleton } from './zod';

export type InferredBody =
  | { readonly kind: 'json'; readonly value: JsonValue }
  /** `fields` in source order; `files` are the fields the code treats as files. */
  | { readonly kind: 'form'; readonly fields: readonly string[]; readonly files: readonly string[] }
  | { readonly kind: 'text' }
  /** The handler reads `request.body` as a stream: any bytes, sent with `contentType`. */
  | { readonly kind: 'stream'; readonly contentType: string };

export interface InferredRequest {
  readonly method: HttpMethod;
  /** URL pattern with basePath, e.g. `/kit/api/users/[id]`. */
  readonly route: string;
  readonly params: readonly RouteParam[];
  /** Query keys the handler reads, in source order. */
  readonly query: readonly string[];
  /** The value the handler falls back to for a query key (`sp.get('page') ?? '1'` → `page: '1'`). */
  readonly queryDefaults?: Readonly<Record<string, string>>;
  readonly body?: InferredBody;
  /** The handler reads the Authorization header. */
  readonly auth: boolean;
  /** Cookie names the handler reads. */
  readonly cookies: readonly string[];
  /** Other request headers the handler reads (lower-cased), e.g. `x-api-key`. */
  readonly headers: readonly string[];
  /** A method Next.js answers without an export: HEAD (runs GET, no body) or OPTIONS (204 with `Allow`). */
  readonly implicit?: boolean;
  /** The file holding the handler's code when it is re-exported from another module. */
  readonly definedIn?: string;
  /** A limit (module hops, files, time) stopped following imports: the request may be incomplete. */
  readonly incomplete?: boolean;
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

/**
 * What the code says about a JSON value, as typed data for consumers that need more than an
 * example (the OpenAPI export): field names in source order, the type each read reveals,
 * nested objects, the zod schema the value is parsed with, and the TypeScript types it is
 * given (`as T`, `satisfies T`, a typed variable or parameter).
 */
export interface BodyFields {
  readonly order: readonly string[];
  readonly hints: ReadonlyMap<string, Hint>;
  readonly nested: ReadonlyMap<string, BodyFields>;
  /** The zod schema expression the value is parsed with (`Schema.parse(value)`). */
  readonly zod: ts.Expression | undefined;
  /** Types written for the value, outermost first (`unknown` and `any` left out). */
  readonly types: readonly ts.TypeNode[];
}

/** Fields of a JSON object as the code reads them, with nested objects and type hints. */
class Fields implements BodyFields {
  readonly order: string[] = [];
  readonly hints = new Map<string, Hint>();
  readonly nested = new Map<string, Fields>();
  /** A zod schema the value is parsed with: it wins over the reads. */
  schema: JsonValue | undefined;
  zod: ts.Expression | undefined;
  readonly types: ts.TypeNode[] = [];

  /** Records a type written for the value (`as T`, a typed declaration), unless it says nothing. */
  typed(type: ts.TypeNode | undefined): void {
    if (!type || type.kind === ts.SyntaxKind.UnknownKeyword || type.kind === ts.SyntaxKind.AnyKeyword) return;
    if (!this.types.includes(type)) this.types.push(type);
  }

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

/** Types the value is given on its way to where it is held: `(await request.json()) as Body`. */
function noteAssertedTypes(node: ts.Node, top: ts.Node, fields: Fields): void {
  for (let n: ts.Node = node; n !== top && n.parent; n = n.parent) {
    const t = n.parent;
    if (ts.isAsExpression(t) || ts.isSatisfiesExpression(t) || ts.isTypeAssertionExpression(t)) fields.typed(t.type);
  }
}

/** `typeof value === 'string'`. */
function typeofComparisonHint(typeOf: ts.TypeOfExpression, comparison: ts.BinaryExpression): Hint | undefined {
  const t = literalValue(comparison.left === typeOf ? comparison.right : comparison.left);
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'object' ? t : undefined;
}

const EQUALITY_OPERATORS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** Operators that only make sense on numbers. */
const NUMBER_OPERATORS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken,
]);

/** The value as an operand: `value instanceof Array`, `value === 'x'`, `value * 2`. */
function operandHint(p: ts.BinaryExpression, top: ts.Node): Hint | undefined {
  const op = p.operatorToken.kind;
  if (op === ts.SyntaxKind.InstanceOfKeyword && p.left === top)
    return /^Array$/.test(p.right.getText()) ? 'array' : undefined;
  if (EQUALITY_OPERATORS.has(op)) return typeOfLiteral(literalValue(p.left === top ? p.right : p.left));
  return NUMBER_OPERATORS.has(op) ? 'number' : undefined;
}

/** Checks that tell the type of the value passed first: `Array.isArray(value)`. */
const CHECK_HINTS: ReadonlyMap<string, Hint> = new Map<string, Hint>([
  ['Array.isArray', 'array'],
  ['Number.isInteger', 'number'],
  ['Number.isFinite', 'number'],
  ['Number.isSafeInteger', 'number'],
]);

class Inference {
  readonly query: string[] = [];
  readonly queryDefaults: Record<string, string> = {};
  /** The calls reading each query key (for the type and default the code implies). */
  readonly queryCalls = new Map<string, ts.CallExpression[]>();
  readonly cookies: string[] = [];
  /** Where the handler sets a cookie on the request's store (`(await cookies()).set`), by name. */
  private readonly cookieSets = new Map<string, ts.CallExpression[]>();
  /** Where it reads one, by name. */
  private readonly cookieReads = new Map<string, ts.CallExpression[]>();
  streamRead = false;
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
    private readonly bound: ReadonlyMap<ts.ParameterDeclaration, BoundKind> = new Map(),
    private readonly imports?: ImportedValue,
  ) {}

  run(): void {
    for (const scope of this.scopes) this.visit(scope);
  }

  private visit(node: ts.Node): void {
    if (ts.isCallExpression(node) && !this.visited.has(node)) {
      this.visited.add(node);
      this.call(node);
    } else if (ts.isPropertyAccessExpression(node) && node.name.text === 'body' && !this.visited.has(node)) {
      this.visited.add(node);
      if (isRequestExpression(node.expression, this.handlerFns) && !isAssignmentTarget(node)) this.streamRead = true;
    }
    ts.forEachChild(node, (n) => this.visit(n));
  }

  /** A keyed read on a helper's parameter that receives a request part (`meta(request.headers)`). */
  private boundRead(n: ts.CallExpression): { kind: BoundKind; key: string } | undefined {
    const read = keyedRead(n, READ_METHODS);
    if (!read || !ts.isIdentifier(read.target)) return undefined;
    const decl = findDeclaration(read.target.text, read.target);
    if (!decl || !ts.isParameter(decl)) return undefined;
    const kind = this.bound.get(decl) ?? typedKind(decl);
    return kind ? { kind, key: read.key } : undefined;
  }

  private addQuery(call: ts.CallExpression, key: string): void {
    this.addOnce(this.query, key);
    this.queryCalls.set(key, [...(this.queryCalls.get(key) ?? []), call]);
    const fallback = queryDefault(call);
    if (fallback !== undefined && this.queryDefaults[key] === undefined) this.queryDefaults[key] = fallback;
  }

  private addHeader(name: string): void {
    const header = name.toLowerCase();
    if (header === 'authorization') this.auth = true;
    else if (!IGNORED_HEADERS.has(header) && !IGNORED_HEADER_PREFIX.test(header)) this.addOnce(this.headers, header);
  }

  private addOnce(list: string[], value: string): void {
    if (!list.includes(value)) list.push(value);
  }

  private call(n: ts.CallExpression): void {
    const q = collectQueryRead(n);
    if (q) this.addQuery(n, q.key);
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
    if (header) this.addHeader(header);
    const cookie = cookieRead(n);
    if (cookie) {
      this.addOnce(this.cookies, cookie);
      pushTo(this.cookieReads, cookie, n);
    }
    const set = cookieWrite(n);
    if (set) pushTo(this.cookieSets, set, n);
    const viaHelper = this.boundRead(n);
    if (viaHelper?.kind === 'headers') this.addHeader(viaHelper.key);
    else if (viaHelper?.kind === 'searchParams') this.addQuery(n, viaHelper.key);
    else if (viaHelper?.kind === 'cookies') this.addOnce(this.cookies, viaHelper.key);
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
    noteAssertedTypes(node, top, fields);
    const p = top.parent;
    if (!p) return undefined;
    if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === top)
      return this.memberUse(p, fields, depth);
    if (ts.isVariableDeclaration(p) && p.initializer === top) {
      fields.typed(p.type);
      if (ts.isObjectBindingPattern(p.name)) {
        this.bind(p.name, fields, depth + 1);
        return 'object';
      }
      if (ts.isArrayBindingPattern(p.name)) return 'array';
    }
    const stored = storedIn(top);
    if (stored) return this.usesOfDeclaration(stored, fields, depth + 1);
    if (ts.isTypeOfExpression(p) && ts.isBinaryExpression(p.parent)) return typeofComparisonHint(p, p.parent);
    if (ts.isBinaryExpression(p)) return operandHint(p, top);
    if (ts.isForOfStatement(p) && p.expression === top) return 'array';
    const callee = ts.isCallExpression(p) && p.arguments[0] === top ? unwrap(p.expression) : undefined;
    if (callee && ts.isPropertyAccessExpression(callee)) {
      const checked = CHECK_HINTS.get(callee.getText());
      if (checked) return checked;
      if (PARSE_METHODS.has(callee.name.text))
        return this.parsedWith(p as ts.CallExpression, callee, fields, depth + 1);
    }
    return this.argumentUse(top, fields, depth);
  }

  /** `value.name` / `value['name']` reads a field (a known member tells the value's own type instead); `value[0]` is an array. */
  private memberUse(
    p: ts.PropertyAccessExpression | ts.ElementAccessExpression,
    fields: Fields,
    depth: number,
  ): Hint | undefined {
    const member = ts.isPropertyAccessExpression(p) ? MEMBER_HINTS.get(p.name.text) : undefined;
    if (member !== undefined) return member || undefined;
    const key = ts.isPropertyAccessExpression(p) ? p.name.text : literalValue(p.argumentExpression);
    if (typeof key !== 'string') return typeof key === 'number' ? 'array' : undefined;
    fields.read(key, this.useOf(p, fields.child(key), depth + 1));
    return 'object';
  }

  /** Passed to a local function: how that function uses its parameter. */
  private argumentUse(top: ts.Node, fields: Fields, depth: number): Hint | undefined {
    const local = localCallee(top);
    const param = local?.fn.parameters[local.index];
    if (param && ts.isIdentifier(param.name)) return this.usesOfDeclaration(param, fields, depth + 1);
    if (!param || !ts.isObjectBindingPattern(param.name)) return undefined;
    this.bind(param.name, fields, depth + 1);
    return 'object';
  }

  /** `Schema.parse(value)`: the schema's skeleton when it is readable here, else how the parsed value is used. */
  private parsedWith(
    call: ts.CallExpression,
    callee: ts.PropertyAccessExpression,
    fields: Fields,
    depth: number,
  ): Hint | undefined {
    const skeleton = zodSkeleton(callee.expression, 0, this.imports);
    if (skeleton !== undefined) {
      fields.schema ??= skeleton;
      fields.zod ??= callee.expression;
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
    if (!ts.isBindingElement(decl)) fields.typed(decl.type);
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
    if (this.streamRead) return { kind: 'stream', contentType: 'application/octet-stream' };
    return undefined;
  }

  /**
   * Cookies the handler reads and does not set itself. A cookie counts as its own when it is
   * set on the request's store before a read of it, or when set under a check of its
   * absence (`if (!jar.get('visitor')) jar.set('visitor', …)`); setting the cookie again on
   * a response after reading it (a session refresh) still needs the client to send it.
   */
  cookiesAsked(): string[] {
    return this.cookies.filter((name) => {
      const reads = this.cookieReads.get(name) ?? [];
      const own = (this.cookieSets.get(name) ?? []).some(
        (set) =>
          reads.some((read) => read.getSourceFile() === set.getSourceFile() && read.pos > set.end) ||
          setUnderAbsenceCheck(set, name),
      );
      return !own;
    });
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
  return importedNameFrom(e.expression, 'next/headers') === name;
}

const READ_METHODS: ReadonlySet<string> = new Set(['get', 'has', 'getAll']);

/** The receiver of `x.get('key')` / `x.has('key')` (or other `methods`) with a literal key. */
function keyedRead(
  call: ts.CallExpression,
  methods: ReadonlySet<string> = new Set(['get', 'has']),
): { target: ts.Expression; key: string } | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !methods.has(callee.name.text)) return undefined;
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

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `if (!jar.get('x')) jar.set('x', …)` / `if (!jar.has('x')) { … set … }`: set where the test reads it. */
function setUnderAbsenceCheck(set: ts.CallExpression, name: string): boolean {
  for (let n: ts.Node = set; n.parent && !ts.isFunctionLike(n); n = n.parent) {
    const p = n.parent;
    if (!ts.isIfStatement(p) || p.thenStatement !== n) continue;
    let reads = false;
    const walk = (x: ts.Node): void => {
      if (ts.isCallExpression(x) && cookieRead(x) === name) reads = true;
      else ts.forEachChild(x, walk);
    };
    walk(p.expression);
    if (reads) return true;
  }
  return false;
}

/**
 * A cookie the call sets on the request's store, so later reads see it:
 * `(await cookies()).set('x', …)` or `.set({ name: 'x', … })` on a `next/headers` store (or a
 * variable holding one), or `request.cookies.set(…)`. A response's cookies are not read back.
 */
function cookieWrite(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'set') return undefined;
  const first = call.arguments[0] && unwrap(call.arguments[0]);
  let key = literalValue(first);
  if (first && ts.isObjectLiteralExpression(first)) {
    const name = first.properties.find((p) => p.name && nameText(p.name) === 'name');
    key = name && ts.isPropertyAssignment(name) ? literalValue(name.initializer) : undefined;
  }
  if (typeof key !== 'string') return undefined;
  return cookieStoreKey(unwrap(callee.expression), key);
}

/** A cookie the call reads: `request.cookies.get('x')`, `(await cookies()).get('x')`, via a variable. */
function cookieRead(call: ts.CallExpression): string | undefined {
  const read = keyedRead(call);
  return read ? cookieStoreKey(read.target, read.key) : undefined;
}

/** `key` when `target` is the request's cookies or a `next/headers` cookie store (directly or via a variable). */
function cookieStoreKey(target: ts.Expression, key: string): string | undefined {
  const t = unwrap(target);
  if (ts.isPropertyAccessExpression(t) && t.name.text === 'cookies')
    return isRequestExpression(t.expression) ? key : undefined;
  if (isNextHeadersCall(t, 'cookies')) return key;
  if (ts.isIdentifier(t)) {
    const decl = findDeclaration(t.text, t);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
      const init = unwrap(decl.initializer);
      if (isNextHeadersCall(init, 'cookies')) return key;
      if (ts.isPropertyAccessExpression(init) && init.name.text === 'cookies' && isRequestExpression(init.expression))
        return key;
    }
  }
  return undefined;
}

/** A parameter typed as a request part: `(h: Headers)`, `(sp: URLSearchParams)`, `(jar: ReadonlyRequestCookies)`. */
function typedKind(param: ts.ParameterDeclaration): BoundKind | undefined {
  const type = param.type?.getText();
  if (!type) return undefined;
  if (/\b(Readonly)?Headers\b/.test(type)) return 'headers';
  if (/\b(Readonly)?URLSearchParams\b/.test(type)) return 'searchParams';
  if (/\b(ReadonlyRequestCookies|RequestCookies)\b/.test(type)) return 'cookies';
  return undefined;
}

/** Whether an expression is the target of an assignment (`req.body = …`). */
function isAssignmentTarget(node: ts.Expression): boolean {
  const p = node.parent;
  return ts.isBinaryExpression(p) && p.left === node && p.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

/**
 * The value the code falls back to when a query key is absent: `sp.get('page') ?? '1'`,
 * `Number(sp.get('limit') || 20)`, or `const page = sp.get('page'); … page ?? '1'`.
 */
function queryDefault(call: ts.CallExpression): string | undefined {
  const direct = fallbackOf(call);
  if (direct !== undefined) return direct;
  const stored = storedIn(holderOf(call));
  if (!stored) return undefined;
  for (const ref of referencesOf(stored)) {
    const value = fallbackOf(ref);
    if (value !== undefined) return value;
  }
  return undefined;
}

function fallbackOf(node: ts.Node): string | undefined {
  const n = outermostExpression(node);
  const p = n.parent;
  // `Number(sp.get('limit')) || 20`, `parseInt(sp.get('page'), 10) || 1`
  if (ts.isCallExpression(p) && p.arguments[0] === n && /^(Number|parseInt|parseFloat)$/.test(p.expression.getText()))
    return fallbackOf(p);
  if (
    !ts.isBinaryExpression(p) ||
    p.left !== n ||
    (p.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken && p.operatorToken.kind !== ts.SyntaxKind.BarBarToken)
  )
    return undefined;
  const value = literalValue(unwrap(p.right));
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

/**
 * The inference with the typed data behind it, for the OpenAPI export: the request, the
 * calls reading each query key, and what the code says about the JSON body.
 */
export interface InferenceDetails {
  readonly request: InferredRequest;
  readonly queryCalls: ReadonlyMap<string, readonly ts.CallExpression[]>;
  /** Set when the handler reads a JSON body. */
  readonly json?: BodyFields;
}

export function inferDetails(
  handler: HandlerExport | ResolvedHandler,
  route: string,
  params: readonly RouteParam[],
  follower?: ModuleFollower,
): InferenceDetails {
  const method = handler.method;
  const definedIn = 'definedIn' in handler && handler.definedIn ? { definedIn: handler.definedIn } : {};
  if (!handler.fn)
    return {
      request: { method, route, params, query: [], auth: false, cookies: [], headers: [], ...definedIn },
      queryCalls: new Map(),
    };
  const { scopes, bound } = collectHandlerScopes(handler.fn, handler.wrapper, follower);
  const imports: ImportedValue | undefined = follower
    ? (id) => {
        const found = follower.imported(id);
        return found?.export.initializer ?? found?.export.fn;
      }
    : undefined;
  const inference = new Inference(scopes, new Set<ts.Node>([handler.fn]), bound, imports);
  inference.run();
  const body = inference.body(method);
  const request: InferredRequest = {
    method,
    route,
    params,
    query: inference.query,
    ...(Object.keys(inference.queryDefaults).length ? { queryDefaults: { ...inference.queryDefaults } } : {}),
    ...(body ? { body } : {}),
    auth: inference.auth,
    cookies: inference.cookiesAsked(),
    headers: inference.headers,
    ...definedIn,
    ...(follower?.truncated ? { incomplete: true } : {}),
    ...(Object.keys(inference.headerValues).length ? { headerValues: inference.headerValues } : {}),
  };
  return { request, queryCalls: inference.queryCalls, ...(body?.kind === 'json' ? { json: inference.json } : {}) };
}

export function inferFromHandler(
  handler: HandlerExport | ResolvedHandler,
  route: string,
  params: readonly RouteParam[],
  follower?: ModuleFollower,
): InferredRequest {
  return inferDetails(handler, route, params, follower).request;
}

/** The methods Next.js answers by itself: HEAD runs GET (its request, without a body); OPTIONS needs nothing. */
function implicitRequests(explicit: readonly InferredRequest[], route: string, params: readonly RouteParam[]) {
  const out: InferredRequest[] = [];
  for (const method of implicitMethods(explicit.map((r) => r.method))) {
    const get = method === 'HEAD' ? explicit.find((r) => r.method === 'GET') : undefined;
    const {
      body: _body,
      definedIn: _definedIn,
      ...base
    } = get ?? {
      route,
      params,
      query: [],
      auth: false,
      cookies: [],
      headers: [],
    };
    out.push({ ...base, method, implicit: true });
  }
  return out;
}

interface InferMemo {
  graph: ModuleGraph | undefined;
  stamps: ReadonlyMap<string, string | undefined>;
  value: InferredRequest[];
}

/**
 * Inferred requests for every handler of a parsed route file — exported, re-exported (with a
 * module graph) and the HEAD/OPTIONS Next.js implements — memoized per document version and
 * re-computed when a module it followed changes.
 */
export function inferRequests(
  doc: ParsedDocument,
  route: string,
  params: readonly RouteParam[],
  graph?: ModuleGraph,
): InferredRequest[] {
  const holder = doc.memo(`request:infer:${route}`, () => ({ memo: undefined as InferMemo | undefined }));
  const cached = holder.memo;
  if (cached && cached.graph === graph && (!graph || graph.unchanged(cached.stamps))) return cached.value;
  const follower = graph ? new ModuleFollower(graph) : undefined;
  const handlers = resolveHandlers(doc, graph);
  const explicit = handlers.map((h) => inferFromHandler(h, route, params, follower));
  const value = explicit.length ? [...explicit, ...implicitRequests(explicit, route, params)] : explicit;
  const stamps = new Map(follower?.stamps ?? []);
  if (graph) for (const h of handlers) if (h.definedIn) stamps.set(h.definedIn, graph.stamp(h.definedIn));
  holder.memo = { graph, stamps, value };
  return value;
}

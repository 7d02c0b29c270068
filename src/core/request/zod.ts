/**
 * A JSON skeleton from a zod schema written in the same file (or, given a way to follow
 * imports, in the app's own module it is imported from): `z.object({...})` and the
 * chains people write around it. Strings → `""` (or an example for `.email()`, `.url()`,
 * `.uuid()`, `.datetime()`), numbers → `0` (or the lower bound of `.min(n)`/`.positive()`),
 * booleans → `false`, enums → their first value, literals → themselves, arrays → one
 * example element, `.default(v)` → `v`. Optional fields are included (they are what a user
 * most often wants to try). Anything not understood yields `undefined`, never a guess.
 */
import * as ts from 'typescript';
import { nameText, resolveValue, unwrap, literalValue } from '../ast/query';
import { EXAMPLE_DATE, EXAMPLE_EMAIL, EXAMPLE_URL, EXAMPLE_UUID, exampleFor, type JsonValue } from './examples';

const ZOD_MODULES = new Set(['zod', 'zod/v4', 'zod/v3', 'zod/mini', 'zod/v4-mini']);
const MAX_DEPTH = 12;

/** Whether `id` is the zod namespace (`z`, `zod`, or any name imported from 'zod'). */
export function isZodNamespace(id: ts.Identifier): boolean {
  const imported = importOf(id);
  if (imported)
    return (
      ZOD_MODULES.has(imported.module) &&
      (imported.name === '*' || imported.name === 'default' || imported.name === 'z')
    );
  return id.text === 'z' || id.text === 'zod';
}

/** The module and imported name of an identifier bound by an import in its file. */
function importOf(id: ts.Identifier): { module: string; name: string } | undefined {
  for (const st of id.getSourceFile().statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !st.importClause) continue;
    const clause = st.importClause;
    const module = st.moduleSpecifier.text;
    if (clause.name?.text === id.text) return { module, name: 'default' };
    const named = clause.namedBindings;
    if (!named) continue;
    if (ts.isNamespaceImport(named)) {
      if (named.name.text === id.text) return { module, name: '*' };
    } else {
      for (const el of named.elements)
        if (el.name.text === id.text) return { module, name: (el.propertyName ?? el.name).text };
    }
  }
  return undefined;
}

/** A JSON value written as a literal (for `.default({...})`), or undefined. */
export function jsonLiteral(expr: ts.Expression, depth = 0): JsonValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const e = resolveValue(expr);
  const lit = literalValue(e);
  if (lit !== undefined) return lit;
  if (ts.isArrayLiteralExpression(e)) {
    const out: JsonValue[] = [];
    for (const el of e.elements) {
      const v = jsonLiteral(el, depth + 1);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  }
  if (ts.isObjectLiteralExpression(e)) {
    const out: Record<string, JsonValue> = {};
    for (const p of e.properties) {
      const key = nameText(p.name);
      if (!key || !ts.isPropertyAssignment(p)) return undefined;
      const v = jsonLiteral(p.initializer, depth + 1);
      if (v === undefined) return undefined;
      out[key] = v;
    }
    return out;
  }
  return undefined;
}

function isPlainObject(v: JsonValue | undefined): v is { [key: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keys listed in `.pick({ a: true })` / `.omit({ a: true })`. */
export function maskKeys(arg: ts.Expression | undefined): string[] {
  const mask = arg && resolveValue(arg);
  if (!mask || !ts.isObjectLiteralExpression(mask)) return [];
  return mask.properties.map((p) => nameText(p.name)).filter((k): k is string => !!k);
}

/** The skeleton of a `z.object` shape literal: `{ a: z.string(), ...Base.shape }`. */
function shapeSkeleton(arg: ts.Expression | undefined, depth: number): JsonValue | undefined {
  const shape = arg && resolveValue(arg);
  if (!shape || !ts.isObjectLiteralExpression(shape)) return undefined;
  const out: Record<string, JsonValue> = {};
  for (const p of shape.properties) {
    if (ts.isSpreadAssignment(p)) {
      // `...Base.shape`
      const inner = unwrap(p.expression);
      const base =
        ts.isPropertyAccessExpression(inner) && inner.name.text === 'shape'
          ? zodSkeleton(inner.expression, depth + 1)
          : undefined;
      if (isPlainObject(base)) Object.assign(out, base);
      continue;
    }
    const key = nameText(p.name);
    if (!key) continue;
    if (ts.isPropertyAssignment(p)) out[key] = zodSkeleton(p.initializer, depth + 1) ?? exampleFor(key);
    else if (ts.isShorthandPropertyAssignment(p)) out[key] = zodSkeleton(p.name, depth + 1) ?? exampleFor(key);
  }
  return out;
}

/** The value of a root zod constructor, `z.<kind>(args)`, refined by the chain's modifiers. */
function rootValue(
  kind: string,
  args: ts.NodeArray<ts.Expression>,
  modifiers: ReadonlyMap<string, ts.CallExpression>,
  depth: number,
): JsonValue | undefined {
  const arg = args[0];
  const has = (m: string): boolean => modifiers.has(m);
  switch (kind) {
    case 'string':
    case 'coerce.string':
      if (has('email')) return EXAMPLE_EMAIL;
      if (has('url') || has('httpUrl')) return EXAMPLE_URL;
      if (has('uuid') || has('guid')) return EXAMPLE_UUID;
      if (has('datetime')) return EXAMPLE_DATE;
      return '';
    case 'email':
      return EXAMPLE_EMAIL;
    case 'url':
    case 'httpUrl':
      return EXAMPLE_URL;
    case 'uuid':
    case 'uuidv4':
    case 'guid':
      return EXAMPLE_UUID;
    case 'iso.datetime':
    case 'datetime':
      return EXAMPLE_DATE;
    case 'iso.date':
      return EXAMPLE_DATE.slice(0, 10);
    case 'cuid':
    case 'cuid2':
    case 'ulid':
    case 'nanoid':
    case 'base64':
    case 'jwt':
    case 'emoji':
    case 'ipv4':
    case 'ipv6':
      return '';
    case 'number':
    case 'int':
    case 'int32':
    case 'float32':
    case 'float64':
    case 'bigint':
    case 'coerce.number':
    case 'coerce.bigint': {
      const min = modifiers.get('min') ?? modifiers.get('gte');
      const minValue = min ? literalValue(min.arguments[0]) : undefined;
      if (typeof minValue === 'number') return minValue;
      const gt = modifiers.get('gt');
      const gtValue = gt ? literalValue(gt.arguments[0]) : undefined;
      if (typeof gtValue === 'number') return Math.floor(gtValue) + 1;
      if (has('positive')) return 1;
      return 0;
    }
    case 'boolean':
    case 'coerce.boolean':
    case 'stringbool':
      return false;
    case 'date':
    case 'coerce.date':
      return EXAMPLE_DATE;
    case 'null':
      return null;
    case 'any':
    case 'unknown':
      return null;
    case 'literal': {
      const v = literalValue(arg);
      return v === undefined ? undefined : v;
    }
    case 'enum':
    case 'nativeEnum': {
      const list = arg && resolveValue(arg);
      if (list && ts.isArrayLiteralExpression(list)) {
        const first = literalValue(list.elements[0]);
        if (typeof first === 'string' || typeof first === 'number') return first;
      }
      if (list && ts.isObjectLiteralExpression(list)) {
        const first = list.properties[0];
        const v = first && ts.isPropertyAssignment(first) ? literalValue(first.initializer) : undefined;
        if (typeof v === 'string' || typeof v === 'number') return v;
      }
      return '';
    }
    case 'array':
    case 'set': {
      const inner = arg ? zodSkeleton(arg, depth + 1) : undefined;
      return inner === undefined ? [] : [inner];
    }
    case 'tuple': {
      const list = arg && resolveValue(arg);
      if (!list || !ts.isArrayLiteralExpression(list)) return [];
      return list.elements.map((el) => zodSkeleton(el, depth + 1) ?? null);
    }
    case 'object':
    case 'strictObject':
    case 'looseObject':
      return shapeSkeleton(arg, depth) ?? {};
    case 'record':
    case 'map':
    case 'partialRecord':
      return {};
    case 'union':
    case 'discriminatedUnion':
    case 'xor': {
      const options = args[args.length - 1];
      const list = options && resolveValue(options);
      if (list && ts.isArrayLiteralExpression(list) && list.elements[0])
        return zodSkeleton(list.elements[0], depth + 1);
      return undefined;
    }
    case 'intersection': {
      const a = args[0] ? zodSkeleton(args[0], depth + 1) : undefined;
      const b = args[1] ? zodSkeleton(args[1], depth + 1) : undefined;
      return isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : (a ?? b);
    }
    case 'optional':
    case 'nullable':
    case 'nullish':
    case 'readonly':
    case 'nonoptional':
      return arg ? zodSkeleton(arg, depth + 1) : undefined;
    case 'preprocess':
      return args[1] ? zodSkeleton(args[1], depth + 1) : undefined;
    case 'lazy': {
      const fn = arg && unwrap(arg);
      if (fn && ts.isArrowFunction(fn) && !ts.isBlock(fn.body)) return zodSkeleton(fn.body, depth + 1);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** `z.string`, `z.coerce.number`, `z.iso.datetime` → the kind; undefined when not a zod constructor. */
export function rootKind(callee: ts.Expression): string | undefined {
  const c = unwrap(callee);
  if (ts.isIdentifier(c)) {
    const imported = importOf(c);
    return imported && ZOD_MODULES.has(imported.module) && imported.name !== '*' && imported.name !== 'default'
      ? imported.name
      : undefined;
  }
  if (!ts.isPropertyAccessExpression(c)) return undefined;
  const receiver = unwrap(c.expression);
  if (ts.isIdentifier(receiver)) return isZodNamespace(receiver) ? c.name.text : undefined;
  if (
    ts.isPropertyAccessExpression(receiver) &&
    ts.isIdentifier(unwrap(receiver.expression)) &&
    isZodNamespace(unwrap(receiver.expression) as ts.Identifier)
  ) {
    return `${receiver.name.text}.${c.name.text}`;
  }
  return undefined;
}

/**
 * The skeleton of a zod schema expression, following `const` references in the file;
 * undefined when the expression is not a zod schema this can read.
 */
export function zodSkeleton(expr: ts.Expression, depth = 0, imports?: ImportedValue): JsonValue | undefined {
  if (!imports) return skeletonOf(expr, depth);
  const outer = activeImports;
  activeImports = imports;
  try {
    return skeletonOf(expr, depth);
  } finally {
    activeImports = outer;
  }
}

/** Follows an identifier imported from the app's own module to the value it names there. */
export type ImportedValue = (id: ts.Identifier) => ts.Expression | ts.Node | undefined;

/** Set for the duration of a top-level zodSkeleton call that may follow imports (the walk is synchronous). */
let activeImports: ImportedValue | undefined;

/** A schema imported from another module of the app (`import { UserSchema } from '@/lib/schemas'`). */
function importedSchema(id: ts.Identifier): ts.Expression | undefined {
  const imported = importOf(id);
  if (!activeImports || !imported || ZOD_MODULES.has(imported.module)) return undefined;
  const value = activeImports(id);
  return value && ts.isExpression(value) ? value : undefined;
}

function skeletonOf(expr: ts.Expression, depth: number): JsonValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let start = resolveValue(expr);
  if (ts.isIdentifier(start)) {
    const value = importedSchema(start);
    if (value) start = resolveValue(value);
  }
  // Peel `root.m1(…).m2(…)…` from the outside in.
  const chain: ts.CallExpression[] = [];
  let e: ts.Expression = start;
  for (;;) {
    if (!ts.isCallExpression(e)) break;
    const kind = rootKind(e.expression);
    if (kind !== undefined) {
      const modifiers = new Map<string, ts.CallExpression>();
      for (const call of chain) {
        const name = (call.expression as ts.PropertyAccessExpression).name.text;
        if (!modifiers.has(name)) modifiers.set(name, call);
      }
      let value = rootValue(kind, e.arguments, modifiers, depth);
      // Apply the structural modifiers from the inside out.
      for (let i = chain.length - 1; i >= 0; i--) value = applyModifier(chain[i]!, value, depth);
      return value;
    }
    const callee = unwrap(e.expression);
    if (!ts.isPropertyAccessExpression(callee)) break;
    chain.push(e);
    e = resolveValue(callee.expression);
    if (ts.isIdentifier(e)) {
      // A chain on a schema held in a const: `Base.extend({...})`.
      const base = zodSkeleton(e, depth + 1);
      if (base === undefined) return undefined;
      let value: JsonValue | undefined = base;
      for (let i = chain.length - 1; i >= 0; i--) value = applyModifier(chain[i]!, value, depth);
      return value;
    }
  }
  return undefined;
}

function applyModifier(call: ts.CallExpression, value: JsonValue | undefined, depth: number): JsonValue | undefined {
  const name = (call.expression as ts.PropertyAccessExpression).name.text;
  const arg = call.arguments[0];
  switch (name) {
    case 'default':
    case 'catch':
    case 'prefault': {
      const d = arg ? jsonLiteral(arg) : undefined;
      return d !== undefined ? d : value;
    }
    case 'array':
      return value === undefined ? [] : [value];
    case 'extend':
    case 'safeExtend': {
      const extra = shapeSkeleton(arg, depth);
      return isPlainObject(value) && isPlainObject(extra) ? { ...value, ...extra } : value;
    }
    case 'merge':
    case 'and': {
      const other = arg ? zodSkeleton(arg, depth + 1) : undefined;
      return isPlainObject(value) && isPlainObject(other) ? { ...value, ...other } : value;
    }
    case 'pick': {
      if (!isPlainObject(value)) return value;
      const keys = maskKeys(arg);
      return Object.fromEntries(Object.entries(value).filter(([k]) => keys.includes(k)));
    }
    case 'omit': {
      if (!isPlainObject(value)) return value;
      const keys = maskKeys(arg);
      return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k)));
    }
    default:
      // optional, nullable, min, max, email, refine, transform, strict, partial, describe, …
      return value;
  }
}

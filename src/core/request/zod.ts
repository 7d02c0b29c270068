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

/** A root zod constructor call: its arguments, the chain's modifiers by name, and the nesting depth. */
interface RootCall {
  readonly args: ts.NodeArray<ts.Expression>;
  readonly modifiers: ReadonlyMap<string, ts.CallExpression>;
  readonly depth: number;
}

type RootBuilder = (call: RootCall) => JsonValue | undefined;

function always(value: JsonValue): RootBuilder {
  return () => value;
}

/** `z.string().email()` and friends: an example of the format, else an empty string. */
function stringValue({ modifiers }: RootCall): JsonValue {
  if (modifiers.has('email')) return EXAMPLE_EMAIL;
  if (modifiers.has('url') || modifiers.has('httpUrl')) return EXAMPLE_URL;
  if (modifiers.has('uuid') || modifiers.has('guid')) return EXAMPLE_UUID;
  if (modifiers.has('datetime')) return EXAMPLE_DATE;
  return '';
}

/** A number that passes `.min(n)` / `.gte(n)` / `.gt(n)` / `.positive()`, else 0. */
function numberValue({ modifiers }: RootCall): JsonValue {
  const min = modifiers.get('min') ?? modifiers.get('gte');
  const minValue = min ? literalValue(min.arguments[0]) : undefined;
  if (typeof minValue === 'number') return minValue;
  const gt = modifiers.get('gt');
  const gtValue = gt ? literalValue(gt.arguments[0]) : undefined;
  if (typeof gtValue === 'number') return Math.floor(gtValue) + 1;
  return modifiers.has('positive') ? 1 : 0;
}

/** `z.enum(['a', 'b'])` / `z.nativeEnum({ A: 'a' })`: the first member. */
function enumValue({ args }: RootCall): JsonValue {
  const list = args[0] && resolveValue(args[0]);
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

function arrayValue({ args, depth }: RootCall): JsonValue {
  const inner = args[0] ? zodSkeleton(args[0], depth + 1) : undefined;
  return inner === undefined ? [] : [inner];
}

function tupleValue({ args, depth }: RootCall): JsonValue {
  const list = args[0] && resolveValue(args[0]);
  if (!list || !ts.isArrayLiteralExpression(list)) return [];
  return list.elements.map((el) => zodSkeleton(el, depth + 1) ?? null);
}

/** `z.union([A, B])`, `z.discriminatedUnion('kind', [A, B])`: the first option. */
function unionValue({ args, depth }: RootCall): JsonValue | undefined {
  const options = args[args.length - 1];
  const list = options && resolveValue(options);
  return list && ts.isArrayLiteralExpression(list) && list.elements[0]
    ? zodSkeleton(list.elements[0], depth + 1)
    : undefined;
}

function intersectionValue({ args, depth }: RootCall): JsonValue | undefined {
  const a = args[0] ? zodSkeleton(args[0], depth + 1) : undefined;
  const b = args[1] ? zodSkeleton(args[1], depth + 1) : undefined;
  return isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : (a ?? b);
}

/** The schema argument at `index` (`z.optional(S)`, `z.preprocess(fn, S)`). */
function schemaArgument(index: number): RootBuilder {
  return ({ args, depth }) => (args[index] ? zodSkeleton(args[index], depth + 1) : undefined);
}

/** `z.lazy(() => Schema)`. */
function lazyValue({ args, depth }: RootCall): JsonValue | undefined {
  const fn = args[0] && unwrap(args[0]);
  return fn && ts.isArrowFunction(fn) && !ts.isBlock(fn.body) ? zodSkeleton(fn.body, depth + 1) : undefined;
}

function forKinds(kinds: readonly string[], build: RootBuilder): Array<[string, RootBuilder]> {
  return kinds.map((kind) => [kind, build]);
}

/** The value each root zod constructor `z.<kind>(…)` stands for. */
const ROOT_VALUES: ReadonlyMap<string, RootBuilder> = new Map([
  ...forKinds(['string', 'coerce.string'], stringValue),
  ...forKinds(['email'], always(EXAMPLE_EMAIL)),
  ...forKinds(['url', 'httpUrl'], always(EXAMPLE_URL)),
  ...forKinds(['uuid', 'uuidv4', 'guid'], always(EXAMPLE_UUID)),
  ...forKinds(['iso.datetime', 'datetime', 'date', 'coerce.date'], always(EXAMPLE_DATE)),
  ...forKinds(['iso.date'], always(EXAMPLE_DATE.slice(0, 10))),
  ...forKinds(['cuid', 'cuid2', 'ulid', 'nanoid', 'base64', 'jwt', 'emoji', 'ipv4', 'ipv6'], always('')),
  ...forKinds(
    ['number', 'int', 'int32', 'float32', 'float64', 'bigint', 'coerce.number', 'coerce.bigint'],
    numberValue,
  ),
  ...forKinds(['boolean', 'coerce.boolean', 'stringbool'], always(false)),
  ...forKinds(['null', 'any', 'unknown'], always(null)),
  ...forKinds(['literal'], ({ args }) => literalValue(args[0])),
  ...forKinds(['enum', 'nativeEnum'], enumValue),
  ...forKinds(['array', 'set'], arrayValue),
  ...forKinds(['tuple'], tupleValue),
  ...forKinds(['object', 'strictObject', 'looseObject'], ({ args, depth }) => shapeSkeleton(args[0], depth) ?? {}),
  ...forKinds(['record', 'map', 'partialRecord'], () => ({})),
  ...forKinds(['union', 'discriminatedUnion', 'xor'], unionValue),
  ...forKinds(['intersection'], intersectionValue),
  ...forKinds(['optional', 'nullable', 'nullish', 'readonly', 'nonoptional'], schemaArgument(0)),
  ...forKinds(['preprocess'], schemaArgument(1)),
  ...forKinds(['lazy'], lazyValue),
]);

/** The value of a root zod constructor, `z.<kind>(args)`, refined by the chain's modifiers. */
function rootValue(
  kind: string,
  args: ts.NodeArray<ts.Expression>,
  modifiers: ReadonlyMap<string, ts.CallExpression>,
  depth: number,
): JsonValue | undefined {
  return ROOT_VALUES.get(kind)?.({ args, modifiers, depth });
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

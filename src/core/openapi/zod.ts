/**
 * JSON Schema from a zod schema read statically, the same expressions the request inference
 * finds (`Schema.parse(body)`) and reads for its skeleton (src/core/request/zod.ts):
 * objects (required unless optional/defaulted), optional, nullable, default, string formats
 * and lengths, number ranges and int, enums, literals, arrays, tuples, records, unions,
 * intersections and `extend`/`merge`/`pick`/`omit`/`partial`. A schema held in a top-level
 * `const` becomes a component. Refinements and transforms do not change the input the
 * document describes; anything not understood is left open.
 */
import * as ts from 'typescript';
import { findDeclaration, isConstDeclaration, literalValue, nameText, resolveValue, unwrap } from '../ast/query';
import { jsonLiteral, maskKeys, rootKind } from '../request/zod';
import { nullable, union, type Components, type JsonSchema } from './schema';

const MAX_DEPTH = 12;

/** A zod schema as an object property: its JSON Schema and whether the key may be left out. */
interface Field {
  readonly schema: JsonSchema;
  readonly optional: boolean;
}

const STRING_FORMATS: Readonly<Record<string, string>> = {
  email: 'email',
  url: 'uri',
  httpUrl: 'uri',
  uuid: 'uuid',
  uuidv4: 'uuid',
  guid: 'uuid',
  datetime: 'date-time',
  'iso.datetime': 'date-time',
  'iso.date': 'date',
  'iso.time': 'time',
  date: 'date',
  time: 'time',
  ipv4: 'ipv4',
  ipv6: 'ipv6',
};

/** Zod constructors of one JSON type, with nothing to read in their arguments. */
const SCALARS: Readonly<Record<string, JsonSchema>> = {
  ...Object.fromEntries(
    ['string', 'coerce.string', 'cuid', 'cuid2', 'ulid', 'nanoid', 'base64', 'jwt', 'emoji', 'stringbool'].map((k) => [
      k,
      { type: 'string' },
    ]),
  ),
  ...Object.fromEntries(['number', 'float32', 'float64', 'coerce.number'].map((k) => [k, { type: 'number' }])),
  ...Object.fromEntries(['int', 'int32', 'bigint', 'coerce.bigint'].map((k) => [k, { type: 'integer' }])),
  boolean: { type: 'boolean' },
  'coerce.boolean': { type: 'boolean' },
  date: { type: 'string', format: 'date-time' },
  'coerce.date': { type: 'string', format: 'date-time' },
  null: { type: 'null' },
  any: {},
  unknown: {},
};

/** A top-level `const X = z.…` an identifier names, for a component. */
function namedSchema(expr: ts.Expression): ts.VariableDeclaration | undefined {
  const e = unwrap(expr);
  if (!ts.isIdentifier(e)) return undefined;
  const decl = findDeclaration(e.text, e);
  if (!decl || !ts.isVariableDeclaration(decl) || !isConstDeclaration(decl) || !decl.initializer) return undefined;
  const statement = decl.parent.parent;
  return ts.isVariableStatement(statement) && ts.isSourceFile(statement.parent) ? decl : undefined;
}

/** JSON Schema of a zod schema expression; undefined when it is not one this can read. */
export function zodSchema(expr: ts.Expression, components: Components, depth = 0): JsonSchema | undefined {
  return zodField(expr, components, depth)?.schema;
}

/** A schema imported from the app's own modules (`import { CreateUser } from '@/lib/schemas'`), as a component. */
function importedField(expr: ts.Expression, components: Components, depth: number): Field | undefined {
  const id = unwrap(expr);
  if (!ts.isIdentifier(id)) return undefined;
  const decl = findDeclaration(id.text, id);
  if (!decl || !(ts.isImportSpecifier(decl) || ts.isImportClause(decl))) return undefined;
  const value = components.follow?.(id);
  if (!value) return undefined;
  let optional = false;
  const ref = components.ref(value, id.text, () => {
    const inner = zodField(value, components, depth + 1);
    optional = inner?.optional ?? false;
    return inner?.schema;
  });
  return ref ? { schema: ref, optional } : undefined;
}

function zodField(expr: ts.Expression, components: Components, depth: number): Field | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const imported = importedField(expr, components, depth);
  if (imported) return imported;
  const named = namedSchema(expr);
  if (named && ts.isIdentifier(named.name)) {
    let optional = false;
    const ref = components.ref(named, named.name.text, () => {
      const inner = zodField(named.initializer!, components, depth + 1);
      optional = inner?.optional ?? false;
      return inner?.schema;
    });
    return ref ? { schema: ref, optional } : undefined;
  }
  const chain: ts.CallExpression[] = [];
  let e: ts.Expression = unwrap(expr);
  for (;;) {
    if (!ts.isCallExpression(e)) return undefined;
    const kind = rootKind(e.expression);
    if (kind !== undefined) {
      const root = rootField(kind, e.arguments, components, depth);
      return root && applyChain(root, chain, components, depth);
    }
    const callee = unwrap(e.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    chain.push(e);
    const receiver = unwrap(callee.expression);
    if (ts.isIdentifier(receiver)) {
      const base = zodField(receiver, components, depth + 1);
      return base && applyChain(base, chain, components, depth);
    }
    e = receiver;
  }
}

function applyChain(root: Field, chain: readonly ts.CallExpression[], components: Components, depth: number): Field {
  let field = root;
  for (let i = chain.length - 1; i >= 0; i--) field = modifier(chain[i]!, field, components, depth);
  return field;
}

function list(arg: ts.Expression | undefined): readonly ts.Expression[] | undefined {
  const value = arg && resolveValue(arg);
  return value && ts.isArrayLiteralExpression(value) ? value.elements : undefined;
}

function objectShape(arg: ts.Expression | undefined, components: Components, depth: number): JsonSchema | undefined {
  const shape = arg && resolveValue(arg);
  if (!shape || !ts.isObjectLiteralExpression(shape)) return undefined;
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const p of shape.properties) {
    if (ts.isSpreadAssignment(p)) {
      const inner = unwrap(p.expression);
      if (ts.isPropertyAccessExpression(inner) && inner.name.text === 'shape') {
        const base = zodSchema(inner.expression, components, depth + 1);
        const object = base && components.deref(base);
        Object.assign(properties, object?.properties ?? {});
        required.push(...(object?.required ?? []));
      }
      continue;
    }
    const key = nameText(p.name);
    const value = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
    if (!key || !value) continue;
    const field = zodField(value, components, depth + 1);
    properties[key] = field?.schema ?? {};
    if (field && !field.optional && !required.includes(key)) required.push(key);
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}

function enumValues(arg: ts.Expression | undefined): JsonSchema {
  const value = arg && resolveValue(arg);
  const values: Array<string | number> = [];
  if (value && ts.isArrayLiteralExpression(value)) {
    for (const el of value.elements) {
      const v = literalValue(el);
      if (typeof v === 'string' || typeof v === 'number') values.push(v);
    }
  } else if (value && ts.isObjectLiteralExpression(value)) {
    for (const p of value.properties) {
      const v = ts.isPropertyAssignment(p) ? literalValue(p.initializer) : undefined;
      if (typeof v === 'string' || typeof v === 'number') values.push(v);
    }
  }
  if (!values.length) return {};
  const types = [...new Set(values.map((v) => typeof v))];
  return { ...(types.length === 1 ? { type: types[0] } : {}), enum: values };
}

function rootField(
  kind: string,
  args: ts.NodeArray<ts.Expression>,
  components: Components,
  depth: number,
): Field | undefined {
  const schema = rootSchema(kind, args, components, depth);
  if (schema === undefined) return undefined;
  const optional = kind === 'optional' || kind === 'nullish';
  return { schema, optional };
}

function rootSchema(
  kind: string,
  args: ts.NodeArray<ts.Expression>,
  components: Components,
  depth: number,
): JsonSchema | undefined {
  const arg = args[0];
  const inner = (e: ts.Expression | undefined): JsonSchema => (e && zodSchema(e, components, depth + 1)) ?? {};
  if (STRING_FORMATS[kind] && kind !== 'date') return { type: 'string', format: STRING_FORMATS[kind] };
  const scalar = SCALARS[kind];
  if (scalar) return { ...scalar };
  switch (kind) {
    case 'literal': {
      const v = literalValue(arg);
      return v === undefined ? undefined : { const: v };
    }
    case 'enum':
    case 'nativeEnum':
      return enumValues(arg);
    case 'array':
      return { type: 'array', items: inner(arg) };
    case 'set':
      return { type: 'array', items: inner(arg), uniqueItems: true };
    case 'tuple': {
      const items = (list(arg) ?? []).map((el) => inner(el));
      return { type: 'array', prefixItems: items, minItems: items.length, maxItems: items.length };
    }
    case 'object':
    case 'looseObject':
      return objectShape(arg, components, depth) ?? { type: 'object' };
    case 'strictObject':
      return { ...(objectShape(arg, components, depth) ?? { type: 'object' }), additionalProperties: false };
    case 'record':
    case 'partialRecord':
      return { type: 'object', additionalProperties: inner(args[1] ?? arg) };
    case 'union':
    case 'discriminatedUnion':
    case 'xor': {
      const options = list(args[args.length - 1]);
      return options ? union(options.map((o) => inner(o))) : undefined;
    }
    case 'intersection':
      return { allOf: [inner(args[0]), inner(args[1])] };
    case 'optional':
    case 'readonly':
    case 'nonoptional':
      return arg ? inner(arg) : undefined;
    case 'nullable':
    case 'nullish':
      return arg ? nullable(inner(arg)) : undefined;
    case 'preprocess':
      return args[1] ? inner(args[1]) : undefined;
    case 'lazy': {
      const fn = arg && unwrap(arg);
      return fn && ts.isArrowFunction(fn) && !ts.isBlock(fn.body) ? inner(fn.body) : undefined;
    }
    default:
      return undefined;
  }
}

/** A number argument written as a literal. */
function numberArg(call: ts.CallExpression): number | undefined {
  const v = literalValue(call.arguments[0]);
  return typeof v === 'number' ? v : undefined;
}

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type[0] : schema.type;
}

/** `.min(n)` / `.max(n)` / `.length(n)` on a string, number or array. */
function bound(schema: JsonSchema, name: string, n: number): JsonSchema {
  const t = typeOf(schema);
  const [lo, hi] = t === 'string' ? ['minLength', 'maxLength'] : t === 'array' ? ['minItems', 'maxItems'] : [];
  if (lo && hi) {
    if (name === 'min') return { ...schema, [lo]: n };
    if (name === 'max') return { ...schema, [hi]: n };
    if (name === 'length') return { ...schema, [lo]: n, [hi]: n };
    return schema;
  }
  if (t !== 'number' && t !== 'integer') return schema;
  if (name === 'min' || name === 'gte') return { ...schema, minimum: n };
  if (name === 'max' || name === 'lte') return { ...schema, maximum: n };
  if (name === 'gt') return { ...schema, exclusiveMinimum: n };
  if (name === 'lt') return { ...schema, exclusiveMaximum: n };
  if (name === 'multipleOf' || name === 'step') return { ...schema, multipleOf: n };
  return schema;
}

/** Object modifiers that work on properties: `extend`, `merge`, `pick`, `omit`, `partial`, `required`. */
function objectModifier(
  name: string,
  call: ts.CallExpression,
  schema: JsonSchema,
  components: Components,
  depth: number,
): JsonSchema | undefined {
  const object = components.deref(schema);
  if (typeOf(object) !== 'object' || !object.properties) return undefined;
  const arg = call.arguments[0];
  const keep = (keys: (k: string) => boolean): JsonSchema => ({
    ...object,
    properties: Object.fromEntries(Object.entries(object.properties!).filter(([k]) => keys(k))),
    ...(object.required ? { required: object.required.filter(keys) } : {}),
  });
  switch (name) {
    case 'extend':
    case 'safeExtend':
    case 'merge':
    case 'and': {
      const extra =
        name === 'extend' || name === 'safeExtend'
          ? objectShape(arg, components, depth)
          : arg && zodSchema(arg, components, depth + 1);
      const other = extra && components.deref(extra);
      if (!other?.properties) return { allOf: [schema, extra ?? {}] };
      const required = [...new Set([...(object.required ?? []), ...(other.required ?? [])])];
      return { ...object, properties: { ...object.properties, ...other.properties }, required };
    }
    case 'pick': {
      const keys = maskKeys(arg);
      return keep((k) => keys.includes(k));
    }
    case 'omit': {
      const keys = maskKeys(arg);
      return keep((k) => !keys.includes(k));
    }
    case 'partial': {
      const keys = arg ? maskKeys(arg) : undefined;
      const required = keys ? (object.required ?? []).filter((k) => !keys.includes(k)) : [];
      const { required: _dropped, ...rest } = object;
      return required.length ? { ...rest, required } : rest;
    }
    case 'required':
      return { ...object, required: Object.keys(object.properties) };
    case 'strict':
      return { ...object, additionalProperties: false };
    case 'passthrough':
    case 'loose': {
      const { additionalProperties: _dropped, ...rest } = object;
      return rest;
    }
    default:
      return undefined;
  }
}

function modifier(call: ts.CallExpression, field: Field, components: Components, depth: number): Field {
  const name = (call.expression as ts.PropertyAccessExpression).name.text;
  const schema = field.schema;
  const arg = call.arguments[0];
  const n = numberArg(call);
  if (n !== undefined && ['min', 'max', 'length', 'gte', 'lte', 'gt', 'lt', 'multipleOf', 'step'].includes(name))
    return { ...field, schema: bound(schema, name, n) };
  if (STRING_FORMATS[name] && typeOf(schema) === 'string')
    return { ...field, schema: { ...schema, format: STRING_FORMATS[name] } };
  const object = objectModifier(name, call, schema, components, depth);
  if (object) return { ...field, schema: object };
  switch (name) {
    case 'optional':
      return { schema, optional: true };
    case 'nullable':
      return { ...field, schema: nullable(schema) };
    case 'nullish':
      return { schema: nullable(schema), optional: true };
    case 'default':
    case 'prefault': {
      const d = arg ? jsonLiteral(arg) : undefined;
      return { schema: d !== undefined && !schema.$ref ? { ...schema, default: d } : schema, optional: true };
    }
    case 'int':
      return { ...field, schema: { ...schema, type: 'integer' } };
    case 'positive':
      return { ...field, schema: { ...schema, exclusiveMinimum: 0 } };
    case 'nonnegative':
      return { ...field, schema: { ...schema, minimum: 0 } };
    case 'negative':
      return { ...field, schema: { ...schema, exclusiveMaximum: 0 } };
    case 'nonpositive':
      return { ...field, schema: { ...schema, maximum: 0 } };
    case 'nonempty':
      return { ...field, schema: bound(schema, 'min', 1) };
    case 'regex': {
      const re = arg && unwrap(arg);
      return re && ts.isRegularExpressionLiteral(re)
        ? { ...field, schema: { ...schema, pattern: re.text.slice(1, re.text.lastIndexOf('/')) } }
        : field;
    }
    case 'describe': {
      const text = literalValue(arg);
      return typeof text === 'string' && !schema.$ref ? { ...field, schema: { ...schema, description: text } } : field;
    }
    case 'array':
      return { schema: { type: 'array', items: schema }, optional: false };
    case 'or': {
      const other = arg ? zodSchema(arg, components, depth + 1) : undefined;
      return { ...field, schema: union([schema, other ?? {}]) };
    }
    case 'and': {
      const other = arg ? zodSchema(arg, components, depth + 1) : undefined;
      return { ...field, schema: { allOf: [schema, other ?? {}] } };
    }
    default:
      // refine, superRefine, transform, pipe, brand, trim, toLowerCase, catch, readonly, …
      return field;
  }
}

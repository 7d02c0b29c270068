/**
 * JSON Schema from a TypeScript type written in the route file (no type checker): keywords,
 * literal types and unions of them (→ `enum`), object type literals (optional members are
 * not required), arrays and tuples, `Record<K, V>`, `Partial`/`Required`/`Pick`/`Omit`,
 * `z.infer<typeof Schema>`, and interfaces and type aliases declared in the file (→
 * components). Types imported from elsewhere stay open.
 */
import * as ts from 'typescript';
import { nameText } from '../ast/query';
import { zodSchema } from './zod';
import { nullable, union, type Components, type JsonSchema } from './schema';

const MAX_DEPTH = 10;

type NamedType = ts.InterfaceDeclaration | ts.TypeAliasDeclaration;

/** An interface or type alias of that name declared at the top of the file. */
function localType(name: string, from: ts.Node): NamedType | undefined {
  for (const st of from.getSourceFile().statements) {
    if ((ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) && st.name.text === name) return st;
  }
  return undefined;
}

function members(
  list: ts.NodeArray<ts.TypeElement>,
  components: Components,
  depth: number,
): { properties: Record<string, JsonSchema>; required: string[]; additional?: JsonSchema } {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  let additional: JsonSchema | undefined;
  for (const m of list) {
    if (ts.isPropertySignature(m)) {
      const key = nameText(m.name);
      if (!key) continue;
      const { schema, undefinable } = withUndefined(m.type, components, depth + 1);
      properties[key] = schema;
      if (!m.questionToken && !undefinable) required.push(key);
    } else if (ts.isIndexSignatureDeclaration(m)) {
      additional = typeSchema(m.type, components, depth + 1);
    }
  }
  return { properties, required, ...(additional ? { additional } : {}) };
}

function objectSchema(
  list: ts.NodeArray<ts.TypeElement>,
  components: Components,
  depth: number,
  bases: JsonSchema[] = [],
): JsonSchema {
  const { properties, required, additional } = members(list, components, depth);
  for (const base of bases) {
    const b = components.deref(base);
    for (const [k, v] of Object.entries(b.properties ?? {})) properties[k] ??= v;
    for (const k of b.required ?? []) if (!required.includes(k)) required.push(k);
  }
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    ...(additional ? { additionalProperties: additional } : {}),
  };
}

/** A member type, and whether it admits `undefined` (so the key may be missing from JSON). */
function withUndefined(
  type: ts.TypeNode | undefined,
  components: Components,
  depth: number,
): { schema: JsonSchema; undefinable: boolean } {
  if (type && ts.isUnionTypeNode(type)) {
    const undefinable = type.types.some((t) => t.kind === ts.SyntaxKind.UndefinedKeyword);
    return { schema: typeSchema(type, components, depth), undefinable };
  }
  const open = !type || type.kind === ts.SyntaxKind.UnknownKeyword || type.kind === ts.SyntaxKind.AnyKeyword;
  return { schema: typeSchema(type, components, depth), undefinable: open };
}

function literalSchema(type: ts.LiteralTypeNode): JsonSchema {
  const lit = type.literal;
  if (ts.isStringLiteral(lit) || ts.isNoSubstitutionTemplateLiteral(lit)) return { type: 'string', enum: [lit.text] };
  if (ts.isNumericLiteral(lit)) return { type: 'number', enum: [Number(lit.text)] };
  if (lit.kind === ts.SyntaxKind.TrueKeyword) return { type: 'boolean', enum: [true] };
  if (lit.kind === ts.SyntaxKind.FalseKeyword) return { type: 'boolean', enum: [false] };
  if (lit.kind === ts.SyntaxKind.NullKeyword) return { type: 'null' };
  return {};
}

function unionSchema(type: ts.UnionTypeNode, components: Components, depth: number): JsonSchema {
  const parts = type.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
  const schemas = parts.map((t) => typeSchema(t, components, depth + 1));
  const hasNull = schemas.some((s) => s.type === 'null');
  const rest = schemas.filter((s) => s.type !== 'null');
  // `'a' | 'b'` → one enum
  if (rest.length > 1 && rest.every((s) => s.enum && typeof s.type === 'string' && s.type === rest[0]!.type)) {
    const merged: JsonSchema = { type: rest[0]!.type, enum: rest.flatMap((s) => s.enum!) };
    return hasNull ? nullable(merged) : merged;
  }
  const base = union(rest);
  return hasNull ? nullable(base) : base;
}

function referenceSchema(type: ts.TypeReferenceNode, components: Components, depth: number): JsonSchema {
  const name = type.typeName.getText();
  const args = type.typeArguments ?? [];
  const arg = (i: number): JsonSchema => typeSchema(args[i], components, depth + 1);
  switch (name) {
    case 'Array':
    case 'ReadonlyArray':
      return { type: 'array', items: arg(0) };
    case 'Record':
      return { type: 'object', additionalProperties: arg(1) };
    case 'Date':
      return { type: 'string', format: 'date-time' };
    case 'Partial': {
      const { required: _dropped, ...rest } = components.deref(arg(0));
      return rest;
    }
    case 'Required': {
      const object = components.deref(arg(0));
      return object.properties ? { ...object, required: Object.keys(object.properties) } : object;
    }
    case 'Pick':
    case 'Omit':
      return pickOmit(name, components.deref(arg(0)), args[1]);
    case 'z.infer':
    case 'z.input':
    case 'z.output': {
      const query = args[0];
      if (query && ts.isTypeQueryNode(query) && ts.isIdentifier(query.exprName))
        return zodSchema(query.exprName, components, depth + 1) ?? {};
      return {};
    }
  }
  const declaration = ts.isIdentifier(type.typeName) ? localType(type.typeName.text, type) : undefined;
  if (!declaration || declaration.typeParameters?.length) return {};
  return components.ref(declaration, declaration.name.text, () => namedSchema(declaration, components, depth)) ?? {};
}

function pickOmit(name: string, object: JsonSchema, keysType: ts.TypeNode | undefined): JsonSchema {
  if (!object.properties || !keysType) return object;
  const keys = (ts.isUnionTypeNode(keysType) ? keysType.types : [keysType])
    .map((t) => (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? t.literal.text : undefined))
    .filter((k): k is string => k !== undefined);
  const keep = (k: string): boolean => (name === 'Pick' ? keys.includes(k) : !keys.includes(k));
  return {
    ...object,
    properties: Object.fromEntries(Object.entries(object.properties).filter(([k]) => keep(k))),
    ...(object.required ? { required: object.required.filter(keep) } : {}),
  };
}

function namedSchema(declaration: NamedType, components: Components, depth: number): JsonSchema {
  if (ts.isTypeAliasDeclaration(declaration)) return typeSchema(declaration.type, components, depth + 1);
  const bases = (declaration.heritageClauses ?? []).flatMap((h) =>
    h.types.map((t) =>
      ts.isIdentifier(t.expression)
        ? typeSchema(ts.factory.createTypeReferenceNode(t.expression.text), components, depth + 1, declaration)
        : {},
    ),
  );
  return objectSchema(declaration.members, components, depth, bases);
}

/** JSON Schema of a type node; `{}` (open) when it cannot be read. */
export function typeSchema(
  type: ts.TypeNode | undefined,
  components: Components,
  depth = 0,
  context?: ts.Node,
): JsonSchema {
  if (!type || depth > MAX_DEPTH) return {};
  switch (type.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: 'string' };
    case ts.SyntaxKind.NumberKeyword:
    case ts.SyntaxKind.BigIntKeyword:
      return { type: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: 'boolean' };
    case ts.SyntaxKind.NullKeyword:
      return { type: 'null' };
    case ts.SyntaxKind.ObjectKeyword:
      return { type: 'object' };
  }
  if (ts.isParenthesizedTypeNode(type)) return typeSchema(type.type, components, depth + 1);
  if (ts.isLiteralTypeNode(type)) return literalSchema(type);
  if (ts.isUnionTypeNode(type)) return unionSchema(type, components, depth);
  if (ts.isIntersectionTypeNode(type)) return { allOf: type.types.map((t) => typeSchema(t, components, depth + 1)) };
  if (ts.isArrayTypeNode(type)) return { type: 'array', items: typeSchema(type.elementType, components, depth + 1) };
  if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.ReadonlyKeyword)
    return typeSchema(type.type, components, depth + 1);
  if (ts.isTupleTypeNode(type)) {
    const items = type.elements.map((e) => typeSchema(ts.isNamedTupleMember(e) ? e.type : e, components, depth + 1));
    return { type: 'array', prefixItems: items, minItems: items.length, maxItems: items.length };
  }
  if (ts.isTypeLiteralNode(type)) return objectSchema(type.members, components, depth);
  if (ts.isTypeReferenceNode(type)) {
    // A synthesized reference (an interface's `extends`) has no source position: resolve from its declaration.
    if (context && ts.isIdentifier(type.typeName)) {
      const declaration = localType(type.typeName.text, context);
      return declaration
        ? (components.ref(declaration, declaration.name.text, () => namedSchema(declaration, components, depth)) ?? {})
        : {};
    }
    return referenceSchema(type, components, depth);
  }
  return {};
}

/**
 * JSON Schema (the 2020-12 dialect OpenAPI 3.1 uses) as plain data, the `components`
 * registry that named schemas go to, and small helpers shared by the zod, TypeScript-type
 * and literal readers. An empty schema `{}` means "anything": what the code does not tell
 * is left open, never guessed.
 */
import type * as ts from 'typescript';
import type { Hint, JsonValue } from '../request/examples';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  const?: JsonValue;
  enum?: JsonValue[];
  default?: JsonValue;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  uniqueItems?: boolean;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  contentMediaType?: string;
}

const COMPONENT_NAME = /[^A-Za-z0-9._-]/g;

/**
 * Named schemas shared between operations (`#/components/schemas/<name>`), keyed by the
 * declaration they come from, so one zod const or interface is one component however often
 * it is used. Names are the declared names; a clash between files gets a numeric suffix.
 */
export class Components {
  readonly schemas: Record<string, JsonSchema> = {};
  private readonly byDeclaration = new Map<ts.Node, string>();
  /** The value an identifier imported from the app's own modules names there (set per operation). */
  follow: ((id: ts.Identifier) => ts.Expression | undefined) | undefined;

  /** A `$ref` to the component for `declaration`, building it once (recursion-safe). */
  ref(declaration: ts.Node, name: string, build: () => JsonSchema | undefined): JsonSchema | undefined {
    let key = this.byDeclaration.get(declaration);
    if (key === undefined) {
      key = this.freeName(name);
      this.byDeclaration.set(declaration, key);
      this.schemas[key] = {};
      const schema = build();
      if (schema === undefined) {
        delete this.schemas[key];
        this.byDeclaration.delete(declaration);
        return undefined;
      }
      this.schemas[key] = schema;
    }
    return { $ref: `#/components/schemas/${key}` };
  }

  /** The schema a `$ref` of this registry points to (others are returned as they are). */
  deref(schema: JsonSchema): JsonSchema {
    const prefix = '#/components/schemas/';
    if (!schema.$ref?.startsWith(prefix)) return schema;
    return this.schemas[schema.$ref.slice(prefix.length)] ?? {};
  }

  private freeName(name: string): string {
    const base = name.replace(COMPONENT_NAME, '_') || 'Schema';
    let candidate = base;
    for (let i = 2; candidate in this.schemas; i++) candidate = `${base}${i}`;
    return candidate;
  }
}

/** The schema for what a read of the value reveals about its type. */
export function hintSchema(hint: Hint | undefined): JsonSchema {
  if (hint === 'array') return { type: 'array', items: {} };
  return hint ? { type: hint } : {};
}

/** The schema of a JSON literal value (its type, not the value itself). */
export function typeOfValue(value: JsonValue): JsonSchema {
  if (value === null) return { type: 'null' };
  if (Array.isArray(value)) return { type: 'array', items: {} };
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' };
  return { type: typeof value };
}

export function isOpen(schema: JsonSchema): boolean {
  return Object.keys(schema).length === 0;
}

/** `a | b`: one schema when they are the same, open when either is open. */
export function union(schemas: readonly JsonSchema[]): JsonSchema {
  const unique: JsonSchema[] = [];
  const seen = new Set<string>();
  for (const s of schemas) {
    if (isOpen(s)) return {};
    for (const part of s.anyOf && Object.keys(s).length === 1 ? s.anyOf : [s]) {
      const key = JSON.stringify(part);
      if (!seen.has(key)) {
        seen.add(key);
        unique.push(part);
      }
    }
  }
  if (unique.length === 0) return {};
  if (unique.length === 1) return unique[0]!;
  return { anyOf: unique };
}

/** `schema | null`, as a type list when the schema is a single plain type. */
export function nullable(schema: JsonSchema): JsonSchema {
  if (isOpen(schema)) return schema;
  if (typeof schema.type === 'string' && !schema.enum && schema.const === undefined)
    return { ...schema, type: [schema.type, 'null'] };
  return union([schema, { type: 'null' }]);
}

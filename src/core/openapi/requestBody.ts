/**
 * The request body of an operation, from the request inference (src/core/request/infer.ts):
 * a zod schema the body is parsed with wins; else the TypeScript type it is given (`as T`,
 * `satisfies T`, a typed variable or parameter), with the fields the code reads added and
 * `unknown` members narrowed by the `typeof` checks; else the fields read, typed where the
 * code checks them. `formData()` → `multipart/form-data` (files as binary); `text()` →
 * `text/plain`; a stream read of `request.body` → any content type.
 */
import type { BodyFields, InferenceDetails, InferredBody } from '../request/infer';
import { hintSchema, isOpen, type Components, type JsonSchema } from './schema';
import { typeSchema } from './tsType';
import { zodSchema } from './zod';

export interface RequestBodyObject {
  required: boolean;
  content: Record<string, { schema: JsonSchema }>;
}

/** The schema of the fields read, one level at a time (nested objects where the code reads into them). */
function readsSchema(fields: BodyFields, components: Components): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const name of fields.order) {
    const hint = fields.hints.get(name);
    const nested = fields.nested.get(name);
    properties[name] =
      nested && nested.order.length && (hint === undefined || hint === 'object')
        ? fieldsSchema(nested, components)
        : hintSchema(hint);
  }
  return { type: 'object', properties };
}

/** A written type, completed by the reads: fields the type lacks are added, open members narrowed. */
function completeWithReads(typed: JsonSchema, reads: JsonSchema): JsonSchema {
  if (typed.$ref || typed.type !== 'object' || !typed.properties) return typed;
  const properties = { ...typed.properties };
  for (const [name, read] of Object.entries(reads.properties ?? {})) {
    const current = properties[name];
    if (current === undefined || isOpen(current)) properties[name] = read;
  }
  return { ...typed, properties };
}

export function fieldsSchema(fields: BodyFields, components: Components): JsonSchema {
  if (fields.zod) {
    const schema = zodSchema(fields.zod, components);
    if (schema) return schema;
  }
  const reads = readsSchema(fields, components);
  for (const type of fields.types) {
    const typed = typeSchema(type, components);
    if (!isOpen(typed)) return completeWithReads(typed, reads);
  }
  return fields.order.length ? reads : {};
}

function formSchema(body: Extract<InferredBody, { kind: 'form' }>): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of body.fields)
    properties[field] = body.files.includes(field)
      ? { type: 'string', format: 'binary', contentMediaType: 'application/octet-stream' }
      : { type: 'string' };
  return { type: 'object', properties };
}

export function requestBody(details: InferenceDetails, components: Components): RequestBodyObject | undefined {
  const body = details.request.body;
  if (!body) return undefined;
  switch (body.kind) {
    case 'json':
      return {
        required: true,
        content: { 'application/json': { schema: details.json ? fieldsSchema(details.json, components) : {} } },
      };
    case 'form':
      return { required: true, content: { 'multipart/form-data': { schema: formSchema(body) } } };
    case 'text':
      return { required: true, content: { 'text/plain': { schema: { type: 'string' } } } };
    case 'stream':
      // `request.body` read as a stream: any bytes; the handler does not say which type.
      return { required: true, content: { '*/*': { schema: {} } } };
  }
}

/**
 * Our own conformance runner for an OpenAPI document against a running server (a stand-in
 * for Schemathesis, which needs PyPI): for every documented operation it builds requests
 * from the document alone — path params, query params and headers from their schemas, a
 * body generated from the request schema, and the same request with an empty body — sends
 * them, and checks that each response's status is documented (or a `default` exists), its
 * content type is one the response lists, its body validates against that schema (Ajv,
 * JSON Schema 2020-12), a response documented without content has no body, and a documented
 * `Location` header is present.
 */
import type { OpenApiDocument, OperationObject } from '../../src/core/openapi/document';
import type { JsonSchema } from '../../src/core/openapi/schema';
import { DocumentSchemas } from './openapi';

export interface Exchange {
  readonly operation: string;
  readonly request: string;
  readonly status: number;
  readonly problems: readonly string[];
}

const COMPONENT_PREFIX = '#/components/schemas/';

/** A value of a schema, built from the schema only (its default, enum, format, bounds). */
export function sampleOf(schema: JsonSchema, document: OpenApiDocument, depth = 0): unknown {
  if (depth > 8) return null;
  if (schema.$ref?.startsWith(COMPONENT_PREFIX))
    return sampleOf(
      document.components?.schemas?.[schema.$ref.slice(COMPONENT_PREFIX.length)] ?? {},
      document,
      depth + 1,
    );
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.anyOf?.length) return sampleOf(schema.anyOf[0]!, document, depth + 1);
  if (schema.oneOf?.length) return sampleOf(schema.oneOf[0]!, document, depth + 1);
  if (schema.allOf?.length)
    return Object.assign({}, ...schema.allOf.map((s) => sampleOf(s, document, depth + 1) as object));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined);
      return min ?? 2;
    }
    case 'boolean':
      return true;
    case 'array': {
      const items = schema.items ? sampleOf(schema.items, document, depth + 1) : 'example';
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => items);
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties ?? {})) out[k] = sampleOf(v, document, depth + 1);
      return out;
    }
    case 'null':
      return null;
    default:
      return stringSample(schema);
  }
}

function stringSample(schema: JsonSchema): string {
  switch (schema.format) {
    case 'email':
      return 'user@example.com';
    case 'uri':
      return 'https://example.com';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'date-time':
      return '2025-01-01T00:00:00.000Z';
    case 'date':
      return '2025-01-01';
  }
  const text = 'example';
  return text.padEnd(schema.minLength ?? 0, 'x').slice(0, schema.maxLength ?? text.length);
}

interface PlannedRequest {
  readonly label: string;
  readonly url: string;
  readonly init: RequestInit;
}

/** Two values per path param (its schema is a string): a word and a small number (ids are often numeric); a catch-all gets two segments. */
function pathValues(op: OperationObject, pathTemplate: string): string[] {
  const params = (op.parameters ?? []).filter((p) => p.in === 'path');
  if (!params.length) return [pathTemplate];
  return ['example', '1'].map((value) =>
    params.reduce(
      (p, param) => p.replace(`{${param.name}}`, param.description?.includes('path segments') ? `${value}/b` : value),
      pathTemplate,
    ),
  );
}

function headersFor(op: OperationObject, document: OpenApiDocument): Record<string, string> {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const p of op.parameters ?? []) {
    if (p.in === 'header') headers[p.name] = String(sampleOf(p.schema, document));
    if (p.in === 'cookie') cookies.push(`${p.name}=${String(sampleOf(p.schema, document))}`);
  }
  for (const requirement of op.security ?? []) {
    for (const name of Object.keys(requirement)) {
      const scheme = document.components?.securitySchemes?.[name];
      if (scheme?.type === 'http') headers['Authorization'] = 'Bearer conformance-token';
      if (scheme?.type === 'apiKey') cookies.push(`${scheme.name}=conformance`);
    }
  }
  if (cookies.length) headers['Cookie'] = cookies.join('; ');
  return headers;
}

function queryFor(op: OperationObject, document: OpenApiDocument): string {
  const search = new URLSearchParams();
  for (const p of op.parameters ?? []) {
    if (p.in !== 'query') continue;
    const value = sampleOf(p.schema, document);
    for (const v of Array.isArray(value) ? value : [value]) search.append(p.name, String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function bodiesFor(
  op: OperationObject,
  document: OpenApiDocument,
): Array<{ label: string; body?: string | FormData; type?: string }> {
  const content = op.requestBody?.content ?? {};
  const out: Array<{ label: string; body?: string | FormData; type?: string }> = [];
  for (const [type, media] of Object.entries(content)) {
    if (type === 'application/json') {
      out.push({ label: 'generated JSON body', body: JSON.stringify(sampleOf(media.schema, document)), type });
      out.push({ label: 'empty JSON object', body: '{}', type });
    } else if (type === 'multipart/form-data') {
      const form = new FormData();
      for (const [name, s] of Object.entries(media.schema.properties ?? {}))
        if (s.format === 'binary') form.append(name, new Blob(['file content'], { type: 'text/plain' }), 'example.txt');
        else form.append(name, String(sampleOf(s, document)));
      out.push({ label: 'generated form', body: form });
      out.push({ label: 'empty form', body: new FormData() });
    } else {
      out.push({ label: `${type} body`, body: String(sampleOf(media.schema, document)), type });
    }
  }
  return out.length ? out : [{ label: 'no body' }];
}

function plan(
  origin: string,
  document: OpenApiDocument,
  pathTemplate: string,
  method: string,
  op: OperationObject,
): PlannedRequest[] {
  const base = `${origin}${document.servers[0]?.url === '/' ? '' : (document.servers[0]?.url ?? '')}`;
  const headers = headersFor(op, document);
  const out: PlannedRequest[] = [];
  for (const p of pathValues(op, pathTemplate)) {
    for (const b of bodiesFor(op, document)) {
      const url = `${base}${p}${queryFor(op, document)}`;
      out.push({
        label: `${method.toUpperCase()} ${p} (${b.label})`,
        url,
        init: {
          method: method.toUpperCase(),
          redirect: 'manual',
          headers: { ...headers, ...(b.type ? { 'Content-Type': b.type } : {}) },
          ...(b.body !== undefined ? { body: b.body } : {}),
        },
      });
    }
  }
  return out;
}

async function check(
  response: Response,
  op: OperationObject,
  schemas: DocumentSchemas,
  method: string,
): Promise<string[]> {
  const documented = op.responses[String(response.status)] ?? op.responses['default'];
  const body = method === 'head' ? '' : await response.text();
  if (!documented)
    return [`status ${response.status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`];
  const problems: string[] = [];
  if (documented.headers?.['Location'] && !response.headers.get('location')) problems.push('Location header missing');
  const content = documented.content;
  if (!content) {
    if (body.length) problems.push(`a body (${body.slice(0, 80)}) where the document says no content`);
    return problems;
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const media = content[type] ?? content['*/*'];
  if (!media) return [...problems, `content type ${type || '(none)'} is not one of ${Object.keys(content).join(', ')}`];
  const value = type === 'application/json' ? JSON.parse(body) : body;
  const validate = schemas.compile(media.schema);
  if (!validate(value)) problems.push(`body ${body.slice(0, 120)} does not match: ${JSON.stringify(validate.errors)}`);
  return problems;
}

/** Sends the planned requests of every operation, in the document's order, and checks each answer. */
export async function runConformance(origin: string, document: OpenApiDocument): Promise<Exchange[]> {
  const schemas = new DocumentSchemas(document);
  const exchanges: Exchange[] = [];
  for (const [pathTemplate, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item) as Array<[string, OperationObject]>) {
      for (const request of plan(origin, document, pathTemplate, method, op)) {
        const response = await fetch(request.url, { ...request.init, signal: AbortSignal.timeout(90000) });
        const problems = await check(response, op, schemas, method);
        exchanges.push({
          operation: `${method.toUpperCase()} ${pathTemplate}`,
          request: request.label,
          status: response.status,
          problems,
        });
      }
    }
  }
  return exchanges;
}

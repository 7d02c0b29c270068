/**
 * Checks for the JSON Schemas inside an OpenAPI document with a maintained JSON Schema
 * validator (Ajv, draft 2020-12, the dialect of OpenAPI 3.1): a schema is compiled with the
 * document's components as `$defs`, in strict mode (unknown keywords and malformed schemas
 * are errors), and values are validated against it.
 */
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import type { OpenApiDocument } from '../../src/core/openapi/document';
import type { JsonSchema } from '../../src/core/openapi/schema';

const COMPONENT_REF = /^#\/components\/schemas\//;

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' ? v.replace(COMPONENT_REF, '#/$defs/') : rewriteRefs(v),
    ]),
  );
}

export class DocumentSchemas {
  private readonly ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
  private readonly defs: Record<string, unknown>;

  constructor(document: OpenApiDocument) {
    this.defs = rewriteRefs(document.components?.schemas ?? {}) as Record<string, unknown>;
  }

  /** Compiles a schema of the document (throws when it is not a valid 2020-12 schema). */
  compile(schema: JsonSchema): ValidateFunction {
    return this.ajv.compile({ ...(rewriteRefs(schema) as object), $defs: this.defs });
  }

  /** Every schema in the document: components, parameters, request bodies, responses. */
  static schemasOf(document: OpenApiDocument): Array<{ where: string; schema: JsonSchema }> {
    const out: Array<{ where: string; schema: JsonSchema }> = [];
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {}))
      out.push({ where: `components.schemas.${name}`, schema });
    for (const [p, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${p}`;
        for (const param of op.parameters ?? [])
          out.push({ where: `${where} ${param.in} ${param.name}`, schema: param.schema });
        for (const [type, media] of Object.entries(op.requestBody?.content ?? {}))
          out.push({ where: `${where} request ${type}`, schema: media.schema });
        for (const [status, response] of Object.entries(op.responses))
          for (const [type, media] of Object.entries(response.content ?? {}))
            out.push({ where: `${where} ${status} ${type}`, schema: media.schema });
      }
    }
    return out;
  }
}

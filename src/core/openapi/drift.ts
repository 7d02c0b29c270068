/**
 * The drift check: a committed OpenAPI document compared with the one the code gives now,
 * as a readable summary (operations added or removed; parameters, request bodies and
 * responses changed; component schemas and security schemes changed). Key order and
 * formatting do not count.
 */
import type { OpenApiDocument } from './document';

type Json = unknown;
type JsonObject = Record<string, Json>;

const METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete', 'options'];

function isObject(v: Json): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON with object keys sorted: equal texts mean equal documents. */
export function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

function same(a: Json, b: Json): boolean {
  return canonical(a) === canonical(b);
}

function operations(doc: Json): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  const paths = isObject(doc) && isObject(doc['paths']) ? doc['paths'] : {};
  for (const [p, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const m of METHODS) if (isObject(item[m])) out.set(`${m.toUpperCase()} ${p}`, item[m] as JsonObject);
  }
  return out;
}

function parameters(op: JsonObject): Map<string, Json> {
  const list = Array.isArray(op['parameters']) ? op['parameters'] : [];
  return new Map(list.filter(isObject).map((p) => [`${String(p['in'])} parameter \`${String(p['name'])}\``, p]));
}

/** Keyed members added, removed or changed between two records. */
function keyedChanges(before: Map<string, Json>, after: Map<string, Json>, label: (key: string) => string): string[] {
  const out: string[] = [];
  for (const [k, v] of after) {
    if (!before.has(k)) out.push(`${label(k)} added`);
    else if (!same(before.get(k), v)) out.push(`${label(k)} changed`);
  }
  for (const k of before.keys()) if (!after.has(k)) out.push(`${label(k)} removed`);
  return out;
}

function entries(v: Json): Map<string, Json> {
  return new Map(isObject(v) ? Object.entries(v) : []);
}

function operationChanges(before: JsonObject, after: JsonObject): string[] {
  const out = keyedChanges(parameters(before), parameters(after), (k) => k);
  if (!same(before['requestBody'], after['requestBody']))
    out.push(
      before['requestBody'] === undefined
        ? 'request body added'
        : after['requestBody'] === undefined
          ? 'request body removed'
          : 'request body changed',
    );
  out.push(...keyedChanges(entries(before['responses']), entries(after['responses']), (k) => `response ${k}`));
  if (!same(before['security'], after['security'])) out.push('security changed');
  return out;
}

function componentChanges(before: Json, after: Json): string[] {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  return [
    ...keyedChanges(entries(b['schemas']), entries(a['schemas']), (k) => `components.schemas.${k}`),
    ...keyedChanges(
      entries(b['securitySchemes']),
      entries(a['securitySchemes']),
      (k) => `components.securitySchemes.${k}`,
    ),
  ];
}

export interface DriftReport {
  readonly upToDate: boolean;
  /** One line per difference, e.g. `+ GET /api/users/{id} (operation added)`. */
  readonly changes: readonly string[];
}

/** Compares the committed document with the current one. */
export function compareDocuments(committed: Json, current: OpenApiDocument): DriftReport {
  if (same(committed, current)) return { upToDate: true, changes: [] };
  const changes: string[] = [];
  const before = operations(committed);
  const after = operations(current);
  for (const k of after.keys()) if (!before.has(k)) changes.push(`+ ${k} (operation added)`);
  for (const k of before.keys()) if (!after.has(k)) changes.push(`- ${k} (operation removed)`);
  for (const [k, op] of after) {
    const old = before.get(k);
    if (old) for (const c of operationChanges(old, op)) changes.push(`~ ${k}: ${c}`);
  }
  const c = isObject(committed) ? committed : {};
  if (!same(c['servers'], current.servers)) changes.push('~ servers changed (basePath)');
  if (!same(c['info'], current.info)) changes.push('~ info changed');
  for (const line of componentChanges(c['components'], current.components)) changes.push(`~ ${line}`);
  if (!changes.length) changes.push('~ other differences (summaries, descriptions or tags)');
  return { upToDate: false, changes };
}

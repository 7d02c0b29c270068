/** Writing and reading OpenAPI documents as JSON or YAML (YAML through the `yaml` library). */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

export type DocumentFormat = 'json' | 'yaml';

/** The format a file name implies: `.yaml`/`.yml` → yaml, anything else → json. */
export function formatForFile(file: string): DocumentFormat {
  return /\.ya?ml$/i.test(file) ? 'yaml' : 'json';
}

export function serializeDocument(document: unknown, format: DocumentFormat): string {
  if (format === 'yaml') return stringifyYaml(document, { aliasDuplicateObjects: false, lineWidth: 0 });
  return JSON.stringify(document, null, 2) + '\n';
}

/** Parses a document's text; throws with the parser's message when it is not valid JSON/YAML. */
export function parseDocumentText(text: string, format: DocumentFormat): unknown {
  return format === 'yaml' ? parseYaml(text) : JSON.parse(text);
}

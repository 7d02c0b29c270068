/**
 * Reads scripts/snippets/catalog.txt and renders the two snippet files VS Code reads
 * (snippets/typescript.json, snippets/javascript.json). `npm run snippets` writes them;
 * test/unit/snippets/catalog.test.ts fails when they are out of date.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { paramVariable, SNIPPET_FILES, type SnippetDefinition, type SnippetVariant } from '../../src/core/snippets';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CATALOG_FILE = path.join(ROOT, 'scripts', 'snippets', 'catalog.txt');

export interface CatalogEntry {
  readonly prefix: string;
  readonly name: string;
  readonly description: string;
  /** Body in snippet syntax with the «TypeScript-only» marks and the PARAM token. */
  readonly source: string;
  readonly line: number;
}

const HEADER = /^## (\S+) \| ([^|]+) \| (.+)$/;

export function parseCatalog(text: string): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  let current: { prefix: string; name: string; description: string; line: number; lines: string[] } | undefined;
  const finish = (): void => {
    if (!current) return;
    while (current.lines.length && current.lines.at(-1)!.trim() === '') current.lines.pop();
    entries.push({
      prefix: current.prefix,
      name: current.name.trim(),
      description: current.description.trim(),
      source: current.lines.join('\n'),
      line: current.line,
    });
  };
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.startsWith('## ')) {
      const m = HEADER.exec(line);
      if (!m) throw new Error(`catalog.txt:${i + 1}: a header is "## prefix | name | description"`);
      finish();
      current = { prefix: m[1]!, name: m[2]!, description: m[3]!, line: i + 1, lines: [] };
    } else if (current) current.lines.push(line);
    else if (line.trim() !== '' && !line.startsWith('#'))
      throw new Error(`catalog.txt:${i + 1}: text before the first snippet`);
  });
  finish();
  return entries;
}

/** The body for one variant: TypeScript keeps the «…» text, JavaScript drops it. */
export function variantBody(source: string, variant: SnippetVariant): string {
  const unmarked = variant === 'typescript' ? source.replace(/[«»]/g, '') : source.replace(/«[^»]*»/g, '');
  // Catch-all snippets default to `slug`, the others to `id`.
  const fallback = /PARAM\?: string\[\]/.test(source) ? 'slug' : 'id';
  return unmarked.replace(/\bPARAM\b/g, () => paramVariable(fallback));
}

export function renderSnippetFile(entries: readonly CatalogEntry[], variant: SnippetVariant): string {
  const out: Record<string, SnippetDefinition> = {};
  for (const e of entries)
    out[e.name] = { prefix: e.prefix, description: e.description, body: variantBody(e.source, variant).split('\n') };
  return JSON.stringify(out, null, 2) + '\n';
}

export function renderAll(): Record<string, string> {
  const entries = parseCatalog(fs.readFileSync(CATALOG_FILE, 'utf8'));
  const files: Record<string, string> = {};
  for (const [variant, rel] of Object.entries(SNIPPET_FILES))
    files[rel] = renderSnippetFile(entries, variant as SnippetVariant);
  return files;
}

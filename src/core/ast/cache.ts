import { parseDocument, reparseDocument, type ParsedDocument } from './parse';

export interface DocumentSnapshot {
  /** A stable key for the document: its URI in the editor, its path in the CLI. */
  readonly uri: string;
  readonly version: number;
  readonly fileName: string;
  getText(): string;
}

/**
 * Parses a document once per version and shares the result between every provider; a new
 * version of a document it holds is parsed incrementally from the previous one.
 * Bounded (least recently used entries go first); the editor deletes an entry when its
 * document closes, so memory shrinks when files do.
 */
export class AstCache {
  private readonly entries = new Map<string, ParsedDocument>();
  private parses = 0;

  constructor(private readonly capacity = 64) {}

  get(doc: DocumentSnapshot): ParsedDocument {
    const existing = this.entries.get(doc.uri);
    if (existing && existing.version === doc.version && existing.fileName === doc.fileName) {
      // Refresh recency.
      this.entries.delete(doc.uri);
      this.entries.set(doc.uri, existing);
      return existing;
    }
    // A newer version of a cached document is parsed incrementally from it (which reuses, and
    // so invalidates, the old tree: the entry is replaced below and never handed out again).
    const parsed =
      existing && existing.fileName === doc.fileName
        ? reparseDocument(existing, doc.getText(), doc.uri, doc.version)
        : parseDocument(doc.fileName, doc.getText(), doc.uri, doc.version);
    this.parses++;
    this.entries.delete(doc.uri);
    this.entries.set(doc.uri, parsed);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return parsed;
  }

  /** The cached parse of this exact version, if there is one. */
  peek(uri: string, version: number): ParsedDocument | undefined {
    const entry = this.entries.get(uri);
    return entry && entry.version === version ? entry : undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** How many parses this cache has done (for tests and benchmarks). */
  get parseCount(): number {
    return this.parses;
  }
}

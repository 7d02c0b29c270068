/**
 * The workspace's App Router routes in two steps. Where they are needs only the paths (the
 * count, the URLs, whether Next.js serves them); what they answer (their methods) needs a
 * parse, so methods are filled in afterwards, in small batches that give the event loop back
 * between them, and a file somebody asks about first is parsed at once. Methods are kept per
 * file with a stamp (an open document's version, else mtime and size), so a rescan re-parses
 * only files that changed. No parser here: the host parses (src/vscode/routeIndex.ts).
 */
import * as path from 'node:path';
import type { RouteFile } from './nextjs/project';
import type { RouteEntry } from './routes';

/** What the paths alone tell about a route. */
export type RouteLocation = Pick<RouteEntry, 'file' | 'route' | 'params' | 'routable' | 'problems'>;

export interface RouteSource {
  readonly text: string;
  /** Changes whenever the text may have: a document version, or mtime and size on disk. */
  readonly stamp: string;
}

export interface ParsedRoute {
  readonly entry: RouteEntry;
  /** Whether its methods come (also) from other modules (re-exports), which may change without this file. */
  readonly followsImports: boolean;
}

export interface RouteIndexHost {
  /** Every file that may be a route file (VS Code's findFiles, a walk). */
  listFiles(): Promise<readonly string[]>;
  /** The route's place from its path; undefined when the file is no App Router route file. */
  locate(file: string): RouteFile | undefined;
  read(file: string): Promise<RouteSource>;
  /** The stamp `read` would give, without reading (undefined: the file is gone). */
  stamp(file: string): Promise<string | undefined>;
  parse(info: RouteFile, text: string): ParsedRoute;
  /** Lets other work run between batches. */
  yieldNow(): Promise<void>;
  warn(message: string): void;
}

export interface RouteIndexOptions {
  /** Files read (and then parsed) between two yields. */
  readonly batch?: number;
  /** Files larger than this are parsed after all others, one per batch, and reported. */
  readonly largeFileBytes?: number;
}

export interface RouteIndexChange {
  /** Whether the set of route files or their URLs changed (not only methods). */
  readonly files: boolean;
}

interface Slot {
  readonly info: RouteFile;
  parsed?: ParsedRoute;
  stamp?: string;
  loading?: Promise<void>;
  /** Read once and found large: parsed after the others. */
  large?: boolean;
}

const DEFAULT_BATCH = 32;
const DEFAULT_LARGE_FILE_BYTES = 1 << 20;

export class RouteIndex {
  private slots = new Map<string, Slot>();
  private located: Promise<void> | undefined;
  private filling: Promise<void> | undefined;
  /** Files whose methods are not known yet, in fill order. */
  private queue: Slot[] = [];
  private readonly listeners = new Set<(change: RouteIndexChange) => void>();
  private readonly batch: number;
  private readonly largeFileBytes: number;

  constructor(
    private readonly host: RouteIndexHost,
    options: RouteIndexOptions = {},
  ) {
    this.batch = options.batch ?? DEFAULT_BATCH;
    this.largeFileBytes = options.largeFileBytes ?? DEFAULT_LARGE_FILE_BYTES;
  }

  onDidChange(listener: (change: RouteIndexChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Whether the workspace has been scanned (or is being scanned). */
  get started(): boolean {
    return this.located !== undefined;
  }

  /** Every route from its path alone (methods may still be unknown), scanning first if needed. */
  async locations(): Promise<RouteLocation[]> {
    await (this.located ??= this.locate());
    return sortRoutes([...this.slots.values()].map((s) => s.info));
  }

  /** Every route with its methods, waiting for the background fill to finish. */
  async all(): Promise<RouteEntry[]> {
    // A rescan while waiting starts a new fill: wait for that one too.
    for (;;) {
      const located = (this.located ??= this.locate());
      await located;
      await this.fill();
      if (located === this.located && !this.queue.length) break;
    }
    return sortRoutes([...this.slots.values()].flatMap((s) => (s.parsed ? [s.parsed.entry] : [])));
  }

  /** One route with its methods, parsed now if the fill has not reached it. */
  async entry(file: string): Promise<RouteEntry | undefined> {
    await (this.located ??= this.locate());
    const slot = this.slots.get(path.resolve(file));
    if (!slot) return undefined;
    await this.load(slot);
    return this.slots.get(slot.info.file)?.parsed?.entry;
  }

  /** Methods known so far (for tests and progress): how many files are parsed. */
  get parsedCount(): number {
    let n = 0;
    for (const s of this.slots.values()) if (s.parsed) n++;
    return n;
  }

  /** Re-reads the paths (a project's package.json or next.config changed); unchanged files keep their methods. */
  rescan(): void {
    if (this.located) this.located = this.locate();
  }

  /** A file was created or changed on disk: only it is re-read and re-parsed. */
  async refresh(file: string): Promise<void> {
    if (!this.located) return;
    await this.located;
    const key = path.resolve(file);
    const before = this.slots.get(key);
    const info = this.host.locate(file);
    if (!info) {
      if (this.slots.delete(key)) this.emit({ files: true });
      return;
    }
    const slot: Slot = { info };
    this.slots.set(info.file, slot);
    await this.load(slot, true);
    if (this.isCurrent(slot)) this.emit({ files: before === undefined || before.info.route !== info.route });
  }

  /** A file was deleted. */
  remove(file: string): void {
    if (this.slots.delete(path.resolve(file))) this.emit({ files: true });
  }

  private async locate(): Promise<void> {
    const files = await this.host.listFiles();
    const previous = this.slots;
    const slots = new Map<string, Slot>();
    for (const file of files) {
      let info: RouteFile | undefined;
      try {
        info = this.host.locate(file);
      } catch (e) {
        this.host.warn(`Could not place ${file}: ${(e as Error).message}`);
      }
      if (info) slots.set(info.file, { info });
    }
    this.slots = slots;
    this.queue = [...slots.values()];
    this.emit({ files: true });
    await this.keepUnchanged(previous);
    this.filling = undefined;
    this.fill().catch((e: Error) => this.host.warn(`Reading route methods failed: ${e.message}`));
  }

  /** After a rescan: methods of files that did not change (and follow no imports) are kept. */
  private async keepUnchanged(previous: ReadonlyMap<string, Slot>): Promise<void> {
    const candidates = [...this.slots].flatMap(([file, slot]) => {
      // Keyed by the located (absolute) path, in both maps.
      const old = previous.get(file)?.parsed && previous.get(file);
      return old && !old.parsed!.followsImports ? [{ slot, old }] : [];
    });
    for (let i = 0; i < candidates.length; i += this.batch) {
      const part = candidates.slice(i, i + this.batch);
      const stamps = await Promise.all(part.map(({ slot }) => this.host.stamp(slot.info.file).catch(() => undefined)));
      part.forEach(({ slot, old }, k) => {
        if (stamps[k] === undefined || stamps[k] !== old.stamp) return;
        const entry = { ...old.parsed!.entry, ...locationOf(slot.info) };
        slot.parsed = { entry, followsImports: false };
        slot.stamp = old.stamp;
      });
    }
  }

  /** Parses every file not parsed yet, a batch at a time; one run at a time, awaited by all callers. */
  private fill(): Promise<void> {
    if (this.filling) return this.filling;
    const filling = this.runFill(this.queue).finally(() => {
      if (this.filling === filling) this.filling = undefined;
    });
    return (this.filling = filling);
  }

  /** Works through `queue` (a rescan starts a new one; this run then finds its files outdated and stops). */
  private async runFill(queue: Slot[]): Promise<void> {
    let changed = false;
    const large: Slot[] = [];
    while (queue.length) {
      const part = queue.splice(0, this.batch).filter((s) => this.isCurrent(s) && !s.parsed);
      if (!part.length) continue;
      await Promise.all(part.map((s) => this.load(s, false, large)));
      changed = true;
      await this.host.yieldNow();
    }
    for (const slot of large) {
      if (!this.isCurrent(slot) || slot.parsed) continue;
      await this.host.yieldNow();
      await this.load(slot, true);
      changed = true;
    }
    if (changed) this.emit({ files: false });
  }

  private isCurrent(slot: Slot): boolean {
    return this.slots.get(slot.info.file) === slot;
  }

  /** Reads and parses one file (once, however many ask); a large one is set aside unless `force`. */
  private load(slot: Slot, force = true, large?: Slot[]): Promise<void> {
    if (slot.parsed) return Promise.resolve();
    if (slot.loading) return slot.loading;
    const loading = this.readAndParse(slot, force, large).finally(() => {
      if (slot.loading === loading) slot.loading = undefined;
    });
    slot.loading = loading;
    return loading;
  }

  private async readAndParse(slot: Slot, force: boolean, large: Slot[] | undefined): Promise<void> {
    const file = slot.info.file;
    let source: RouteSource;
    try {
      source = await this.host.read(file);
    } catch (e) {
      this.host.warn(`Could not read ${file}: ${(e as Error).message}`);
      if (this.isCurrent(slot)) this.slots.delete(slot.info.file);
      return;
    }
    if (!this.isCurrent(slot)) return;
    if (source.text.length > this.largeFileBytes) {
      if (!force && large && !slot.large) {
        slot.large = true;
        large.push(slot);
        return;
      }
      this.host.warn(`${file} is ${formatSize(source.text.length)}: its methods were read after every other file's.`);
    }
    try {
      slot.parsed = this.host.parse(slot.info, source.text);
      slot.stamp = source.stamp;
    } catch (e) {
      this.host.warn(`Could not read the methods of ${file}: ${(e as Error).message}`);
      slot.parsed = { entry: { ...locationOf(slot.info), ...NO_METHODS }, followsImports: false };
    }
  }

  private emit(change: RouteIndexChange): void {
    for (const l of [...this.listeners]) l(change);
  }
}

const NO_METHODS = { methods: [], implicitMethods: [], parseErrors: 0 } as const;

function locationOf(info: RouteFile): RouteLocation {
  return { file: info.file, route: info.route, params: info.params, routable: info.routable, problems: info.problems };
}

function formatSize(chars: number): string {
  return chars < 2 ** 20 ? `${Math.round(chars / 1024)} KB` : `${(chars / 2 ** 20).toFixed(1)} MB`;
}

/** By URL; the same URL in two apps of a monorepo by file, so the order does not depend on read timing. */
export function sortRoutes<T extends { readonly route: string; readonly file: string }>(routes: T[]): T[] {
  return routes.sort((a, b) =>
    a.route < b.route ? -1 : a.route > b.route ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  );
}

/**
 * Every App Router route in the workspace, kept current by a file watcher. Feeds the status
 * bar, "Show Routes", the request Quick Pick and workspace-wide commands. Scans in the
 * background in small slices so the extension host never stalls.
 */
import * as vscode from 'vscode';
import { inSkippedDir, SKIPPED_GLOB } from '../core/files';
import type { RouteEntry } from '../core/routes';
import type { RouteDocuments } from './documents';
import { engine } from './engine';

const ROUTE_GLOB = '**/route.{ts,tsx,js,jsx,mjs,cjs}';
/** Route files read at once while scanning. */
const SCAN_READS = 32;
// Build output and dependencies are not watched: next dev writes route.js files under .next/ on every compile.
const watched = (uri: vscode.Uri): boolean => !inSkippedDir(vscode.workspace.asRelativePath(uri, false));

export class WorkspaceRoutes implements vscode.Disposable {
  private readonly entries = new Map<string, RouteEntry>();
  private scanning: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  readonly onDidChange = this.changed.event;

  constructor(
    private readonly documents: RouteDocuments,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const routes = vscode.workspace.createFileSystemWatcher(ROUTE_GLOB);
    this.disposables.push(
      routes,
      routes.onDidCreate((uri) => watched(uri) && this.refreshFile(uri)),
      routes.onDidChange((uri) => watched(uri) && this.refreshFile(uri)),
      routes.onDidDelete((uri) => {
        if (this.entries.delete(uri.fsPath)) this.changed.fire();
      }),
      documents.onDidChangeProjects(() => this.rescan()),
    );
  }

  /** All routes, scanning the workspace first if that has not happened yet. */
  async all(): Promise<RouteEntry[]> {
    await (this.scanning ??= this.scan());
    // The same URL in two apps of a monorepo: by file, so the order does not depend on read timing.
    return [...this.entries.values()].sort((a, b) =>
      a.route < b.route ? -1 : a.route > b.route ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
    );
  }

  get scanned(): boolean {
    return this.scanning !== undefined;
  }

  rescan(): void {
    if (this.scanning) this.scanning = this.scan();
  }

  private async scan(): Promise<void> {
    const uris = await vscode.workspace.findFiles(ROUTE_GLOB, SKIPPED_GLOB);
    this.entries.clear();
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    // Reads are in flight SCAN_READS at a time (a monorepo has thousands of route files, and one
    // read at a time waits on the disk for each); parsing stays on this thread between them.
    for (let i = 0; i < uris.length; i += SCAN_READS) {
      await Promise.all(uris.slice(i, i + SCAN_READS).map((uri) => this.index(uri, open)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.log.info(`Found ${this.entries.size} route file(s) in the workspace.`);
    this.changed.fire();
  }

  private async refreshFile(uri: vscode.Uri): Promise<void> {
    if (!this.scanning) return;
    const before = this.entries.get(uri.fsPath);
    await this.index(uri);
    // Listeners (status bar, project checks → diagnostics) hear only of real changes.
    if (before !== undefined || this.entries.has(uri.fsPath)) this.changed.fire();
  }

  private async index(uri: vscode.Uri, openDocuments?: ReadonlyMap<string, vscode.TextDocument>): Promise<void> {
    if (uri.scheme !== 'file') return;
    try {
      const e = engine();
      const info = this.documents.projects().routeFile(uri.fsPath);
      if (!info) {
        this.entries.delete(uri.fsPath);
        return;
      }
      const open = openDocuments
        ? openDocuments.get(uri.toString())
        : vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      this.entries.set(
        uri.fsPath,
        e.routeEntry(info, e.parseDocument(uri.fsPath, text), this.documents.projects().modules(uri.fsPath)),
      );
    } catch (err) {
      this.entries.delete(uri.fsPath);
      this.log.warn(`Could not read ${vscode.workspace.asRelativePath(uri)}: ${(err as Error).message}`);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

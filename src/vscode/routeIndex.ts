/**
 * Every App Router route in the workspace, kept current by a file watcher. Feeds the status
 * bar, the Routes view, "Show Routes", the request Quick Pick and workspace-wide commands.
 * The paths come first (VS Code's findFiles: the count and the URLs); methods are parsed in
 * the background in small batches (src/core/routeIndex.ts), so the extension host never stalls.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { inSkippedDir, SKIPPED_GLOB } from '../core/files';
import { RouteIndex, type ParsedRoute, type RouteIndexChange, type RouteLocation } from '../core/routeIndex';
import type { RouteFile } from '../core/nextjs/project';
import type { RouteEntry } from '../core/routes';
import type { RouteDocuments } from './documents';
import { engine, saveEngineCodeCache } from './engine';

const ROUTE_GLOB = '**/route.{ts,tsx,js,jsx,mjs,cjs}';
/**
 * Route files and the files that make a folder a project root (package.json, next.config), in
 * one search. One level of braces: ripgrep, which runs the search, does not nest them.
 */
const ROUTES_AND_ROOTS_GLOB = `**/{${[
  ...['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs'].map((ext) => `route.${ext}`),
  'package.json',
  ...['js', 'mjs', 'cjs', 'ts', 'mts'].map((ext) => `next.config.${ext}`),
].join(',')}}`;
// Build output and dependencies are not watched: next dev writes route.js files under .next/ on every compile.
const watched = (uri: vscode.Uri): boolean => !inSkippedDir(vscode.workspace.asRelativePath(uri, false));

export class WorkspaceRoutes implements vscode.Disposable {
  private readonly index: RouteIndex;
  private readonly changed = new vscode.EventEmitter<RouteIndexChange>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** Fires when routes were added, removed or moved (`files`), or their methods became known or changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly documents: RouteDocuments,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.index = new RouteIndex({
      listFiles: () => this.listFiles(),
      locate: (file) => this.documents.projects().routeFile(file),
      read: (file) => this.read(file),
      stamp: (file) => this.stamp(file),
      parse: (info, text) => this.parse(info, text),
      yieldNow: () => new Promise((resolve) => setImmediate(resolve)),
      warn: (message) => this.log.warn(message),
    });
    const routes = vscode.workspace.createFileSystemWatcher(ROUTE_GLOB);
    this.disposables.push(
      routes,
      this.index.onDidChange((change) => this.changed.fire(change)),
      // The first complete parse has compiled what the editor runs: the engine's code cache can be written.
      this.index.onDidChange((change) => !change.files && saveEngineCodeCache()),
      routes.onDidCreate((uri) => watched(uri) && this.refresh(uri)),
      routes.onDidChange((uri) => watched(uri) && this.refresh(uri)),
      routes.onDidDelete((uri) => this.index.remove(uri.fsPath)),
      documents.onDidChangeProjects(() => this.index.rescan()),
    );
  }

  /** Every route from its path (the count, the URLs); methods may not be known yet. */
  locations(): Promise<RouteLocation[]> {
    return this.index.locations();
  }

  /** All routes with their methods, waiting for the background parse to reach every file. */
  all(): Promise<RouteEntry[]> {
    return this.index.all();
  }

  get scanned(): boolean {
    return this.index.started;
  }

  rescan(): void {
    this.index.rescan();
  }

  private refresh(uri: vscode.Uri): void {
    this.index.refresh(uri.fsPath).catch((e: Error) => this.log.warn(`Could not re-read ${uri.fsPath}: ${e.message}`));
  }

  /** Route files; the project roots of the folders searched are learnt from the same search (no stat per folder). */
  private async listFiles(): Promise<string[]> {
    const uris = await vscode.workspace.findFiles(ROUTES_AND_ROOTS_GLOB, SKIPPED_GLOB);
    const routes: string[] = [];
    const markers: string[] = [];
    for (const uri of uris) {
      if (uri.scheme !== 'file') continue;
      (path.basename(uri.fsPath).startsWith('route.') ? routes : markers).push(uri.fsPath);
    }
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
    const covers = (dir: string): boolean =>
      folders.some(
        (folder) => (dir === folder || dir.startsWith(folder + path.sep)) && !inSkippedDir(dir.slice(folder.length)),
      );
    this.documents.projects().knowProjectMarkers(markers, covers);
    return routes;
  }

  private openDocument(file: string): vscode.TextDocument | undefined {
    const uri = vscode.Uri.file(file).toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  }

  private async read(file: string): Promise<{ text: string; stamp: string }> {
    const open = this.openDocument(file);
    if (open) return { text: open.getText(), stamp: `v${open.version}` };
    const uri = vscode.Uri.file(file);
    const [bytes, stat] = await Promise.all([vscode.workspace.fs.readFile(uri), vscode.workspace.fs.stat(uri)]);
    return { text: new TextDecoder().decode(bytes), stamp: `${stat.mtime}:${stat.size}` };
  }

  private async stamp(file: string): Promise<string | undefined> {
    const open = this.openDocument(file);
    if (open) return `v${open.version}`;
    const stat = await vscode.workspace.fs.stat(vscode.Uri.file(file));
    return `${stat.mtime}:${stat.size}`;
  }

  private parse(info: RouteFile, text: string): ParsedRoute {
    const e = engine();
    const doc = e.parseDocument(info.file, text);
    return {
      entry: e.routeEntry(info, doc, this.documents.projects().modules(info.file)),
      followsImports: e.findRouteExports(doc).some((x) => x.form === 're-export' || x.form === 'star'),
    };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

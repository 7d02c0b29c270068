/**
 * The Routes view: a native tree (no webview) of every App Router route, grouped by URL
 * segment, each route with its methods as children (▶ Send inline), its problem count and
 * the status of its last response; filterable, and revealing the active editor's route. It
 * updates from the same route index as the status bar.
 */
import * as vscode from 'vscode';
import { CONTEXT_KEYS, DIAGNOSTIC_SOURCE, ROUTES_VIEW_ITEMS, VIEWS } from '../constants';
import type { HttpMethod } from '../core/nextjs/httpMethods';
import { buildRouteTree, countRoutes, methodItems, type RouteTreeNode } from '../core/routeTree';
import type { RouteEntry } from '../core/routes';
import type { RequestHistory } from './request/history';
import type { WorkspaceRoutes } from './routeIndex';

export type RoutesViewElement =
  | { readonly kind: 'folder'; readonly node: RouteTreeNode; readonly parent?: RoutesViewElement }
  | {
      readonly kind: 'route';
      readonly node: RouteTreeNode;
      readonly route: RouteEntry;
      readonly parent?: RoutesViewElement;
    }
  | {
      readonly kind: 'method';
      readonly route: RouteEntry;
      readonly method: HttpMethod;
      readonly implicit: boolean;
      readonly parent: RoutesViewElement;
    };

export class RoutesTree implements vscode.TreeDataProvider<RoutesViewElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RoutesViewElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<RoutesViewElement>;
  private readonly disposables: vscode.Disposable[];
  private filter = '';
  private top: RoutesViewElement[] = [];
  /**
   * Children by element key, not by object: a rebuild (every lint or history change) makes new
   * objects, and VS Code may still ask for the children or parent of one it got before — reveal
   * walks getParent while a rebuild lands, and must find the same rows by key.
   */
  private readonly children = new Map<string, RoutesViewElement[]>();
  private statuses: ReadonlyMap<string, number> = new Map<string, number>();
  /** What the rendered rows show (see signature), to skip rebuilds that change none. */
  private shownSignature: string | undefined;
  private pendingRefresh: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly routes: WorkspaceRoutes,
    private readonly history: RequestHistory,
  ) {
    this.view = vscode.window.createTreeView(VIEWS.routes.id, { treeDataProvider: this, showCollapseAll: true });
    this.disposables = [
      this.changed,
      this.view,
      routes.onDidChange(() => this.schedule()),
      history.onDidChange(() => this.schedule()),
      vscode.languages.onDidChangeDiagnostics(() => this.schedule()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && this.view.visible) void this.reveal(editor.document.uri, false);
      }),
      this.view.onDidChangeVisibility((e) => {
        if (e.visible) this.schedule();
      }),
    ];
  }

  /** Rebuilds after a burst of changes (a save re-lints and re-indexes at once), while the view is visible. */
  private schedule(): void {
    // A hidden view is rebuilt when it is shown (diagnostics change on every keystroke's lint).
    if (!this.view.visible) return;
    if (this.pendingRefresh) clearTimeout(this.pendingRefresh);
    this.pendingRefresh = setTimeout(() => {
      this.pendingRefresh = undefined;
      void this.refresh();
    }, 150);
  }

  async refresh(): Promise<void> {
    const all = await this.routes.all();
    const statuses = this.history.lastStatuses();
    // Lint and history change often, mostly without changing a row: the tree is re-rendered only when
    // one changes (a re-render under the mouse hides a row's inline ▶ just as it is clicked).
    const shown = this.signature(all, statuses);
    if (shown === this.shownSignature) return;
    this.shownSignature = shown;
    this.statuses = statuses;
    this.children.clear();
    this.top = buildRouteTree(all, this.filter).map((node) => this.element(node, undefined));
    const matching = this.top.reduce((n, e) => n + (e.kind === 'method' ? 0 : countRoutes(e.node)), 0);
    this.view.message = this.filter
      ? `${matching} of ${all.length} routes match “${this.filter}”.`
      : all.length === 0
        ? 'No App Router route files (app/**/route.ts) in this workspace.'
        : undefined;
    this.view.description = this.filter ? `filter: ${this.filter}` : `${all.length}`;
    this.changed.fire(undefined);
  }

  /** Everything the rows show, as one string. */
  private signature(all: readonly RouteEntry[], statuses: ReadonlyMap<string, number>): string {
    const routes = all.map((r) => [
      r.file,
      r.route,
      r.methods,
      r.implicitMethods,
      r.routable,
      r.problems.map((p) => p.message),
      problemCount(r.file),
    ]);
    return JSON.stringify([this.filter, routes, [...statuses]]);
  }

  private element(node: RouteTreeNode, parent: RoutesViewElement | undefined): RoutesViewElement {
    const single = node.routes.length === 1 ? node.routes[0] : undefined;
    const element: RoutesViewElement = single
      ? { kind: 'route', node, route: single, ...(parent ? { parent } : {}) }
      : { kind: 'folder', node, ...(parent ? { parent } : {}) };
    const kids: RoutesViewElement[] = [];
    if (single) kids.push(...this.methods(single, element));
    else
      for (const route of node.routes)
        kids.push({ kind: 'route', node: { ...node, children: [], routes: [route] }, route, parent: element });
    kids.push(...node.children.map((c) => this.element(c, element)));
    this.children.set(elementKey(element), kids);
    for (const kid of kids)
      if (kid.kind === 'route' && !this.children.has(elementKey(kid)))
        this.children.set(elementKey(kid), this.methods(kid.route, kid));
    return element;
  }

  private methods(route: RouteEntry, parent: RoutesViewElement): RoutesViewElement[] {
    return methodItems(route).map((m) => ({ kind: 'method', route, method: m.method, implicit: m.implicit, parent }));
  }

  getChildren(element?: RoutesViewElement): RoutesViewElement[] {
    return element ? (this.children.get(elementKey(element)) ?? []) : this.top;
  }

  getParent(element: RoutesViewElement): RoutesViewElement | undefined {
    return element.parent;
  }

  getTreeItem(element: RoutesViewElement): vscode.TreeItem {
    if (element.kind === 'method') return this.methodItem(element);
    const children = this.children.get(elementKey(element)) ?? [];
    // A filtered list opens on its matches: a route whose sub-routes matched starts expanded (its methods do not).
    const state =
      children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : this.filter && children.some((c) => c.kind !== 'method')
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    if (element.kind === 'folder') {
      const item = new vscode.TreeItem(element.node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${countRoutes(element.node)} routes`;
      item.iconPath = new vscode.ThemeIcon('folder');
      item.contextValue = ROUTES_VIEW_ITEMS.folder;
      item.id = elementKey(element);
      return item;
    }
    const route = element.route;
    // Two files serving one URL (a conflict Next reports) are told apart by their file.
    const collision = element.parent?.kind === 'folder' && element.parent.node.path === element.node.path;
    const label = collision ? vscode.workspace.asRelativePath(route.file) : element.node.label;
    const item = new vscode.TreeItem(label, state);
    item.id = elementKey(element);
    item.resourceUri = vscode.Uri.file(route.file);
    item.description = this.describe(route);
    item.tooltip = new vscode.MarkdownString(
      `**${route.route}**\n\n${vscode.workspace.asRelativePath(route.file)}\n\n` +
        (route.routable ? '' : `Never served: ${route.problems.map((p) => p.message).join(' ')}\n\n`) +
        `Methods: ${route.methods.join(', ') || 'none'}` +
        (route.implicitMethods.length ? ` (answered by Next.js: ${route.implicitMethods.join(', ')})` : ''),
    );
    item.iconPath = new vscode.ThemeIcon(route.routable ? 'symbol-interface' : 'circle-slash');
    item.contextValue = ROUTES_VIEW_ITEMS.route;
    item.command = { command: 'vscode.open', title: 'Open Route File', arguments: [vscode.Uri.file(route.file)] };
    return item;
  }

  /** `GET POST · 2 problems · 200`. */
  private describe(route: RouteEntry): string {
    const parts = [route.methods.join(' ') || 'no handlers'];
    const problems = problemCount(route.file);
    if (problems) parts.push(`${problems} problem${problems === 1 ? '' : 's'}`);
    const status = this.lastStatus(route);
    if (status !== undefined) parts.push(String(status));
    if (!route.routable) parts.push('never served');
    return parts.join(' · ');
  }

  private lastStatus(route: RouteEntry, method?: string): number | undefined {
    if (method) return this.statuses.get(`${route.route} ${method}`);
    for (const m of [...route.methods, ...route.implicitMethods]) {
      const s = this.statuses.get(`${route.route} ${m}`);
      if (s !== undefined) return s;
    }
    return undefined;
  }

  private methodItem(element: Extract<RoutesViewElement, { kind: 'method' }>): vscode.TreeItem {
    const item = new vscode.TreeItem(element.method, vscode.TreeItemCollapsibleState.None);
    item.id = elementKey(element);
    const status = this.lastStatus(element.route, element.method);
    item.description = [element.implicit ? 'auto' : '', status !== undefined ? `last ${status}` : '']
      .filter(Boolean)
      .join(' · ');
    item.tooltip = element.implicit
      ? `Next.js answers ${element.method} by itself (${element.method === 'HEAD' ? 'GET without a body' : '204 with Allow'})`
      : `${element.method} ${element.route.route}`;
    item.iconPath = new vscode.ThemeIcon(status === undefined ? 'symbol-method' : status < 400 ? 'pass' : 'error');
    item.contextValue = ROUTES_VIEW_ITEMS.method;
    return item;
  }

  async setFilter(): Promise<void> {
    const value = await vscode.window.showInputBox({
      title: 'Filter routes',
      prompt: 'Words that the URL, the file or the methods contain (e.g. "users POST")',
      value: this.filter,
    });
    if (value === undefined) return;
    await this.applyFilter(value.trim());
    await this.show();
  }

  async applyFilter(value: string): Promise<void> {
    this.filter = value;
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.routesFiltered, value !== '');
    await this.refresh();
  }

  /**
   * Selects the route of a file (the active editor's by default) in the view. `focus` is an
   * explicit request (the command): the view is opened first, and a filter that hides the route
   * is cleared; otherwise (following the active editor) only a visible view moves.
   */
  async reveal(uri = vscode.window.activeTextEditor?.document.uri, focus = true): Promise<void> {
    if (!uri || uri.scheme !== 'file') return;
    if (focus) await this.show();
    // A hidden view was not rebuilt on changes (see schedule): an explicit reveal starts from the index as it is.
    if (focus || !this.top.length) await this.refresh();
    let target = this.find(uri.fsPath);
    if (!target && this.filter && focus) {
      await this.applyFilter('');
      target = this.find(uri.fsPath);
    }
    if (target) await this.view.reveal(target, { select: true, focus, expand: true });
    else if (focus)
      void vscode.window.showInformationMessage(
        `${vscode.workspace.asRelativePath(uri)} is not an App Router route file (app/**/route.ts).`,
      );
  }

  /** Opens the view (its Activity Bar container too) and gives it the focus, as its `.focus` command does. */
  private async show(): Promise<void> {
    await vscode.commands.executeCommand(`${VIEWS.routes.id}.focus`);
  }

  private find(file: string): RoutesViewElement | undefined {
    const walk = (elements: readonly RoutesViewElement[]): RoutesViewElement | undefined => {
      for (const e of elements) {
        if (e.kind === 'route' && e.route.file === file) return e;
        const below = walk(this.children.get(elementKey(e)) ?? []);
        if (below) return below;
      }
      return undefined;
    };
    return walk(this.top);
  }

  dispose(): void {
    if (this.pendingRefresh) clearTimeout(this.pendingRefresh);
    for (const d of this.disposables) d.dispose();
  }
}

/** The element's stable identity across rebuilds, also its tree item id (which keeps selection and expansion). */
function elementKey(element: RoutesViewElement): string {
  switch (element.kind) {
    case 'folder':
      return `folder:${element.node.path}`;
    case 'route':
      return `route:${element.route.file}`;
    case 'method':
      return `method:${element.route.file}#${element.method}`;
  }
}

/** The extension's findings in a route file. */
function problemCount(file: string): number {
  return vscode.languages.getDiagnostics(vscode.Uri.file(file)).filter((d) => d.source === DIAGNOSTIC_SOURCE).length;
}

/**
 * Offers the route-handler snippets (`rhget`, `rhcrud`, …) as completions: in App Router
 * route files by default (`nextRouteKit.snippets.scope`), in the variant for the file's
 * language, bound to the route (its params, its URL). The snippet files are read on the
 * first completion, not at activation.
 */
import * as vscode from 'vscode';
import {
  bindSnippet,
  previewSnippet,
  SNIPPET_FILES,
  snippetVariant,
  type SnippetFile,
  type SnippetTarget,
  type SnippetVariant,
} from '../core/snippets';
import { readSettings } from './configuration';
import { ROUTE_LANGUAGES, type RouteDocuments } from './documents';

interface Offered {
  readonly body: string;
  readonly languageId: string;
}

export class RouteSnippets implements vscode.CompletionItemProvider, vscode.Disposable {
  private readonly files = new Map<SnippetVariant, Promise<SnippetFile>>();
  private readonly offered = new WeakMap<vscode.CompletionItem, Offered>();
  private readonly registration: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly documents: RouteDocuments,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.registration = vscode.languages.registerCompletionItemProvider(
      ROUTE_LANGUAGES.map((language) => ({ language })),
      this,
    );
  }

  async provideCompletionItems(document: vscode.TextDocument): Promise<vscode.CompletionItem[] | undefined> {
    const scope = readSettings(document.uri).snippets.scope;
    if (scope === 'off') return undefined;
    const route = this.documents.routeFile(document);
    const variant = snippetVariant(scope, document.languageId, route !== undefined);
    if (!variant) return undefined;
    const file = await this.load(variant);
    if (!file) return undefined;
    const target: SnippetTarget = route ? { params: route.params, route: route.route } : { params: [] };
    const items: vscode.CompletionItem[] = [];
    for (const [name, def] of Object.entries(file)) {
      const body = bindSnippet(def.body.join('\n'), target);
      if (body === undefined) continue; // e.g. a catch-all snippet in an `[id]` folder
      const item = new vscode.CompletionItem(
        { label: def.prefix, description: name },
        vscode.CompletionItemKind.Snippet,
      );
      item.insertText = new vscode.SnippetString(body);
      item.detail = def.description;
      item.filterText = def.prefix;
      item.sortText = def.prefix;
      this.offered.set(item, { body, languageId: document.languageId });
      items.push(item);
    }
    return items;
  }

  resolveCompletionItem(item: vscode.CompletionItem): vscode.CompletionItem {
    const offered = this.offered.get(item);
    if (offered && !item.documentation) {
      item.documentation = new vscode.MarkdownString().appendCodeblock(
        previewSnippet(offered.body),
        offered.languageId,
      );
    }
    return item;
  }

  private load(variant: SnippetVariant): Promise<SnippetFile | undefined> {
    let file = this.files.get(variant);
    if (!file) {
      const uri = vscode.Uri.joinPath(this.extensionUri, SNIPPET_FILES[variant]);
      file = Promise.resolve(vscode.workspace.fs.readFile(uri)).then(
        (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as SnippetFile,
      );
      this.files.set(variant, file);
    }
    return file.catch((e: Error) => {
      this.files.delete(variant);
      this.log.error(`Could not read the ${variant} snippets: ${e.message}`);
      return undefined;
    });
  }

  dispose(): void {
    this.registration.dispose();
  }
}

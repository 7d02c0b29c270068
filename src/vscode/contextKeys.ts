/** Keeps `nextRouteKit.isRouteFile` in step with the active editor (for menus and keybindings). */
import * as vscode from 'vscode';
import { CONTEXT_KEYS } from '../constants';
import { RouteDocuments } from './documents';

export function trackRouteFileContext(documents: RouteDocuments): vscode.Disposable {
  const update = (editor: vscode.TextEditor | undefined): void => {
    const isRoute =
      !!editor && RouteDocuments.mayBeRouteFile(editor.document) && !!documents.routeFile(editor.document);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.isRouteFile, isRoute);
  };
  update(vscode.window.activeTextEditor);
  return vscode.window.onDidChangeActiveTextEditor(update);
}

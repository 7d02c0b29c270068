/** Registers one handler per entry of the COMMANDS table; errors are shown, never swallowed. */
import * as vscode from 'vscode';
import { type CommandId } from '../constants';

export type CommandHandlers = { readonly [K in CommandId]: (...args: never[]) => unknown };

export function registerCommands(handlers: CommandHandlers, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return (Object.keys(handlers) as CommandId[]).map((id) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handlers[id](...(args as never[]));
      } catch (e) {
        const message = (e as Error).message ?? String(e);
        log.error(`${id} failed: ${(e as Error).stack ?? message}`);
        void vscode.window.showErrorMessage(`Next Route Kit: ${message}`, 'Show Output').then((choice) => {
          if (choice) log.show(true);
        });
        return undefined;
      }
    }),
  );
}

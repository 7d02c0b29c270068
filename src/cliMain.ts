/**
 * dist/cli-main.js: the CLI's commands and the lint worker, loaded by dist/cli.js (src/cli.ts)
 * with V8's code cache. Only what the command needs is evaluated (see COMMANDS in core/cli/main.ts).
 */
import { processIo } from './core/cli/io';
import { runCli } from './core/cli/main';

export async function main(argv: string[]): Promise<number> {
  return runCli(argv, processIo());
}

export function serveLintWorker(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- evaluated only in a worker thread
  (require('./core/cli/lintWorker') as typeof import('./core/cli/lintWorker')).serveLintWorker();
}

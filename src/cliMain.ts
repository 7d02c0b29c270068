/**
 * dist/cli-main.js: the CLI's commands and the lint worker, loaded by dist/cli.js (src/cli.ts)
 * with V8's code cache.
 */
import { processIo } from './core/cli/io';
import { runCli } from './core/cli/main';

export { isCommand } from './core/cli/main';

export { serveLintWorker } from './core/cli/lintWorker';

export async function main(argv: string[]): Promise<number> {
  return runCli(argv, processIo());
}

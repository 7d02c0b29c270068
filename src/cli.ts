/**
 * The `next-route-kit` executable (dist/cli.js). A small loader: it runs dist/cli-main.js (the
 * commands and the bundled TypeScript compiler) through V8's code cache, and starts the lint
 * worker when it is the entry of a `lint --concurrency` worker thread.
 */
import * as path from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { requireWithCodeCache } from './core/cli/codeCache';
import { processIo } from './core/cli/io';
import { lintJobOf } from './core/cli/lintJob';
import { isCommand, runCli } from './core/cli/main';

type CliMain = typeof import('./cliMain');

const worker = !isMainThread && lintJobOf(workerData) !== undefined;
const command = worker ? 'lint' : (process.argv[2] ?? '');

if (worker || isCommand(command)) runBundle();
// --help, --version, an unknown command: answered here, without loading the bundle.
else void runCli(process.argv.slice(2), processIo()).then((code) => (process.exitCode = code));

function runBundle(): void {
  const bundle = requireWithCodeCache(path.join(__dirname, 'cli-main.js'), { variant: command });
  const cli = bundle.exports as CliMain;
  if (worker) return cli.serveLintWorker();
  void cli.main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    bundle.save(); // one cache per command: each compiles other functions
  });
}

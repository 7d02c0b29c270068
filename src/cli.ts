import { processIo } from './core/cli/io';
import { runCli } from './core/cli/main';

void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});

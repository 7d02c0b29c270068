/** `next-route-kit <command>`: the CLI built from the same core as the extension. */
import { EXIT, UsageError, type CliIo } from './io';
import { lintCommand } from './lintCommand';
import { openapiCommand } from './openapiCommand';
import { requestCommand } from './requestCommand';
import { routesCommand } from './routesCommand';
import { signInCommand } from './signInCommand';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  lint: { run: lintCommand, summary: 'lint route handlers (stylish, json or sarif output)' },
  openapi: { run: openapiCommand, summary: 'write an OpenAPI 3.1 document of the route handlers (--check for CI)' },
  request: { run: requestCommand, summary: 'build (and --send) the request a handler expects' },
  routes: { run: routesCommand, summary: 'list route handlers: URL, methods, params' },
  'sign-in': { run: signInCommand, summary: "sign in with the app's Auth.js credentials provider into a cookie file" },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'Usage: next-route-kit <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `next-route-kit <command> --help` for its options.',
  ].join('\n');
}

/** Runs the CLI and returns its exit code; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    io.out(usage() + '\n');
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '-v' || name === '--version') {
    io.out(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`next-route-kit: unknown command \`${name}\`.\n\n${usage()}\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`next-route-kit ${name}: ${(e as Error).message}\nRun \`next-route-kit ${name} --help\` for usage.\n`);
      return EXIT.usage;
    }
    io.err(
      `next-route-kit ${name}: internal error: ${(e as Error).message}\nPlease report it with the command you ran.\n`,
    );
    return EXIT.usage;
  }
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

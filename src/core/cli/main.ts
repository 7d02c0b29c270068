/** `next-route-kit <command>`: the CLI built from the same core as the extension. */
import { EXIT, UsageError, type CliIo } from './io';

type Command = (args: string[], io: CliIo) => Promise<number>;

/*
 * Each command's module is required when that command runs, not before: `--version` loads no
 * parser, `routes` loads no rules and `lint` no HTTP client. In dist/cli-main.js esbuild keeps
 * every module behind a lazy initializer, so an unused command's code is never evaluated.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading is the point (see above) */
const COMMANDS: Record<string, { load: () => Command; summary: string }> = {
  lint: {
    load: () => (require('./lintCommand') as typeof import('./lintCommand')).lintCommand,
    summary: 'lint route handlers (stylish, json or sarif output)',
  },
  openapi: {
    load: () => (require('./openapiCommand') as typeof import('./openapiCommand')).openapiCommand,
    summary: 'write an OpenAPI 3.1 document of the route handlers (--check for CI)',
  },
  request: {
    load: () => (require('./requestCommand') as typeof import('./requestCommand')).requestCommand,
    summary: 'build (and --send) the request a handler expects',
  },
  routes: {
    load: () => (require('./routesCommand') as typeof import('./routesCommand')).routesCommand,
    summary: 'list route handlers: URL, methods, params',
  },
  'sign-in': {
    load: () => (require('./signInCommand') as typeof import('./signInCommand')).signInCommand,
    summary: "sign in with the app's Auth.js credentials provider into a cookie file",
  },
};
/* eslint-enable @typescript-eslint/no-require-imports */

export function isCommand(name: string): boolean {
  return Object.hasOwn(COMMANDS, name);
}

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
    return await command.load()(rest, io);
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

/** What a CLI command may touch, passed in so tests can run commands in-process. */
export interface CliIo {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal (colours and tables) or a pipe. */
  readonly isTty: boolean;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Bad usage or input the user must fix: printed as one line, exit code 2, no stack trace. */
export class UsageError extends Error {}

/**
 * A reader that went away (`next-route-kit routes | head`) ends the run quietly: an EPIPE on
 * stdout or stderr exits with the code so far instead of a stack trace.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

export function processIo(): CliIo {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  return {
    cwd: process.cwd(),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTty: !!process.stdout.isTTY,
  };
}

/** Left-aligned columns for terminal tables. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

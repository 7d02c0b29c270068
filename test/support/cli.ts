/** Runs the CLI in-process with captured output. */
import { runCli } from '../../src/core/cli/main';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(args: string[], cwd = process.cwd()): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, isTty: false, out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

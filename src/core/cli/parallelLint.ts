/**
 * `lint --concurrency`: linting many route files on worker threads. The main thread lints too
 * and hands out small batches to whichever thread is free; results are put back in the
 * input order, so the output and the exit code are the same as a serial run's.
 *
 * A worker costs its start-up (loading the TypeScript compiler again, about 0.2–0.3 s CPU
 * with the code cache), so `auto` uses threads only from PARALLEL_MIN_FILES files on, where
 * `npm run bench` measured them to pay off (see README, Performance).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { lintRouteFile } from '../lint/files';
import type { ProjectIndex, RouteFile } from '../nextjs/project';
import type { Finding } from '../types';
import type { LintJob, WorkerResults } from './lintJob';

export type Concurrency = 'auto' | 'off' | number;

/** From this many files on, `auto` lints on several threads (an estimate; `npm run bench -- --only=cli`). */
export const PARALLEL_MIN_FILES = 400;
/**
 * `auto` needs this many cores: on 2 cores one worker's start-up (the compiler loaded again) costs
 * more than it saves — 580 files took 2.42 s on 2 threads against 1.74 s on one (`npm run bench`).
 */
export const PARALLEL_MIN_CORES = 4;
/** Files per message to a worker: small enough to balance, large enough to keep messages rare. */
const BATCH = 16;

export function parseConcurrency(value: string): Concurrency | undefined {
  if (value === 'auto' || value === 'off') return value;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** How many threads (the main thread included) lint `files` files. */
export function threadCount(concurrency: Concurrency, files: number, cores = os.availableParallelism()): number {
  if (concurrency === 'off') return 1;
  if (concurrency === 'auto')
    return files >= PARALLEL_MIN_FILES && cores >= PARALLEL_MIN_CORES ? Math.min(cores, 8) : 1;
  return Math.max(1, Math.min(concurrency, Math.ceil(files / BATCH)));
}

declare const __CLI_WORKER_FILE__: string | undefined;

/** The worker's entry: dist/cli.js in the bundle; the TypeScript source (through tsx) in tests. */
function workerSpec(): { file: string; execArgv: string[] } {
  if (typeof __CLI_WORKER_FILE__ === 'string') return { file: path.join(__dirname, __CLI_WORKER_FILE__), execArgv: [] };
  return { file: path.join(__dirname, 'lintWorker.ts'), execArgv: ['--require', 'tsx/cjs'] };
}

/**
 * Lints route files on `threads` threads; returns each file's findings in the input order.
 * A worker that fails leaves its batch, and every batch after it, to the main thread.
 */
export async function lintInParallel(
  files: readonly RouteFile[],
  index: ProjectIndex,
  job: LintJob,
  threads: number,
): Promise<(readonly Finding[])[]> {
  const out: (readonly Finding[])[] = new Array(files.length);
  const batches: number[][] = [];
  for (let i = 0; i < files.length; i += BATCH)
    batches.push(Array.from({ length: Math.min(BATCH, files.length - i) }, (_, k) => i + k));
  const lintHere = (batch: readonly number[]): void => {
    for (const i of batch) out[i] = lintRouteFile(files[i]!, index, job.severities).findings;
  };
  const workers = startWorkers(threads - 1, job, files, batches, out, lintHere);
  // The main thread takes batches too, yielding between them so worker messages are handled.
  for (let batch = batches.shift(); batch; batch = batches.shift()) {
    lintHere(batch);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  return out;
}

function startWorkers(
  count: number,
  job: LintJob,
  files: readonly RouteFile[],
  batches: number[][],
  out: (readonly Finding[])[],
  lintHere: (batch: readonly number[]) => void,
): Promise<void>[] {
  const spec = workerSpec();
  return Array.from({ length: count }, () => {
    const worker = new Worker(spec.file, { workerData: { nextRouteKitLint: job }, execArgv: spec.execArgv });
    let current: number[] | undefined;
    const next = (): void => {
      current = batches.shift();
      if (current) worker.postMessage({ files: current.map((i) => ({ index: i, file: files[i]!.file })) });
      else void worker.terminate();
    };
    return new Promise<void>((resolve) => {
      worker.on('message', (msg: WorkerResults | 'ready') => {
        if (msg !== 'ready') for (const r of msg.results) out[r.index] = r.findings;
        next();
      });
      worker.on('error', () => {
        // The main thread finishes what this worker had; the remaining batches stay queued.
        if (current) lintHere(current);
        current = undefined;
      });
      worker.on('exit', () => {
        if (current) lintHere(current);
        resolve();
      });
    });
  });
}

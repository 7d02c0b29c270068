/** The worker side of `lint --concurrency`: lints the batches of files the main thread sends. */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { lintRouteFile } from '../lint/files';
import { ProjectIndex } from '../nextjs/project';
import type { Finding } from '../types';
import { lintJobOf, plainFinding, type WorkerBatch, type WorkerResults } from './lintJob';

export function serveLintWorker(): void {
  const job = lintJobOf(workerData);
  const port = parentPort;
  if (!job || !port) throw new Error('serveLintWorker runs only in a lint worker thread');
  const index = new ProjectIndex();
  port.on('message', (batch: WorkerBatch) => {
    const results = batch.files.map(({ index: i, file }) => {
      const info = index.routeFile(file);
      const findings: readonly Finding[] = info ? lintRouteFile(info, index, job.severities).findings : [];
      return { index: i, findings: findings.map(plainFinding) };
    });
    port.postMessage({ results } satisfies WorkerResults);
  });
  port.postMessage('ready');
}

// Started directly (from the TypeScript sources, in tests); the bundle starts it from dist/cli.js.
if (!isMainThread && require.main === module && lintJobOf(workerData)) serveLintWorker();

/**
 * Starts a real `next dev` (the `next` package from npm) on a fixture app, on a free
 * loopback port, and stops it — with its whole process group — when asked or when the
 * test process exits. Readiness is an event (the "Ready" line), not a sleep.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURE_APP = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
/** The next-auth v5 app: credentials provider, proxy.ts on /api/admin/*, a custom /api/login. */
export const AUTH_APP = path.join(REPO_ROOT, 'test', 'fixtures', 'auth-app');

export interface DevServer {
  /** Origin, e.g. `http://127.0.0.1:41234` (basePath not included). */
  readonly origin: string;
  readonly port: number;
  readonly pid: number;
  /** Everything the server printed so far. */
  logs(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const live = new Set<ChildProcess>();
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}
process.on('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

export async function startNextDev(
  appDir = FIXTURE_APP,
  opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<DevServer> {
  const port = await freePort();
  const nextBin = require.resolve('next/dist/bin/next', { paths: [appDir] });
  const child = spawn(process.execPath, [nextBin, 'dev', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: appDir,
    detached: true, // own process group, so stop() also ends next-server and its workers
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...opts.env },
  });
  live.add(child);
  let output = '';
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopped ??= doStop());
  const doStop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) {
      live.delete(child);
      return;
    }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    killGroup(child, 'SIGKILL'); // workers that outlived the parent
    live.delete(child);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`next dev did not become ready within ${opts.timeoutMs ?? 120000} ms:\n${output}`)),
        opts.timeoutMs ?? 120000,
      );
      const onData = (chunk: Buffer): void => {
        output += chunk.toString('utf8');
        if (/Ready in/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`next dev exited with ${code} before it was ready:\n${output}`));
      });
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return { origin: `http://127.0.0.1:${port}`, port, pid: child.pid!, logs: () => output, stop };
}

/**
 * Copies a fixture app into `.cache/apps/<name>-<n>` inside the repo (git-ignored), so the
 * repo's node_modules/next resolves from it and parallel dev servers never share a `.next`.
 */
export function makeTempApp(name: string, files: Record<string, string>, template = FIXTURE_APP): string {
  const dir = fs.mkdtempSync(path.join(ensureDir(path.join(REPO_ROOT, '.cache', 'apps')), `${name}-`));
  for (const file of ['package.json', 'next.config.mjs', 'tsconfig.json']) {
    fs.copyFileSync(path.join(template, file), path.join(dir, file));
  }
  for (const [rel, content] of Object.entries(files)) {
    const target = path.join(dir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return dir;
}

function ensureDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Proof that a scenario left no process behind. Every process the harness starts (next dev,
 * code-server and its extension host, Chromium and its helpers) inherits the environment of
 * the test process, so a marker variable set before the launch finds all of them in /proc —
 * including orphans that were re-parented and so are no longer our descendants.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';

const MARKER = 'NEXT_ROUTE_KIT_E2E_RUN';

export interface ProcessInfo {
  readonly pid: number;
  readonly command: string;
}

export interface ProcessMark {
  /**
   * Processes alive that were started after markProcesses(), or share a process group with one
   * seen by an earlier call (call it once while everything runs). Zombies are left out.
   */
  alive(): ProcessInfo[];
  /** Waits (polling, up to `timeoutMs`) until none is alive; resolves with those still alive then. */
  settle(timeoutMs?: number): Promise<ProcessInfo[]>;
}

/** Tags every process started from now on; call before launching anything. */
export function markProcesses(): ProcessMark {
  const value = randomUUID();
  process.env[MARKER] = value;
  const needle = Buffer.from(`${MARKER}=${value}\0`);
  // Chromium starts its zygote (and so every renderer) with a clean environment, but in its own
  // process group: members of a group that held a marked process are ours too.
  const groups = new Set<number>();
  const self = fs.readFileSync('/proc/self/stat', 'utf8');
  const ownGroup = Number(self.slice(self.lastIndexOf(')') + 2).split(' ')[2]);
  const alive = (): ProcessInfo[] => {
    const all: { pid: number; group: number; marked: boolean }[] = [];
    for (const entry of fs.readdirSync('/proc')) {
      const pid = Number(entry);
      if (!Number.isInteger(pid) || pid === process.pid) continue;
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (state === 'Z') continue; // a zombie holds nothing; its parent (or init) reaps it
        all.push({ pid, group: Number(group), marked: fs.readFileSync(`/proc/${pid}/environ`).includes(needle) });
      } catch {
        /* exited meanwhile, or not ours to read */
      }
    }
    for (const p of all) if (p.marked && p.group !== ownGroup) groups.add(p.group);
    const found: ProcessInfo[] = [];
    for (const p of all) {
      if (!p.marked && !groups.has(p.group)) continue;
      try {
        found.push({
          pid: p.pid,
          command: fs.readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').split('\0').join(' ').trim().slice(0, 200),
        });
      } catch {
        /* exited meanwhile */
      }
    }
    return found;
  };
  return {
    alive,
    async settle(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let left = alive();
      while (left.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        left = alive();
      }
      return left;
    },
  };
}

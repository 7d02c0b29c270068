/** Recent requests per route and method (workspace state), for Resend. Secrets stay placeholders. */
import * as vscode from 'vscode';
import type { RequestSpec } from '../../core/request/model';

export interface HistoryEntry {
  readonly spec: RequestSpec;
  readonly at: number;
  readonly status?: number;
  readonly key: string;
}

const KEY = 'nextRouteKit.history';

export class RequestHistory implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after a request was recorded (the Routes view shows each route's last status). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly size: () => number,
  ) {}

  all(): HistoryEntry[] {
    return (this.state.get<HistoryEntry[]>(KEY) ?? []).sort((a, b) => b.at - a.at);
  }

  async add(key: string, spec: RequestSpec, status?: number): Promise<void> {
    const limit = this.size();
    if (limit <= 0) return;
    const entries = this.all();
    const same = entries.filter((e) => e.key === key);
    const kept = [{ key, spec, at: Date.now(), ...(status !== undefined ? { status } : {}) }, ...same].slice(0, limit);
    await this.state.update(KEY, [...kept, ...entries.filter((e) => e.key !== key)].slice(0, 500));
    this.changed.fire();
  }

  /** The status of the latest request per history key (`<route> <METHOD>`). */
  lastStatuses(): Map<string, number> {
    const out = new Map<string, number>();
    for (const e of this.all()) if (e.status !== undefined && !out.has(e.key)) out.set(e.key, e.status);
    return out;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

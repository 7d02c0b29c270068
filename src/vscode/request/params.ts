/** Path params per route, asked for once and remembered per workspace ("Edit Path Parameters" changes them). */
import * as vscode from 'vscode';
import type { RouteParam } from '../../core/nextjs/routePath';
import type { RequestLabel } from '../../core/request/run';

const PARAMS_KEY = 'nextRouteKit.params';

type Remembered = Record<string, Record<string, string>>;

function promptFor(param: RouteParam): string {
  if (param.kind === 'single') return `Value for [${param.name}]`;
  if (param.kind === 'catchAll') return `Segments for [...${param.name}] (one or more, separated by /)`;
  return `Segments for [[...${param.name}]] (may be empty)`;
}

export class RememberedParams {
  constructor(private readonly state: vscode.Memento) {}

  private all(): Remembered {
    return this.state.get<Remembered>(PARAMS_KEY) ?? {};
  }

  known(route: string): Readonly<Record<string, string>> {
    return this.all()[route] ?? {};
  }

  /** Asks for each missing param in turn (undefined when one prompt is cancelled), then remembers them all. */
  async ask(
    missing: readonly RouteParam[],
    request: RequestLabel,
    known: Readonly<Record<string, string>>,
  ): Promise<Record<string, string> | undefined> {
    const values: Record<string, string> = { ...known };
    for (const p of missing) {
      const value = await vscode.window.showInputBox({
        title: `${request.method} ${request.route}`,
        prompt: promptFor(p),
        value: values[p.name] ?? '',
        ignoreFocusOut: true,
        validateInput: (v) =>
          p.kind !== 'optionalCatchAll' && v.trim() === '' ? `[${p.name}] needs a value` : undefined,
      });
      if (value === undefined) return undefined;
      values[p.name] = value.trim();
    }
    await this.state.update(PARAMS_KEY, { ...this.all(), [request.route]: values });
    return values;
  }

  /** "Edit Path Parameters": forget a route's values, or change one. */
  async edit(): Promise<void> {
    const all = this.all();
    const routes = Object.keys(all);
    if (!routes.length) {
      void vscode.window.showInformationMessage(
        'No path parameters remembered yet: they are asked for the first time you send to a dynamic route.',
      );
      return;
    }
    const picked = await vscode.window.showQuickPick(
      routes.map((r) => ({
        label: r,
        description: Object.entries(all[r]!)
          .map(([k, v]) => `${k}=${v}`)
          .join(' '),
      })),
      { title: 'Edit remembered path parameters' },
    );
    if (picked) await this.editRoute(picked.label, all);
  }

  private async editRoute(route: string, all: Remembered): Promise<void> {
    const choice = await vscode.window.showQuickPick(
      ['Forget them', ...Object.keys(all[route]!).map((k) => `Change ${k}`)],
      { title: route },
    );
    if (!choice) return;
    if (choice === 'Forget them') {
      const { [route]: _removed, ...rest } = all;
      await this.state.update(PARAMS_KEY, rest);
      return;
    }
    const name = choice.slice('Change '.length);
    const value = await vscode.window.showInputBox({ title: `${route}: [${name}]`, value: all[route]![name] ?? '' });
    if (value !== undefined) await this.state.update(PARAMS_KEY, { ...all, [route]: { ...all[route], [name]: value } });
  }
}

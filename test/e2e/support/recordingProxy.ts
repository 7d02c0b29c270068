/**
 * A loopback HTTP proxy in front of `next dev` that records every cookie value crossing it, in
 * Set-Cookie answers and Cookie requests: the values the editor's jar holds, which a scenario
 * then looks for where they must not be (logs, settings, exports). The requests pass through
 * unchanged (Host included, so the app sees the proxy's origin as its own).
 */
import * as http from 'node:http';
import { Cookie } from 'tough-cookie';
import { startServer, type TestServer } from '../../support/loopback';

export interface RecordingProxy {
  readonly origin: string;
  /** Every request that passed, with the status it got. */
  readonly exchanges: ReadonlyArray<{ method: string; path: string; cookie: string | undefined; status: number }>;
  /** Every cookie the app set, in order, from the Set-Cookie headers of its answers (Auth.js renews its session on use). */
  readonly setCookies: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  close(): Promise<void>;
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const exchanges: Array<RecordingProxy['exchanges'][number]> = [];
  const setCookies: Array<{ name: string; value: string }> = [];
  const server: TestServer = await startServer((req, res) => {
    const upstream = http.request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers, agent: false },
      (up) => {
        const header = up.headers['set-cookie'] ?? [];
        for (const line of header) {
          const cookie = Cookie.parse(line);
          if (cookie) setCookies.push({ name: cookie.key, value: cookie.value });
        }
        exchanges.push({
          method: req.method ?? '',
          path: req.url ?? '',
          cookie: req.headers.cookie,
          status: up.statusCode!,
        });
        res.writeHead(up.statusCode!, up.statusMessage, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', (e) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`recording proxy: ${e.message}`);
    });
    req.pipe(upstream);
  });
  return { origin: server.origin, exchanges, setCookies, close: () => server.close() };
}

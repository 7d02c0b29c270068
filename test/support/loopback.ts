/** Real loopback HTTP servers for fault tests, tracking every socket so tests can prove none leak. */
import * as http from 'node:http';
import * as net from 'node:net';

export interface TestServer {
  readonly url: string;
  readonly origin: string;
  /** Requests received, with their headers. */
  readonly requests: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders }>;
  /** Resolves when every socket the server has seen is closed. */
  allSocketsClosed(): Promise<void>;
  openSockets(): number;
  close(): Promise<void>;
}

export async function startServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse, socket: net.Socket) => void,
): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  const closed: Array<Promise<void>> = [];
  const requests: TestServer['requests'] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    handler(req, res, req.socket);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    closed.push(new Promise((resolve) => socket.once('close', () => (sockets.delete(socket), resolve()))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    requests,
    allSocketsClosed: async () => {
      await Promise.all(closed);
    },
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port with nothing listening (bound, then released). */
export async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Writes `size` bytes of `chunk` copies with backpressure, then ends the response. */
export function writeBytes(res: http.ServerResponse, size: number, chunk: Buffer): void {
  let sent = 0;
  const write = (): void => {
    while (sent < size) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', write);
    }
    res.end();
  };
  write();
}

/**
 * A suite's loopback servers: call inside `describe`; the returned function starts one, and every
 * server started is closed after each test.
 */
export function useLoopbackServers(): (handler: Parameters<typeof startServer>[0]) => Promise<TestServer> {
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return async (handler) => {
    const server = await startServer(handler);
    servers.push(server);
    return server;
  };
}

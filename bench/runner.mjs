// Runner overhead: our send path (sendRequest: timeout signal, header handling, body reading
// with the display cap and UTF-8 decoding) vs a bare undici.request to the same
// loopback server, side by side. Used by bench/run.mjs.
import * as http from 'node:http';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);

export async function benchRunner({ engine, quick, median, round }) {
  const undici = require('undici');
  const body = JSON.stringify({
    items: Array.from({ length: 50 }, (_, i) => ({ id: i, title: `Item ${i}`, tags: ['a', 'b'] })),
  });
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/api/items`;
  // One keep-alive agent for both, so neither pays for connections the other reuses.
  const agent = new undici.Agent({ keepAliveTimeout: 60_000 });
  const bare = async () => {
    const res = await undici.request(url, { dispatcher: agent });
    await res.body.text();
  };
  // The send path: what happens between "Send" and a complete response (formatting for the
  // view is display work and is not counted).
  const ours = async () => {
    await engine.sendRequest({ method: 'GET', url, headers: [['Accept', 'application/json']] }, { dispatcher: agent });
  };
  const time = async (fn, n) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await fn();
    return (performance.now() - t0) / n;
  };
  const n = quick ? 100 : 300;
  await time(bare, 50);
  await time(ours, 50);
  const bareTimes = [];
  const ourTimes = [];
  const ratios = [];
  // At least 9 interleaved rounds; each round alternates which of the two goes first.
  for (let round_ = 0; round_ < (quick ? 9 : 15); round_++) {
    let a, b;
    if (round_ % 2) {
      b = await time(ours, n);
      a = await time(bare, n);
    } else {
      a = await time(bare, n);
      b = await time(ours, n);
    }
    bareTimes.push(a);
    ourTimes.push(b);
    ratios.push(b / a);
  }
  await agent.close();
  await new Promise((resolve) => server.close(resolve));
  return {
    runner_request_ms: round(median(ourTimes), 3),
    bare_undici_request_ms: round(median(bareTimes), 3),
    runner_overhead_ms: round(median(ourTimes) - median(bareTimes), 3),
    runner_overhead_ratio: round(median(ratios), 3),
    runner_rounds: ratios.length,
  };
}

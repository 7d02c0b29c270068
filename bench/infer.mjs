// Request inference on the corpus: the cost of one lens (all of a route file's requests),
// following the app's own imports (`@/lib/...`), cold (nothing cached) and warm (modules
// cached, the route file re-parsed as after an edit), against inference without following.
// Used by bench/run.mjs.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';

export function benchInference({ engine, files, median, round }) {
  const texts = files.map((file) => [file, fs.readFileSync(file, 'utf8')]);
  const index = new engine.ProjectIndex();
  const routes = texts.map(([file, text]) => ({ file, text, info: index.routeFile(file), graph: index.modules(file) }));
  const once = (follow) =>
    routes.map(({ file, text, info, graph }) => {
      const t0 = performance.now();
      const doc = engine.parseDocument(file, text);
      const requests = engine.inferRequests(doc, info.route, info.params, follow ? graph : undefined);
      const ms = performance.now() - t0;
      return { ms, followed: requests.some((r) => r.headers.length > 0 && /x-tenant/.test(r.headers.join())) };
    });
  const t0 = performance.now();
  const cold = once(true);
  const coldTotal = performance.now() - t0;
  const warmRuns = [once(true), once(true), once(true)];
  const plainRuns = [once(false), once(false), once(false)];
  const perFile = (runs) => routes.map((_, i) => median(runs.map((r) => r[i].ms)));
  const warm = perFile(warmRuns).sort((a, b) => a - b);
  const plain = perFile(plainRuns).sort((a, b) => a - b);
  const p = (xs, q) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];
  return {
    infer_files: routes.length,
    infer_files_following_imports: cold.filter((r) => r.followed).length,
    infer_cold_all_files_ms: round(coldTotal),
    infer_lens_warm_median_ms: round(median(warm), 3),
    infer_lens_warm_p95_ms: round(p(warm, 0.95), 3),
    infer_lens_warm_max_ms: round(warm[warm.length - 1], 3),
    infer_lens_no_follow_median_ms: round(median(plain), 3),
    infer_modules_cached: new Set(routes.map((r) => r.graph)).size === 1 ? routes[0].graph.size : undefined,
  };
}

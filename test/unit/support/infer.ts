/** Request inference on a route file's text, with the route and params its path gives. */
import { parseDocument } from '../../../src/core/ast/parse';
import { inferRequests, type InferredRequest } from '../../../src/core/request/infer';
import { routeInfoFor } from './ruleTester';

export function infer(code: string, file = 'app/api/items/route.ts'): InferredRequest[] {
  const info = routeInfoFor(file);
  return inferRequests(parseDocument(file, code), info.route, info.params);
}

/**
 * The heavy half of the core — everything that needs the TypeScript parser or undici —
 * bundled on its own as dist/engine.js. The extension requires it on first need, so
 * activation loads no parser (see src/vscode/engine.ts).
 */
export { AstCache, type DocumentSnapshot } from './ast/cache';
export { ParsedDocument, parseDocument } from './ast/parse';
export { findHandlers, findRouteExports, type HandlerExport, type RouteExport } from './nextjs/exports';
export {
  ProjectIndex,
  loadProjectLayout,
  majorOf,
  routeFileInfo,
  type ProjectLayout,
  type RouteFile,
} from './nextjs/project';
export {
  listRoutes,
  routeEntry,
  exportedMethods,
  resolveHandlers,
  implicitMethods,
  allowHeader,
  type ResolvedHandler,
  type RouteEntry,
} from './routes';
export { lintDocument, fixAllEdits, applyEdits, INTERNAL_ERROR_ID, PARSE_ERROR_ID } from './lint/lint';
export { lintRouteFile, lintRouteInfo, lintProjectInfo } from './lint/files';
export { RULES, ruleById } from './rules';
export { bareParse, parseSource } from './ast/parse';
export { checkProjectStructure, PROJECT_CHECKS } from './lint/project';
export { inferRequests, type InferredRequest } from './request/infer';
export { buildRequest, resolveSpec, resolveVariables, type RequestSpec } from './request/model';
export {
  environmentFile,
  exportSpecs,
  mergeEnvironmentFile,
  parseHttpFile,
  toHttpFile,
  toHttpText,
} from './request/httpFile';
export { EnvironmentSessions } from './request/environmentSessions';
export { buildOpenApi, type OpenApiDocument } from './openapi/document';
export { formatForFile, serializeDocument } from './openapi/format';
export { toCurl } from './request/curl';
export { baseUrlCandidates, isLoopbackUrl, parseDevScript, type BaseUrlCandidate } from './request/baseUrl';
export { firstAnswering } from './request/probe';
// sendRequest is exported for bench/runner.mjs (the runner's own cost over bare undici); editor and CLI send through run.ts.
export { formatBytes, sendRequest, type ResponseHead, type ResponseResult } from './request/send';
export { formatBody } from './request/format';
export { buildTarget, runTarget, sendSpec } from './request/run';
export { CookieJars, describeJar } from './request/cookieJar';
export { appEnvSource, loadAppEnv } from './request/appEnv';
export { findAuthSetup, signInWithCredentials, type AuthSetup } from './request/authjs';
export { signInHint } from './request/signInHint';

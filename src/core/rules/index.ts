/**
 * The rule registry: an explicit list, one import per rule module (src/core/rules/<id>.ts).
 * A conventions test checks that every file here is listed, that ids equal file names, and
 * that every rule has a test table and a README section.
 */
import type { AnyRule } from '../lint/rule';
import awaitParams from './await-params';
import cookieValue from './cookie-value';
import cookiesOnPlainResponse from './cookies-on-plain-response';
import corsMissingOptions from './cors-missing-options';
import corsVaryOrigin from './cors-vary-origin';
import createStatus from './create-status';
import errorStatusMismatch from './error-status-mismatch';
import headersBracketAssignment from './headers-bracket-assignment';
import insecureCookie from './insecure-cookie';
import invalidRouteExport from './invalid-route-export';
import invalidSegmentConfig from './invalid-segment-config';
import invalidStatus from './invalid-status';
import missingAwait from './missing-await';
import nextRequestOnlyApi from './next-request-only-api';
import noBodyWithNullStatus from './no-body-with-null-status';
import noErrorDetailsInResponse from './no-error-details-in-response';
import noSensitiveResponse from './no-sensitive-response';
import noSwallowedNavigation from './no-swallowed-navigation';
import noWildcardCors from './no-wildcard-cors';
import removedRequestApi from './removed-request-api';
import requireTryCatch from './require-try-catch';
import unboundedPagination from './unbounded-pagination';
import uncheckedFetchResponse from './unchecked-fetch-response';
import unguardedJsonParse from './unguarded-json-parse';
import unguardedWebhookVerification from './unguarded-webhook-verification';
import unsupportedMethodStatus from './unsupported-method-status';
import userControlledSort from './user-controlled-sort';
import noMassAssignment from './no-mass-assignment';
import noMissingResponse from './no-missing-response';
import validateInput from './validate-input';

export const RULES = [
  invalidRouteExport,
  noBodyWithNullStatus,
  invalidStatus,
  errorStatusMismatch,
  createStatus,
  noSensitiveResponse,
  noErrorDetailsInResponse,
  noWildcardCors,
  corsVaryOrigin,
  corsMissingOptions,
  headersBracketAssignment,
  requireTryCatch,
  unguardedJsonParse,
  uncheckedFetchResponse,
  unguardedWebhookVerification,
  validateInput,
  noMassAssignment,
  awaitParams,
  nextRequestOnlyApi,
  cookieValue,
  cookiesOnPlainResponse,
  removedRequestApi,
  missingAwait,
  invalidSegmentConfig,
  noSwallowedNavigation,
  noMissingResponse,
  insecureCookie,
  unsupportedMethodStatus,
  unboundedPagination,
  userControlledSort,
] as const satisfies readonly AnyRule[];

export type RuleId = (typeof RULES)[number]['id'];

export function ruleById(id: string): AnyRule | undefined {
  return (RULES as readonly AnyRule[]).find((r) => r.id === id);
}

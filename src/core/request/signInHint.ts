/**
 * Recognises a response that means "sign in first": a redirect to a sign-in page (a proxy.ts
 * / middleware.ts matcher, `redirect('/login')`, Auth.js's `pages.signIn`), or a 401, and
 * says so in one sentence instead of a bare 307.
 * https://nextjs.org/docs/app/api-reference/file-conventions/proxy
 */
import type { ResponseResult } from './send';

const SIGN_IN_PATH = /\/(log-?in|sign-?in|auth\/(log-?in|sign-?in)|api\/auth\/signin)(\/|$|\?)/i;

export interface SignInHint {
  readonly kind: 'redirect' | 'unauthorized';
  /** The sign-in page's path, for a redirect. */
  readonly page?: string;
  readonly message: string;
}

function pathOf(location: string, base: string): string | undefined {
  try {
    const u = new URL(location, base);
    return u.pathname + u.search;
  } catch {
    return undefined;
  }
}

function isSignInPage(pathAndQuery: string, signInPage?: string): boolean {
  const pathname = pathAndQuery.split('?')[0]!;
  if (signInPage && (pathname === signInPage || pathname.endsWith(signInPage))) return true;
  return SIGN_IN_PATH.test(pathAndQuery);
}

/** What to tell the user when `result` asks for a sign-in; undefined otherwise. */
export function signInHint(
  result: Pick<ResponseResult, 'status' | 'headers' | 'url' | 'redirects'>,
  signInPage?: string,
): SignInHint | undefined {
  const location = result.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
  const redirected =
    result.status >= 300 && result.status < 400 && location
      ? pathOf(location, result.url)
      : result.redirects.length
        ? pathOf(result.url, result.url)
        : undefined;
  if (redirected && isSignInPage(redirected, signInPage)) {
    const page = redirected.split('?')[0]!;
    return {
      kind: 'redirect',
      page,
      message: `Redirected to the sign-in page ${page}: the app (a proxy.ts or middleware.ts matcher, or a redirect in the code) wants a signed-in user. Sign in once, then send again: the session cookie is kept and resent.`,
    };
  }
  if (result.status === 401)
    return {
      kind: 'unauthorized',
      message:
        '401 Unauthorized: the route wants a signed-in user or a token. Sign in once (a login route or Auth.js), or set a token, then send again.',
    };
  return undefined;
}

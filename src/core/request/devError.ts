/**
 * What went wrong when `next dev` answered a 5xx with its HTML error page instead of the
 * handler's answer: the page carries the thrown error for the dev overlay, so the user gets
 * the message (and where it was thrown) without reading a page of markup.
 *
 * Next.js 15 writes it in one of two places (Next.js 16 answers an empty 500 instead):
 * - App Router's error shell: `<template data-next-error-message="…" data-next-error-stack="…">`
 *   (https://github.com/vercel/next.js/blob/canary/packages/next/src/server/app-render/app-render.tsx);
 * - the Pages `_error` page, which also answers a route handler whose module threw while
 *   loading: `<script id="__NEXT_DATA__">` with `err: { name, message, stack }`
 *   (https://github.com/vercel/next.js/blob/canary/packages/next/src/server/render.tsx).
 */
import type { ResponseResult } from './send';

interface ThrownError {
  readonly name?: string;
  readonly message: string;
  readonly stack?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

function decodeAttribute(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_m, e: string) => ENTITIES[e] ?? _m);
}

function fromTemplate(html: string): ThrownError | undefined {
  const tag = /<template\b[^>]*\bdata-next-error-message="([^"]*)"[^>]*>/.exec(html);
  if (!tag) return undefined;
  const stack = /\bdata-next-error-stack="([^"]*)"/.exec(tag[0])?.[1];
  return { message: decodeAttribute(tag[1]!), ...(stack ? { stack: decodeAttribute(stack) } : {}) };
}

function fromNextData(html: string): ThrownError | undefined {
  const json = /<script id="__NEXT_DATA__" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!json) return undefined;
  try {
    const err = (JSON.parse(json) as { err?: Partial<ThrownError> }).err;
    return typeof err?.message === 'string' ? (err as ThrownError) : undefined;
  } catch {
    return undefined;
  }
}

/** The first frame of the stack in the app's own code: `lib/db.ts` (Turbopack) or `app/api/x/route.ts:5:11` (webpack). */
function appFrame(stack: string | undefined): string | undefined {
  for (const line of stack?.split('\n') ?? []) {
    if (line.includes('node_modules')) continue;
    const file =
      /\[project\]\/([^\s\]]+\.[cm]?[jt]sx?)\b/.exec(line)?.[1] ??
      /webpack-internal:\/\/\/(?:\([^)]*\)\/)?\.\/([^\s)]+?:\d+:\d+)/.exec(line)?.[1];
    if (file) return file;
  }
  return undefined;
}

/**
 * Next.js 16 answers a route handler that throws (or imports a module that throws while
 * loading) with an empty 500 and logs the error in the dev server's terminal:
 * https://nextjs.org/docs/app/getting-started/error-handling
 */
const EMPTY_500 =
  'An empty 500 is what Next.js answers when a route handler throws, or a module it imports throws while loading (unless the handler answered it itself): the error and its stack are in the terminal running next dev.';

/** A one-line account of the error behind a `next dev` 5xx error page or empty 500, or undefined for any other answer. */
export function devErrorHint(answer: Pick<ResponseResult, 'status' | 'contentType' | 'body'>): string | undefined {
  if (answer.status === 500 && answer.body.kind === 'empty') return EMPTY_500;
  if (answer.status < 500 || !/^text\/html\b/i.test(answer.contentType ?? '') || answer.body.kind !== 'text')
    return undefined;
  const err = fromTemplate(answer.body.text) ?? fromNextData(answer.body.text);
  if (!err) return undefined;
  const where = appFrame(err.stack);
  const name = err.name && err.name !== 'Error' ? `${err.name}: ` : '';
  return `next dev answered ${answer.status} with its error page: ${name}${err.message}${where ? ` (thrown in ${where})` : ''}. The whole stack is in the terminal running next dev.`;
}

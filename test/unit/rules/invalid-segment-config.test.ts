import rule from '../../../src/core/rules/invalid-segment-config';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'every option with a valid literal',
      code: `export const dynamic = 'force-dynamic';
export const dynamicParams = false;
export const revalidate = 3600;
export const fetchCache = 'default-no-store';
export const runtime = 'nodejs';
export const preferredRegion = ['iad1', 'sfo1'];
export const maxDuration = 60;
export function GET() { return Response.json({}) }`,
    },
    {
      name: 'revalidate false',
      code: `export const revalidate = false;
export function GET() { return Response.json({}) }`,
    },
    {
      name: 'the edge runtime without revalidate',
      code: `export const runtime = 'edge';
export function GET() { return Response.json({}) }`,
    },
    {
      name: 'a numeric separator',
      code: `export const revalidate = 86_400;
export function GET() { return Response.json({}) }`,
    },
    { name: "a non-config export (not this rule's concern)", code: `export const helper = 60 * 10;` },
    { name: 'a preferred region string', code: `export const preferredRegion = 'home';` },
  ],
  invalid: [
    {
      name: 'a computed revalidate, folding it',
      code: `export const revalidate = 60 * 10;
`,
      errors: [
        {
          messageId: 'notAnalyzable',
          line: 1,
          column: 27,
          data: { name: 'revalidate', value: '`60 * 10`', folded: ' (`600`)' },
        },
      ],
      output: `export const revalidate = 600;
`,
    },
    {
      name: 'a negative revalidate',
      code: `export const revalidate = -1;`,
      errors: [
        {
          messageId: 'invalidValue',
          data: { name: 'revalidate', value: '`-1`', expected: 'use a whole number of seconds ≥ 0, or `false`' },
        },
      ],
      output: null,
    },
    {
      name: 'a misspelled dynamic value',
      code: `export const dynamic = 'force_dynamic';`,
      errors: [
        {
          messageId: 'invalidValue',
          data: {
            name: 'dynamic',
            value: "`'force_dynamic'`",
            expected: "use one of 'auto', 'force-dynamic', 'error', 'force-static'",
          },
        },
      ],
      output: null,
    },
    {
      name: "runtime 'experimental-edge', fixing it to 'edge'",
      code: `export const runtime = 'experimental-edge';
`,
      errors: [{ messageId: 'experimentalEdge' }],
      output: `export const runtime = 'edge';
`,
    },
    {
      name: 'a config held in another constant',
      code: `const HOUR = 3600;
export const revalidate = HOUR;`,
      errors: [{ messageId: 'notAnalyzable', data: { name: 'revalidate', value: '`HOUR`', folded: '' } }],
      output: null,
    },
    {
      name: 'let instead of const',
      code: `export let dynamic = 'force-static';`,
      errors: [{ messageId: 'notConst', data: { name: 'dynamic' } }],
      output: null,
    },
    {
      name: 'revalidate with the edge runtime',
      code: `export const runtime = 'edge';
export const revalidate = 60;`,
      errors: [{ messageId: 'revalidateOnEdge', line: 2 }],
      output: null,
    },
    {
      name: 'a fractional maxDuration and an unknown fetchCache',
      code: `export const maxDuration = 1.5;
export const fetchCache = 'sometimes';`,
      errors: [
        {
          messageId: 'invalidValue',
          line: 1,
          data: { name: 'maxDuration', value: '`1.5`', expected: 'use a whole number of seconds ≥ 0' },
        },
        {
          messageId: 'invalidValue',
          line: 2,
          data: {
            name: 'fetchCache',
            value: "`'sometimes'`",
            expected:
              "use one of 'auto', 'default-cache', 'only-cache', 'force-cache', 'force-no-store', 'default-no-store', 'only-no-store'",
          },
        },
      ],
      output: null,
    },
  ],
});

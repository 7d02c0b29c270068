import rule from '../../../src/core/rules/invalid-segment-config';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'every option with a valid literal',
      code: `export const dynamic = 'force-dynamic';\nexport const dynamicParams = false;\nexport const revalidate = 3600;\nexport const fetchCache = 'default-no-store';\nexport const runtime = 'nodejs';\nexport const preferredRegion = ['iad1', 'sfo1'];\nexport const maxDuration = 60;\nexport function GET() { return Response.json({}) }`,
    },
    {
      name: 'revalidate false',
      code: `export const revalidate = false;\nexport function GET() { return Response.json({}) }`,
    },
    {
      name: 'the edge runtime without revalidate',
      code: `export const runtime = 'edge';\nexport function GET() { return Response.json({}) }`,
    },
    {
      name: 'a numeric separator',
      code: `export const revalidate = 86_400;\nexport function GET() { return Response.json({}) }`,
    },
    { name: "a non-config export (not this rule's concern)", code: `export const helper = 60 * 10;` },
    { name: 'a preferred region string', code: `export const preferredRegion = 'home';` },
  ],
  invalid: [
    {
      name: 'a computed revalidate, folding it',
      code: `export const revalidate = 60 * 10;\n`,
      errors: [{ messageId: 'notAnalyzable', line: 1, column: 27 }],
      output: `export const revalidate = 600;\n`,
    },
    { name: 'a negative revalidate', code: `export const revalidate = -1;`, errors: [{ messageId: 'invalidValue' }] },
    {
      name: 'a misspelled dynamic value',
      code: `export const dynamic = 'force_dynamic';`,
      errors: [{ messageId: 'invalidValue', data: { name: 'dynamic' } }],
    },
    {
      name: "runtime 'experimental-edge', fixing it to 'edge'",
      code: `export const runtime = 'experimental-edge';\n`,
      errors: [{ messageId: 'experimentalEdge' }],
      output: `export const runtime = 'edge';\n`,
    },
    {
      name: 'a config held in another constant',
      code: `const HOUR = 3600;\nexport const revalidate = HOUR;`,
      errors: [{ messageId: 'notAnalyzable' }],
    },
    { name: 'let instead of const', code: `export let dynamic = 'force-static';`, errors: [{ messageId: 'notConst' }] },
    {
      name: 'revalidate with the edge runtime',
      code: `export const runtime = 'edge';\nexport const revalidate = 60;`,
      errors: [{ messageId: 'revalidateOnEdge', line: 2 }],
    },
    {
      name: 'a fractional maxDuration and an unknown fetchCache',
      code: `export const maxDuration = 1.5;\nexport const fetchCache = 'sometimes';`,
      errors: [
        { messageId: 'invalidValue', line: 1 },
        { messageId: 'invalidValue', line: 2 },
      ],
    },
  ],
});

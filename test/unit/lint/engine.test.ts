import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { parseDocument } from '../../../src/core/ast/parse';
import { applyEdits, fixAllEdits, lintDocument } from '../../../src/core/lint/lint';
import { defineRule } from '../../../src/core/lint/rule';
import { parseSuppressions } from '../../../src/core/lint/suppressions';
import noBodyWithNullStatus from '../../../src/core/rules/no-body-with-null-status';
import invalidRouteExport from '../../../src/core/rules/invalid-route-export';

const FILE = 'app/api/items/route.ts';
const BAD_204 = `export async function DELETE() {\n  return Response.json({}, { status: 204 });\n}\n`;

function lint(code: string, options: Parameters<typeof lintDocument>[1] = {}) {
  return lintDocument(parseDocument(FILE, code), { rules: [noBodyWithNullStatus, invalidRouteExport], ...options });
}

describe('lint engine', () => {
  describe('suppression comments', () => {
    it('suppresses a rule on the next line with next-route-kit-disable-next-line', () => {
      const code = `export async function DELETE() {\n  // next-route-kit-disable-next-line no-body-with-null-status\n  return Response.json({}, { status: 204 });\n}\n`;
      assert.deepEqual(lint(code), []);
    });

    it('suppresses only the named rule, not others on the same line', () => {
      const code = `// next-route-kit-disable-next-line invalid-route-export\nexport async function get() { return Response.json({}, { status: 204 }) }\n`;
      assert.deepEqual(
        lint(code).map((f) => f.ruleId),
        ['no-body-with-null-status'],
      );
    });

    it('suppresses every rule on the next line when none is named, and accepts a reason after --', () => {
      const code = `// next-route-kit-disable-next-line -- legacy endpoint\nexport async function get() { return Response.json({}, { status: 204 }) }\n`;
      assert.deepEqual(lint(code), []);
    });

    it('suppresses several comma-separated rules', () => {
      const code = `// next-route-kit-disable-next-line invalid-route-export, no-body-with-null-status\nexport async function get() { return Response.json({}, { status: 204 }) }\n`;
      assert.deepEqual(lint(code), []);
    });

    it('suppresses a rule for the whole file with a block comment', () => {
      const code = `/* next-route-kit-disable no-body-with-null-status */\n${BAD_204}${BAD_204.replace('DELETE', 'PUT')}`;
      assert.deepEqual(lint(code), []);
    });

    it('suppresses on the same line with next-route-kit-disable-line', () => {
      const code = `export async function DELETE() {\n  return Response.json({}, { status: 204 }); // next-route-kit-disable-line no-body-with-null-status\n}\n`;
      assert.deepEqual(lint(code), []);
    });

    it('does not suppress a line that is not the next one', () => {
      const code = `// next-route-kit-disable-next-line no-body-with-null-status\n\nexport async function DELETE() { return Response.json({}, { status: 204 }) }\n`;
      assert.equal(lint(code).length, 1);
    });

    it('parses the comment forms into line and file sets', () => {
      const s = parseSuppressions(`a\n// next-route-kit-disable-next-line x\nb\n/* next-route-kit-disable y, z */`);
      assert.deepEqual([...(s.lines.get(2) ?? [])], ['x']);
      assert.deepEqual([...s.file].sort(), ['y', 'z']);
    });
  });

  describe('severity settings', () => {
    it('uses the rule default severity', () => {
      assert.equal(lint(BAD_204)[0]!.severity, 'error');
    });

    it('overrides a rule severity from nextRouteKit.lint.rules', () => {
      assert.equal(lint(BAD_204, { severities: { 'no-body-with-null-status': 'info' } })[0]!.severity, 'info');
    });

    it('turns a rule off', () => {
      assert.deepEqual(lint(BAD_204, { severities: { 'no-body-with-null-status': 'off' } }), []);
    });
  });

  describe('robustness', () => {
    it('reports a file that does not parse as exactly one parse-error finding', () => {
      const findings = lint(`export async function GET( {\n  return Response.json({ ok: true, }\n`);
      assert.equal(findings.length, 1);
      assert.equal(findings[0]!.ruleId, 'parse-error');
      assert.match(findings[0]!.message, /^Syntax error at line \d+:/);
    });

    it('turns a rule that throws into one internal-error finding while the other rules still run', () => {
      const broken = defineRule({
        id: 'broken-rule',
        meta: { description: 'throws', defaultSeverity: 'error', fixable: false },
        messages: { x: 'x' },
        create: () => ({
          nodes: {
            [ts.SyntaxKind.Identifier]: () => {
              throw new Error('boom');
            },
          },
        }),
      });
      const findings = lintDocument(parseDocument(FILE, BAD_204), { rules: [broken, noBodyWithNullStatus] });
      assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['internal-error', 'no-body-with-null-status']);
      assert.match(findings.find((f) => f.ruleId === 'internal-error')!.message, /broken-rule.*boom/);
    });
  });

  describe('version gating', () => {
    const next15Only = defineRule({
      id: 'next15-only',
      meta: { description: 'fires on every function', defaultSeverity: 'warning', fixable: false, minNextMajor: 15 },
      messages: { x: 'x' },
      create: (ctx) => ({
        nodes: { [ts.SyntaxKind.FunctionDeclaration]: (node) => ctx.report({ node, messageId: 'x' }) },
      }),
    });
    const run = (nextMajor?: number) =>
      lintDocument(parseDocument(FILE, 'export function GET() {}'), {
        rules: [next15Only],
        project: nextMajor === undefined ? {} : { nextMajor },
      }).length;

    it('runs a Next 15+ rule on Next 15 and 16', () => {
      assert.equal(run(15), 1);
      assert.equal(run(16), 1);
    });
    it('runs it when the version is unknown', () => assert.equal(run(undefined), 1));
    it('never runs it on a Next 13 or 14 project', () => {
      assert.equal(run(14), 0);
      assert.equal(run(13), 0);
    });
  });

  describe('fixes', () => {
    it('combines every safe fix without overlapping edits', () => {
      const code = BAD_204 + BAD_204.replace('DELETE', 'PUT');
      const findings = lint(code, { fixes: true });
      const fixed = applyEdits(code, fixAllEdits(findings));
      assert.equal(fixed, code.replace(/Response\.json\(\{\}, /g, 'new Response(null, '));
      assert.deepEqual(lint(fixed), []);
    });

    it('gives findings 0-based ranges and doc links', () => {
      const [f] = lint(BAD_204);
      assert.deepEqual(f!.range.start, { line: 1, character: 9 });
      assert.equal(f!.docsUrl, 'https://github.com/next-route-kit/next-route-kit#no-body-with-null-status');
    });

    it('returns the same findings for the same document version without relinting', () => {
      const doc = parseDocument(FILE, BAD_204);
      assert.equal(lintDocument(doc), lintDocument(doc));
      assert.equal(lintDocument(doc, { fixes: true }), lintDocument(doc, { fixes: true }));
    });

    it('returns findings as plain data: fixes only when asked, then as plain values', () => {
      const doc = parseDocument(FILE, BAD_204);
      const [plain] = lintDocument(doc);
      assert.equal(plain!.fix, undefined);
      const [fixed] = lintDocument(doc, { fixes: true });
      assert.deepEqual(Object.getOwnPropertyDescriptor(fixed, 'fix')?.get, undefined);
      assert.deepEqual(JSON.parse(JSON.stringify(fixed)), fixed);
      assert.deepEqual({ ...fixed, fix: undefined }, { ...plain, fix: undefined });
      assert.match(fixed!.fix!.title, /new Response\(null/);
    });

    it('reports a fix that throws while being computed as an internal error naming the rule', () => {
      const throwingFix = defineRule({
        id: 'throwing-fix',
        meta: { description: 'a fix that throws', defaultSeverity: 'warning', fixable: 'safe' },
        messages: { x: 'x' },
        create: (ctx) => ({
          nodes: {
            [ts.SyntaxKind.FunctionDeclaration]: (node) =>
              ctx.report({
                node,
                messageId: 'x',
                fix: () => {
                  throw new Error('kaput');
                },
              }),
          },
        }),
      });
      const doc = parseDocument(FILE, 'export function GET() {}');
      assert.deepEqual(
        lintDocument(doc, { rules: [throwingFix] }).map((f) => f.ruleId),
        ['throwing-fix'],
        'computing no fix, nothing fails',
      );
      const findings = lintDocument(doc, { rules: [throwingFix], fixes: true });
      assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['internal-error', 'throwing-fix']);
      const crash = findings.find((f) => f.ruleId === 'internal-error')!;
      assert.equal(crash.messageId, 'fixCrashed');
      assert.match(crash.message, /throwing-fix.*line 1.*kaput/);
      assert.equal(findings.find((f) => f.ruleId === 'throwing-fix')!.fix, undefined);
    });
  });
});

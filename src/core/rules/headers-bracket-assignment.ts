import * as ts from 'typescript';
import { findDeclaration, literalValue, unwrap } from '../ast/query';
import { quote } from '../lint/fixes';
import { defineRule } from '../lint/rule';

/** `new Headers(…)` held in a variable, or a response's `.headers`: a `Headers` instance. */
function headersInstance(target: ts.Expression): { moduleLevel: boolean } | undefined {
  const e = unwrap(target);
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'headers') return { moduleLevel: false };
  if (!ts.isIdentifier(e)) return undefined;
  const decl = findDeclaration(e.text, e);
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
  const init = unwrap(decl.initializer);
  if (!ts.isNewExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'Headers')
    return undefined;
  const statement = decl.parent.parent;
  return { moduleLevel: ts.isVariableStatement(statement) && ts.isSourceFile(statement.parent) };
}

/**
 * `Headers` keeps its entries behind `get`/`set`: `headers['Access-Control-Allow-Origin'] = o`
 * adds a JavaScript property the Fetch API never reads, so the header is not sent
 * (https://developer.mozilla.org/en-US/docs/Web/API/Headers).
 */
export default defineRule({
  id: 'headers-bracket-assignment',
  meta: {
    description: "`headers['Name'] = value` on a `Headers` object: a JavaScript property, never sent.",
    defaultSeverity: 'warning',
    fixable: 'suggestion',
  },
  appliesTo: (s) => s.has(ts.SyntaxKind.ElementAccessExpression) && s.mentions('eaders'),
  messages: {
    propertyOnHeaders:
      "`{{target}}['{{name}}'] = …` sets a JavaScript property on a `Headers` object: the header is never sent{{moduleState}}. Use `{{target}}.set('{{name}}', …)`.",
  },
  create(ctx) {
    return {
      nodes: {
        [ts.SyntaxKind.BinaryExpression]: (node) => {
          const b = node as ts.BinaryExpression;
          if (b.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
          const left = unwrap(b.left);
          if (!ts.isElementAccessExpression(left)) return;
          const name = literalValue(left.argumentExpression);
          if (typeof name !== 'string') return;
          const instance = headersInstance(left.expression);
          if (!instance) return;
          const sf = ctx.sourceFile;
          const target = left.expression.getText(sf);
          const call = `${target}.set(${quote(ctx.style, name)}, ${b.right.getText(sf)})`;
          ctx.report({
            node: b,
            messageId: 'propertyOnHeaders',
            data: {
              target,
              name,
              moduleState: instance.moduleLevel
                ? ', and the object is module state: writing to it per request mixes requests'
                : '',
            },
            suggestions: [
              {
                title: `Set the header with ${target}.set()`,
                edits: [{ start: b.getStart(sf), end: b.end, text: call }],
              },
            ],
          });
        },
      },
    };
  },
});

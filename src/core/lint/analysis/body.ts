/**
 * Where the parsed request body lives and goes: the variables bound to `await request.json()`
 * (whole or destructured), the checks made on them (schema `.parse/.safeParse`, validators,
 * `typeof`/required checks in conditions), and the writes they reach (`db.x.create(body)`,
 * `prisma.x.update({ data: { ...body } })`, `Object.assign(row, body)`). Shared by
 * `validate-input` and `no-mass-assignment`; computed once per document.
 */
import * as ts from 'typescript';
import { isFunctionNode, unwrap, type FunctionNode } from '../../ast/query';
import type { BodyRead } from '../facts';
import type { RuleContext } from '../rule';

export interface BodyBinding {
  readonly read: BodyRead;
  readonly fn: FunctionNode;
  /** `data` in `const data = await request.json()`. */
  readonly name?: string;
  /** Local names of destructured fields: `{ email, name: fullName }` → email→email, name→fullName. */
  readonly fields: ReadonlyMap<string, string>;
  /** The declaration or assignment that binds it. */
  readonly binding: ts.Node;
}

export type SinkKind = 'whole' | 'spread' | 'field';

export interface BodySink {
  readonly call: ts.CallExpression;
  /** The write's name as written, e.g. `db.posts.create`. */
  readonly callee: string;
  /** The reference to the body inside the call's arguments. */
  readonly node: ts.Node;
  readonly kind: SinkKind;
  /** For `field` sinks: the body field used. */
  readonly field?: string;
}

export interface Validation {
  /** The whole body went through a schema/validator call or a whole-value type check. */
  readonly whole: boolean;
  /** Fields checked in conditions or validator calls (`!data.title`, `typeof email`). */
  readonly fields: ReadonlySet<string>;
}

/** Method names of calls that persist or send data. */
const WRITE_METHODS = new Set([
  'create', 'createMany', 'createManyAndReturn', 'insert', 'insertOne', 'insertMany', 'update', 'updateOne',
  'updateMany', 'upsert', 'save', 'replaceOne', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndReplace',
  'merge', 'persist', 'values',
]);

/** Calls that validate their argument. */
const VALIDATOR = /^(parse|safeParse|parseAsync|safeParseAsync|validate|validateSync|validateAsync|assert\w*|is[A-Z]\w*|check\w*|decode|verify\w*|sanitize\w*|superRefine)$/;

function calleeName(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

export function calleeText(call: ts.CallExpression, sf: ts.SourceFile): string {
  const text = call.expression.getText(sf);
  return text.length > 60 ? text.slice(0, 57) + '…' : text;
}

function bindingFor(read: BodyRead): Omit<BodyBinding, 'read' | 'fn'> | undefined {
  if (!read.awaitNode) return undefined;
  let node: ts.Node = read.awaitNode;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === node) {
    if (ts.isIdentifier(parent.name)) return { name: parent.name.text, fields: new Map(), binding: parent };
    if (ts.isObjectBindingPattern(parent.name)) {
      const fields = new Map<string, string>();
      for (const el of parent.name.elements) {
        if (el.dotDotDotToken) {
          if (ts.isIdentifier(el.name)) return { name: el.name.text, fields, binding: parent };
          continue;
        }
        const key = el.propertyName && (ts.isIdentifier(el.propertyName) || ts.isStringLiteral(el.propertyName)) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : undefined;
        if (key && ts.isIdentifier(el.name)) fields.set(key, el.name.text);
      }
      return { fields, binding: parent };
    }
  }
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === node && ts.isIdentifier(parent.left)) {
    return { name: parent.left.text, fields: new Map(), binding: parent };
  }
  return undefined;
}

export function bodyBindings<M extends string>(ctx: RuleContext<M>): readonly BodyBinding[] {
  return ctx.doc.memo('analysis:bodyBindings', () => {
    const out: BodyBinding[] = [];
    for (const read of ctx.facts.bodyReads) {
      if (read.method !== 'json' || !read.fn) continue;
      const b = bindingFor(read);
      if (b) out.push({ ...b, read, fn: read.fn });
    }
    return out;
  });
}

/** Whether `node` refers to the binding (its variable, a destructured field, or `name.field`). */
function referenceOf(binding: BodyBinding, node: ts.Node): { kind: 'whole' | 'field'; field?: string } | undefined {
  if (ts.isIdentifier(node)) {
    if (binding.name !== undefined && node.text === binding.name) return { kind: 'whole' };
    for (const [field, local] of binding.fields) if (local === node.text) return { kind: 'field', field };
    return undefined;
  }
  if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && binding.name !== undefined) {
    const obj = unwrap(node.expression);
    if (ts.isIdentifier(obj) && obj.text === binding.name) {
      const field = ts.isPropertyAccessExpression(node) ? node.name.text : ts.isStringLiteral(node.argumentExpression) ? node.argumentExpression.text : '*';
      return { kind: 'field', field };
    }
  }
  return undefined;
}

/** Is `node` the binding's declaration name itself (not a use)? */
function isDeclarationName(binding: BodyBinding, node: ts.Node): boolean {
  return node.pos >= binding.binding.pos && node.end <= binding.binding.end && !(ts.isBinaryExpression(binding.binding) && node.pos >= binding.binding.right.pos);
}

function walkFunction(fn: FunctionNode, visit: (n: ts.Node) => void): void {
  const walk = (n: ts.Node): void => {
    visit(n);
    ts.forEachChild(n, walk);
  };
  if (fn.body) walk(fn.body);
}

/** The checks made on a body binding anywhere in its function. */
export function validationOf<M extends string>(ctx: RuleContext<M>, binding: BodyBinding, before = Infinity): Validation {
  const key = `analysis:validation:${binding.binding.pos}:${before}`;
  return ctx.doc.memo(key, () => {
    let whole = false;
    const fields = new Set<string>();
    const noteReferencesIn = (expr: ts.Node): void => {
      const walk = (n: ts.Node): void => {
        const ref = referenceOf(binding, n);
        if (ref && !isDeclarationName(binding, n)) {
          if (ref.kind === 'whole') {
            // `typeof body`, `Array.isArray(body)`, `body instanceof X`, `!body` count as a whole-value check
            const p = n.parent;
            if (ts.isTypeOfExpression(p) || (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) || (ts.isCallExpression(p) && /isArray|isPlainObject|isObject/.test(p.expression.getText(ctx.sourceFile)))) whole = true;
            else if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.InKeyword && ts.isStringLiteral(p.left)) fields.add(p.left.text);
          } else if (ref.field) {
            fields.add(ref.field);
          }
          return;
        }
        ts.forEachChild(n, walk);
      };
      walk(expr);
    };
    walkFunction(binding.fn, (n) => {
      if (n.pos >= before) return;
      if (ts.isCallExpression(n)) {
        const name = calleeName(n);
        if (name && VALIDATOR.test(name)) {
          for (const arg of n.arguments) {
            const ref = referenceOf(binding, unwrap(arg));
            if (ref?.kind === 'whole') whole = true;
            else if (ref?.field) fields.add(ref.field);
          }
        }
      } else if (ts.isIfStatement(n) || ts.isWhileStatement(n)) {
        noteReferencesIn(n.expression);
      } else if (ts.isConditionalExpression(n)) {
        noteReferencesIn(n.condition);
      } else if (ts.isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || n.operatorToken.kind === ts.SyntaxKind.BarBarToken) && ts.isExpressionStatement(n.parent)) {
        noteReferencesIn(n.left);
      } else if (ts.isSwitchStatement(n)) {
        noteReferencesIn(n.expression);
      }
    });
    return { whole, fields };
  });
}

function isWriteCall(call: ts.CallExpression): boolean {
  const name = calleeName(call);
  if (!name) return false;
  if (WRITE_METHODS.has(name)) {
    // `new Set().values()` and friends are not writes; a write is a method on some object.
    return ts.isPropertyAccessExpression(unwrap(call.expression)) && !(name === 'values' && call.arguments.length === 0);
  }
  return name === 'assign' && /^Object\.assign$/.test(call.expression.getText());
}

/** Where the body reaches a write call's arguments. */
export function sinksOf<M extends string>(ctx: RuleContext<M>, binding: BodyBinding): readonly BodySink[] {
  return ctx.doc.memo(`analysis:sinks:${binding.binding.pos}`, () => {
    const sinks: BodySink[] = [];
    walkFunction(binding.fn, (n) => {
      if (!ts.isCallExpression(n) || !isWriteCall(n)) return;
      const isAssign = calleeName(n) === 'assign';
      const args = isAssign ? n.arguments.slice(1) : n.arguments;
      const seen = new Set<ts.Node>();
      const visitArg = (a: ts.Node, viaSpread: boolean): void => {
        const inner = ts.isExpression(a) ? unwrap(a) : a;
        if (seen.has(inner)) return;
        const ref = referenceOf(binding, inner);
        if (ref) {
          seen.add(inner);
          if (isDeclarationName(binding, inner)) return;
          sinks.push({
            call: n, callee: calleeText(n, ctx.sourceFile), node: inner,
            kind: ref.kind === 'field' ? 'field' : viaSpread || isAssign ? 'spread' : 'whole',
            ...(ref.field ? { field: ref.field } : {}),
          });
          return;
        }
        if (ts.isSpreadAssignment(inner) || ts.isSpreadElement(inner)) return visitArg(inner.expression, true);
        if (ts.isObjectLiteralExpression(inner)) {
          for (const p of inner.properties) {
            if (ts.isPropertyAssignment(p)) visitArg(p.initializer, false);
            else if (ts.isShorthandPropertyAssignment(p)) visitArg(p.name, false);
            else if (ts.isSpreadAssignment(p)) visitArg(p.expression, true);
          }
          return;
        }
        if (ts.isArrayLiteralExpression(inner)) {
          for (const e of inner.elements) visitArg(e, false);
          return;
        }
        if (isFunctionNode(inner)) return;
        // e.g. `String(body.title).trim()`, `body.tags.map(...)`: the field still reaches the write
        if (ts.isCallExpression(inner) || ts.isTemplateExpression(inner) || ts.isBinaryExpression(inner) || ts.isConditionalExpression(inner) || ts.isPropertyAccessExpression(inner) || ts.isAwaitExpression(inner)) {
          ts.forEachChild(inner, (c) => visitArg(c, false));
        }
      };
      for (const a of args) visitArg(a, false);
    });
    return sinks;
  });
}

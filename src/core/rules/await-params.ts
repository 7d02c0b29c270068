import * as ts from 'typescript';
import { findDeclaration, indentationAt, isFunctionNode, unwrap, type FunctionNode } from '../ast/query';
import { isAsync } from '../lint/helpers';
import { defineRule, type EditSpec, type FixSpec, type RuleContext } from '../lint/rule';
import { paramTypeMember as paramType } from '../nextjs/routePath';

type UseKind = 'property' | 'destructure' | 'enumerate';

interface ParamsUse {
  readonly node: ts.Expression; // the params expression (`params` or `context.params`)
  readonly kind: UseKind;
  readonly name?: string; // the param read, for property uses
  readonly replaced: ts.Node; // what the fix replaces
}

interface HandlerParams {
  readonly fn: FunctionNode;
  readonly contextParam: ts.ParameterDeclaration;
  /** How the body reaches params: `params` (destructured in the signature) or `context.params`. */
  readonly accessText: string;
  readonly uses: ParamsUse[];
  /** `{ params: { id } }` in the signature: the nested pattern. */
  readonly nestedPattern?: ts.ObjectBindingPattern;
  readonly nestedElement?: ts.BindingElement;
  /** The type node of `params` in the context type when it is not a Promise. */
  readonly plainType?: ts.TypeNode;
}

function isPromiseType(t: ts.TypeNode): boolean {
  return ts.isTypeReferenceNode(t) && /^(Promise|PromiseLike)$/.test(t.typeName.getText());
}

/** The `params` member's type in the context type (inline, or through a local type alias/interface). */
function paramsMemberType(type: ts.TypeNode | undefined, sf: ts.SourceFile): ts.TypeNode | undefined {
  if (!type) return undefined;
  let members: ts.NodeArray<ts.TypeElement> | undefined;
  if (ts.isTypeLiteralNode(type)) members = type.members;
  else if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && !type.typeArguments) {
    const name = type.typeName.text;
    for (const st of sf.statements) {
      if (ts.isTypeAliasDeclaration(st) && st.name.text === name && ts.isTypeLiteralNode(st.type)) members = st.type.members;
      if (ts.isInterfaceDeclaration(st) && st.name.text === name) members = st.members;
    }
  }
  const member = members?.find((m): m is ts.PropertySignature => ts.isPropertySignature(m) && m.name.getText(sf) === 'params');
  return member?.type;
}

function classifyUse(expr: ts.Expression): Omit<ParamsUse, 'node'> | undefined {
  let top: ts.Node = expr;
  while (ts.isParenthesizedExpression(top.parent) || ts.isNonNullExpression(top.parent) || ts.isAsExpression(top.parent)) top = top.parent;
  const p = top.parent;
  if (ts.isAwaitExpression(p)) return undefined;
  if (ts.isPropertyAccessExpression(p) && p.expression === top) {
    if (/^(then|catch|finally)$/.test(p.name.text)) return undefined;
    return { kind: 'property', name: p.name.text, replaced: p };
  }
  if (ts.isElementAccessExpression(p) && p.expression === top) {
    return { kind: 'property', ...(ts.isStringLiteral(p.argumentExpression) ? { name: p.argumentExpression.text } : {}), replaced: p };
  }
  if (ts.isVariableDeclaration(p) && p.initializer === top && ts.isObjectBindingPattern(p.name)) return { kind: 'destructure', replaced: top };
  if (ts.isSpreadAssignment(p) || ts.isSpreadElement(p)) return { kind: 'enumerate', replaced: top };
  if (ts.isCallExpression(p) && p.arguments.includes(top as ts.Expression) && /^Object\.(keys|values|entries)$/.test(p.expression.getText())) return { kind: 'enumerate', replaced: top };
  if (ts.isForInStatement(p)) return { kind: 'enumerate', replaced: top };
  return undefined;
}

function collect(ctx: RuleContext<string>, fn: FunctionNode): HandlerParams | undefined {
  const contextParam = fn.parameters[1];
  if (!contextParam || !fn.body) return undefined;
  const sf = ctx.sourceFile;
  const uses: ParamsUse[] = [];
  const memberType = paramsMemberType(contextParam.type, sf);
  const plainType = memberType && !isPromiseType(memberType) && (ts.isTypeLiteralNode(memberType) || ts.isTypeReferenceNode(memberType) || ts.isMappedTypeNode(memberType)) ? memberType : undefined;
  const scan = (match: (e: ts.Expression) => boolean): void => {
    const walk = (n: ts.Node): void => {
      if (ts.isExpression(n) && match(n)) {
        const use = classifyUse(n);
        if (use) uses.push({ node: n, ...use });
        return;
      }
      ts.forEachChild(n, walk);
    };
    walk(fn.body!);
  };
  const name = contextParam.name;
  if (ts.isObjectBindingPattern(name)) {
    const element = name.elements.find((e) => ((e.propertyName ?? e.name) as ts.Identifier).getText(sf) === 'params');
    if (!element) return undefined;
    if (ts.isObjectBindingPattern(element.name)) {
      return { fn, contextParam, accessText: 'params', uses, nestedPattern: element.name, nestedElement: element, ...(plainType ? { plainType } : {}) };
    }
    if (!ts.isIdentifier(element.name)) return undefined;
    const local = element.name.text;
    scan((e) => ts.isIdentifier(e) && e.text === local && findDeclaration(local, e) === element);
    return { fn, contextParam, accessText: local, uses, ...(plainType ? { plainType } : {}) };
  }
  if (ts.isIdentifier(name)) {
    const ctxName = name.text;
    scan((e) => ts.isPropertyAccessExpression(e) && e.name.text === 'params' && ts.isIdentifier(unwrap(e.expression)) && (unwrap(e.expression) as ts.Identifier).text === ctxName && findDeclaration(ctxName, e) === contextParam);
    return { fn, contextParam, accessText: `${ctxName}.params`, uses, ...(plainType ? { plainType } : {}) };
  }
  return undefined;
}

function declaredNames(fn: FunctionNode): Set<string> {
  const names = new Set<string>();
  const walk = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isBindingElement(n)) {
      const collectNames = (b: ts.BindingName): void => {
        if (ts.isIdentifier(b)) names.add(b.text);
        else for (const el of b.elements) if (ts.isBindingElement(el)) collectNames(el.name);
      };
      collectNames(n.name);
    }
    if ((ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n)) && n.name) names.add(n.name.text);
    ts.forEachChild(n, walk);
  };
  ts.forEachChild(fn, walk);
  return names;
}

/**
 * Next.js 15 made `params` a Promise: `params.id` logs a warning in 15 and is `undefined` in 16,
 * and a plain-object type fails `next build`'s route type check.
 */
export default defineRule({
  id: 'await-params',
  meta: {
    description: '`params` read without `await` (`params.id`, destructured in the signature, spread) or typed as a plain object.',
    defaultSeverity: 'error',
    fixable: 'safe',
    minNextMajor: 15,
  },
  messages: {
    syncAccess:
      '`params` is a Promise since Next.js 15: `{{expr}}` warns in 15 and is `undefined` in 16. Read it with `const { {{names}} } = await {{access}}`.',
    destructuredInSignature:
      '`{ params: { … } }` destructures `params` synchronously, but it is a Promise since Next.js 15 (the values are `undefined` in 16). Take `{ params }` and `await params`.',
    plainType:
      '`params` is typed as a plain object, but since Next.js 15 it is a Promise: `next build` fails ("is not a valid type for the function\'s second argument"). Type it `Promise<{ {{names}} }>`.',
  },
  create(ctx) {
    const buildFix = (hp: HandlerParams): FixSpec | undefined => {
      const sf = ctx.sourceFile;
      const body = hp.fn.body;
      if (!body || !ts.isBlock(body)) return undefined;
      const edits: EditSpec[] = [];
      const routeParams = ctx.route?.params ?? [];
      const accessed: string[] = [];
      const add = (n: string): void => {
        if (!accessed.includes(n)) accessed.push(n);
      };
      if (hp.nestedPattern) {
        for (const el of hp.nestedPattern.elements) {
          if (!ts.isIdentifier(el.name) || el.dotDotDotToken || el.initializer) return undefined;
          if (el.propertyName && (el.propertyName as ts.Identifier).getText(sf) !== el.name.text) return undefined;
          add(el.name.text);
        }
        edits.push({ start: hp.nestedElement!.getStart(sf), end: hp.nestedElement!.end, text: 'params' });
      }
      const taken = declaredNames(hp.fn);
      for (const use of hp.uses) {
        if (use.kind === 'property') {
          if (!use.name || !/^[A-Za-z_$][\w$]*$/.test(use.name)) return undefined;
          if (!accessed.includes(use.name) && taken.has(use.name)) return undefined; // would shadow a local
          add(use.name);
          edits.push({ start: use.replaced.getStart(sf), end: use.replaced.end, text: use.name });
        } else {
          edits.push({ start: use.replaced.getStart(sf), end: use.replaced.end, text: `await ${hp.accessText}` });
        }
      }
      const semi = ctx.style.semicolons ? ';' : '';
      if (accessed.length) {
        const first = body.statements[0];
        const at = first ? first.getStart(sf) : body.getStart(sf) + 1;
        const indent = first ? indentationAt(ctx.text, at) : indentationAt(ctx.text, hp.fn.getStart(sf)) + ctx.style.indentUnit;
        const decl = `const { ${accessed.join(', ')} } = await ${hp.nestedPattern ? 'params' : hp.accessText}${semi}`;
        edits.push(first ? { start: at, end: at, text: `${decl}\n${indent}` } : { start: at, end: at, text: `\n${indent}${decl}\n` });
      }
      if (!isAsync(hp.fn)) {
        const start = hp.fn.getStart(sf);
        const mods = ts.canHaveModifiers(hp.fn) ? ts.getModifiers(hp.fn) : undefined;
        const exportMod = mods?.find((m) => m.kind === ts.SyntaxKind.ExportKeyword || m.kind === ts.SyntaxKind.DefaultKeyword);
        const at = exportMod ? mods![mods!.length - 1]!.end + 1 : start;
        edits.push({ start: at, end: at, text: 'async ' });
      }
      if (ctx.style.typescript) {
        const params = routeParams.length ? routeParams.map(paramType) : accessed.map((n) => `${n}: string`);
        const promise = `Promise<{ ${params.join('; ')} }>`;
        if (hp.plainType) {
          edits.push({ start: hp.plainType.getStart(sf), end: hp.plainType.end, text: promise });
        } else if (!hp.contextParam.type) {
          edits.push({ start: hp.contextParam.name.end, end: hp.contextParam.name.end, text: `: { params: ${promise} }` });
        }
      }
      return edits.length ? { title: 'Await `params` (Next.js 15+)', edits } : undefined;
    };

    return {
      onEnd() {
        const seen = new Set<ts.Node>();
        for (const h of ctx.handlers) {
          if (!h.fn || seen.has(h.fn) || !isFunctionNode(h.fn)) continue;
          seen.add(h.fn);
          const hp = collect(ctx as RuleContext<string>, h.fn);
          if (!hp) continue;
          const fix = (): FixSpec | undefined => buildFix(hp);
          const names = (ctx.route?.params.map((p) => p.name) ?? []).concat(hp.uses.flatMap((u) => (u.name ? [u.name] : []))).filter((n, i, a) => a.indexOf(n) === i);
          const nameList = names.join(', ') || '…';
          if (hp.nestedPattern) ctx.report({ node: hp.nestedElement!, messageId: 'destructuredInSignature', fix });
          for (const use of hp.uses) {
            ctx.report({
              node: use.replaced,
              messageId: 'syncAccess',
              data: { expr: use.replaced.getText(ctx.sourceFile), names: use.name ?? nameList, access: hp.accessText },
              fix,
            });
          }
          if (hp.plainType) {
            ctx.report({
              node: hp.plainType,
              messageId: 'plainType',
              data: { names: (ctx.route?.params ?? []).map(paramType).join('; ') || names.map((n) => `${n}: string`).join('; ') || 'id: string' },
              fix,
            });
          }
        }
      },
    };
  },
});

import * as ts from 'typescript';
import {
  findDeclaration,
  indentationAt,
  isAsync,
  isFunctionNode,
  isPropertyName,
  outermostExpression,
  unwrap,
  type FunctionNode,
} from '../ast/query';
import { defineRule, type CodeStyle, type EditSpec, type FixSpec, type RuleContext } from '../lint/rule';
import { paramTypeMember as paramType, type RouteParam } from '../nextjs/routePath';

/**
 * Next.js 15 made the handler's `context.params` a Promise. In 15 a synchronous read
 * (`params.id`) still works but warns; in 16 it is `undefined`. A `{ params: { id: string } }`
 * type fails `next build`'s route type check. See docs/nextjs-behaviour.md, "`context.params` is a Promise".
 */

type UseKind = 'property' | 'destructure' | 'enumerate';

/** Where the params Promise is reachable in a handler. */
interface Binding {
  /** What the body writes to reach it: `params`, `p`, `context.params`. */
  readonly access: string;
  /** `body`: declared by a statement in the body (the fix's `const` goes right after it). */
  readonly statement?: ts.Statement;
}

interface ParamsUse {
  readonly kind: UseKind;
  readonly binding: Binding;
  /** The expression evaluating to the Promise (`params`, `context.params`). */
  readonly ref: ts.Expression;
  /** The param read, for property uses with a literal name. */
  readonly name?: string;
  /** What the finding points at and the fix replaces (`params.id`, or `params` for spreads). */
  readonly replaced: ts.Expression;
  /** A use the fix cannot rewrite (`const { params: { id } } = context`). */
  readonly unfixable?: boolean;
}

type TypeState =
  | { readonly kind: 'promise' | 'unknown' | 'none' }
  | { readonly kind: 'plain'; readonly node: ts.TypeNode; readonly shared: boolean };

interface HandlerParams {
  readonly fn: FunctionNode;
  readonly contextParam: ts.ParameterDeclaration;
  readonly uses: ParamsUse[];
  /** `{ params: { id } }` in the signature. */
  readonly nested?: ts.BindingElement;
  readonly type: TypeState;
  /** The signature binding (`params` or `context.params`), used when the fix adds the `const`. */
  readonly topBinding?: Binding;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

function isPromiseType(t: ts.TypeNode): boolean {
  return ts.isTypeReferenceNode(t) && /^(Promise|PromiseLike)$/.test(t.typeName.getText());
}

/** A local `type X = …` / `interface X {…}` by name (top-level statements only). */
function localType(sf: ts.SourceFile, name: string): ts.TypeAliasDeclaration | ts.InterfaceDeclaration | undefined {
  for (const st of sf.statements) {
    if ((ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st)) && st.name.text === name) return st;
  }
  return undefined;
}

/** Classifies the type of `params` in the context parameter's type annotation. */
function paramsTypeState(type: ts.TypeNode | undefined, sf: ts.SourceFile): TypeState {
  if (!type) return { kind: 'none' };
  let members: ts.NodeArray<ts.TypeElement> | undefined;
  let shared = false;
  if (ts.isTypeLiteralNode(type)) members = type.members;
  else if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    if (type.typeName.text === 'RouteContext') return { kind: 'promise' };
    const decl = type.typeArguments ? undefined : localType(sf, type.typeName.text);
    if (decl && ts.isInterfaceDeclaration(decl)) members = decl.members;
    else if (decl && ts.isTypeAliasDeclaration(decl) && ts.isTypeLiteralNode(decl.type)) members = decl.type.members;
    shared = true;
  }
  if (!members) return { kind: 'unknown' };
  const member = members.find(
    (m): m is ts.PropertySignature => ts.isPropertySignature(m) && m.name.getText(sf) === 'params',
  );
  const t = member?.type;
  if (!t) return { kind: 'unknown' };
  if (isPromiseType(t)) return { kind: 'promise' };
  if (
    ts.isTypeLiteralNode(t) ||
    ts.isMappedTypeNode(t) ||
    (ts.isTypeReferenceNode(t) && t.typeName.getText(sf) === 'Record')
  ) {
    return { kind: 'plain', node: t, shared };
  }
  if (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && !t.typeArguments) {
    // `params: Params` — only when we can see `Params` is an object type (not a Promise alias).
    const decl = localType(sf, t.typeName.text);
    if (decl && (ts.isInterfaceDeclaration(decl) || ts.isTypeLiteralNode(decl.type)))
      return { kind: 'plain', node: t, shared };
    if (decl && ts.isTypeAliasDeclaration(decl) && isPromiseType(decl.type)) return { kind: 'promise' };
  }
  return { kind: 'unknown' };
}

function isObjectMethodCall(call: ts.CallExpression, names: RegExp): boolean {
  const callee = unwrap(call.expression);
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    names.test(`${callee.expression.text}.${callee.name.text}`)
  );
}

/** How a reference to the params Promise is used. `undefined`: awaited, passed on, or a new alias. */
function classify(ref: ts.Expression): { kind: UseKind; name?: string; replaced: ts.Expression } | 'alias' | undefined {
  const top = outermostExpression(ref);
  const p = top.parent;
  if (ts.isAwaitExpression(p)) return undefined;
  if (ts.isPropertyAccessExpression(p) && p.expression === top) {
    if (/^(then|catch|finally)$/.test(p.name.text)) return undefined;
    return { kind: 'property', name: p.name.text, replaced: p };
  }
  if (ts.isElementAccessExpression(p) && p.expression === top) {
    const arg = p.argumentExpression;
    return { kind: 'property', ...(ts.isStringLiteralLike(arg) ? { name: arg.text } : {}), replaced: p };
  }
  if (ts.isVariableDeclaration(p) && p.initializer === top) {
    if (ts.isObjectBindingPattern(p.name)) return { kind: 'destructure', replaced: ref };
    if (ts.isIdentifier(p.name)) return 'alias';
    return undefined;
  }
  if (ts.isSpreadAssignment(p) || ts.isSpreadElement(p)) return { kind: 'enumerate', replaced: ref };
  if (ts.isForInStatement(p) && p.expression === top) return { kind: 'enumerate', replaced: ref };
  if (ts.isCallExpression(p) && p.arguments[0] === top) {
    // Enumerating or serializing the Promise: `{}` in 16.
    if (isObjectMethodCall(p, /^(Object\.(keys|values|entries|assign)|JSON\.stringify|(Next)?Response\.json)$/))
      return { kind: 'enumerate', replaced: ref };
  }
  return undefined;
}

/** The local name bound to `params` by an object pattern (`{ params }`, `{ params: p }`), or the nested pattern. */
function paramsElement(pattern: ts.ObjectBindingPattern, sf: ts.SourceFile): ts.BindingElement | undefined {
  return pattern.elements.find((e) => !e.dotDotDotToken && (e.propertyName ?? e.name).getText(sf) === 'params');
}

/** How the signature reaches `params`: through the context's name, a `{ params }` binding, or a nested pattern. */
interface Signature {
  /** `context` in `(req, context)`. */
  readonly contextName?: string;
  /** `{ params: { id } }`. */
  readonly nested?: ts.BindingElement;
  /** `{ params }` / `{ params: p }`: the element that binds the Promise. */
  readonly element?: ts.BindingElement & { readonly name: ts.Identifier };
  readonly topBinding?: Binding;
}

function signatureOf(contextParam: ts.ParameterDeclaration, sf: ts.SourceFile): Signature | undefined {
  const name = contextParam.name;
  if (ts.isIdentifier(name)) return { contextName: name.text, topBinding: { access: `${name.text}.params` } };
  if (!ts.isObjectBindingPattern(name)) return undefined;
  const element = paramsElement(name, sf);
  if (!element) return undefined;
  if (ts.isObjectBindingPattern(element.name)) return { nested: element };
  if (!ts.isIdentifier(element.name)) return undefined;
  const bound = element as ts.BindingElement & { readonly name: ts.Identifier };
  return { element: bound, topBinding: { access: bound.name.text } };
}

/** The variable statement declaring `n` when it stands in a block (where the fix can add a `const` after it). */
function statementOf(n: ts.Node): ts.Statement | undefined {
  let s: ts.Node | undefined = n;
  while (s && !ts.isVariableStatement(s)) s = s.parent;
  return s && ts.isBlock(s.parent) ? s : undefined;
}

/** A binding declared by a statement in the body (`const { params } = context`, `const p = context.params`). */
function bodyBinding(access: string, declaration: ts.Node): Binding {
  const statement = statementOf(declaration);
  return { access, ...(statement ? { statement } : {}) };
}

/** Walks a handler body and collects the uses of the params Promise, following the names bound to it. */
class ParamsUseCollector {
  readonly uses: ParamsUse[] = [];
  /** Declarations whose identifier references are the params Promise. */
  private readonly bindings = new Map<ts.Node, Binding>();
  private readonly names = new Set<string>();

  constructor(
    private readonly contextParam: ts.ParameterDeclaration,
    private readonly signature: Signature,
    private readonly sf: ts.SourceFile,
  ) {
    if (signature.element && signature.topBinding) this.bind(signature.element, signature.topBinding);
  }

  readonly walk = (n: ts.Node): void => {
    if (this.isContextParams(n)) this.onRef(n, this.signature.topBinding!);
    else if (ts.isIdentifier(n)) this.onIdentifier(n);
    else ts.forEachChild(n, this.walk);
  };

  private bind(declaration: ts.Node, binding: Binding): void {
    this.bindings.set(declaration, binding);
    this.names.add(binding.access);
  }

  /** Whether `n` refers to the context parameter itself (not a shadowing local). */
  private isContext(n: ts.Identifier): boolean {
    const name = this.signature.contextName;
    return name !== undefined && n.text === name && findDeclaration(name, n) === this.contextParam;
  }

  /** `context.params`. */
  private isContextParams(n: ts.Node): n is ts.PropertyAccessExpression {
    if (!ts.isPropertyAccessExpression(n) || n.name.text !== 'params') return false;
    const obj = unwrap(n.expression);
    return ts.isIdentifier(obj) && this.isContext(obj);
  }

  private onIdentifier(n: ts.Identifier): void {
    const p = n.parent;
    if (ts.isVariableDeclaration(p) && p.initializer === n && ts.isObjectBindingPattern(p.name) && this.isContext(n)) {
      this.onContextDestructured(n, p.name);
    } else if (this.names.has(n.text) && !isNameNotReference(n)) {
      const decl = findDeclaration(n.text, n);
      const binding = decl && this.bindings.get(decl);
      if (binding) this.onRef(n, binding);
    }
  }

  /** `const { params } = context` binds a new name; `const { params: { id } } = context` cannot be fixed. */
  private onContextDestructured(context: ts.Identifier, pattern: ts.ObjectBindingPattern): void {
    const element = paramsElement(pattern, this.sf);
    if (element && ts.isIdentifier(element.name)) this.bind(element, bodyBinding(element.name.text, pattern.parent));
    else if (element) {
      const binding = this.signature.topBinding!;
      this.uses.push({ kind: 'destructure', binding, ref: context, replaced: context, unfixable: true });
    }
  }

  private onRef(ref: ts.Expression, binding: Binding): void {
    const c = classify(ref);
    if (c === 'alias') {
      // `const p = context.params` — `p` is the Promise too.
      let top: ts.Node = ref;
      while (!ts.isVariableDeclaration(top)) top = top.parent;
      this.bind(top, bodyBinding(((top as ts.VariableDeclaration).name as ts.Identifier).text, top));
    } else if (c) {
      this.uses.push({ ...c, binding, ref });
    }
  }
}

function collect(fn: FunctionNode, wrapped: boolean, sf: ts.SourceFile): HandlerParams | undefined {
  const contextParam = fn.parameters[1];
  if (!contextParam || !fn.body) return undefined;
  const type = paramsTypeState(contextParam.type, sf);
  // A wrapper (`withAuth(handler)`) may hand the inner function resolved params: only a
  // Promise type written on the inner function tells us what it receives.
  if (wrapped && type.kind !== 'promise') return undefined;
  const signature = signatureOf(contextParam, sf);
  if (!signature) return undefined;
  const collector = new ParamsUseCollector(contextParam, signature, sf);
  collector.walk(fn.body);
  const { uses } = collector;
  const { nested, topBinding } = signature;
  if (!nested && uses.length === 0 && type.kind !== 'plain') return undefined;
  return { fn, contextParam, uses, ...(nested ? { nested } : {}), type, ...(topBinding ? { topBinding } : {}) };
}

/** A property name, or the name a variable declaration introduces: not a reference to a variable. */
function isNameNotReference(id: ts.Identifier): boolean {
  const p = id.parent;
  return isPropertyName(id) || (ts.isVariableDeclaration(p) && p.name === id);
}

/** Every identifier text in `fn` used as a variable (declared or referenced), for shadowing checks. */
function identifiersIn(fn: FunctionNode): Set<string> {
  const out = new Set<string>();
  const walk = (n: ts.Node): void => {
    if (ts.isTypeNode(n)) return;
    if (ts.isIdentifier(n)) {
      if (!isPropertyName(n)) out.add(n.text);
      return;
    }
    ts.forEachChild(n, walk);
  };
  ts.forEachChild(fn, walk);
  return out;
}

const messages = {
  syncAccess:
    '`params` is a Promise since Next.js 15: `{{expr}}` logs a warning in 15 and is `undefined` in 16. Read it with `const { {{names}} } = await {{access}}`.',
  destructuredInSignature:
    '`{ params: { … } }` reads `params` synchronously, but it is a Promise since Next.js 15: these values are `undefined` in 16. Take `{ params }` and write `const { … } = await params` in the body.',
  plainType:
    '`params` is typed as a plain object, but since Next.js 15 it is a Promise and `next build` fails ("… is not a valid type for the function\'s second argument"). Type it `Promise<{ {{names}} }>` and await it.',
};

type Ctx = RuleContext<keyof typeof messages>;

/** `Promise<{ … }>` for the route's params (or, when the route is unknown, the names read). */
function promiseType(routeParams: readonly RouteParam[], accessed: readonly string[]): string {
  const members = routeParams.length ? routeParams.map(paramType) : accessed.map((n) => `${n}: string`);
  return members.length ? `Promise<{ ${members.join('; ')} }>` : 'Promise<{}>';
}

/** `async` added after `export` / `export default` and before `function`, or at the start of an arrow. */
function addAsyncEdit(fn: FunctionNode, sf: ts.SourceFile): EditSpec | undefined {
  if (isAsync(fn)) return undefined;
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.asteriskToken) return undefined;
  const mods = ts.canHaveModifiers(fn) ? ts.getModifiers(fn) : undefined;
  const at = mods?.length ? mods[mods.length - 1]!.end : fn.getStart(sf);
  return mods?.length ? { start: at, end: at, text: ' async' } : { start: at, end: at, text: 'async ' };
}

/** The findings of one handler share one fix, computed once when asked for. */
function sharedFix(hp: HandlerParams, env: FixEnv): () => FixSpec | undefined {
  let fixed: FixSpec | undefined | null = null;
  return () => (fixed === null ? (fixed = awaitParamsFix(hp, env)) : fixed);
}

/** `params.id` read synchronously: the message shows the expression and what to destructure. */
function reportSyncAccess(ctx: Ctx, use: ParamsUse, allNames: readonly string[], fix: () => FixSpec | undefined): void {
  const expr = use.replaced.getText(ctx.sourceFile);
  ctx.report({
    node: use.replaced,
    messageId: 'syncAccess',
    data: {
      expr: expr.length > 40 ? `${expr.slice(0, 37)}…` : expr,
      names: use.name && IDENT.test(use.name) ? use.name : allNames.join(', ') || '…',
      access: use.binding.access,
    },
    fix,
  });
}

/** What a plain-object `params` type is reported with, and the fix that goes with it. */
interface PlainTypeReport {
  readonly type: Extract<TypeState, { kind: 'plain' }>;
  readonly allNames: readonly string[];
  readonly fix: () => FixSpec | undefined;
  /** Shared type aliases reported already (once per file). */
  readonly sharedTypes: Set<ts.Node>;
}

/**
 * A plain-object `params` type. Written on the handler, the handler's fix rewrites it; a type
 * alias several handlers may share gets its own fix, so each handler's fix stays independent.
 */
function reportPlainType(ctx: Ctx, { type, allNames, fix, sharedTypes }: PlainTypeReport): void {
  const routeParams = ctx.route?.params ?? [];
  const members = routeParams.length ? routeParams.map(paramType) : allNames.map((n) => `${n}: string`);
  const data = { names: members.join('; ') || '…' };
  if (!type.shared) {
    ctx.report({ node: type.node, messageId: 'plainType', data, fix });
    return;
  }
  if (sharedTypes.has(type.node)) return;
  sharedTypes.add(type.node);
  const node = type.node;
  const edits = [{ start: node.getStart(ctx.sourceFile), end: node.end, text: promiseType(routeParams, allNames) }];
  const ownFix = { title: 'Type params as a Promise (Next.js 15+)', edits };
  ctx.report({ node, messageId: 'plainType', data, ...(ctx.style.typescript ? { fix: ownFix } : {}) });
}

function reportHandler(ctx: Ctx, hp: HandlerParams, sharedTypes: Set<ts.Node>): void {
  const routeParams = ctx.route?.params ?? [];
  const fix = sharedFix(hp, { sf: ctx.sourceFile, style: ctx.style, routeParams });
  const read = hp.uses.flatMap((u) => (u.name && IDENT.test(u.name) ? [u.name] : []));
  const allNames = [...new Set([...routeParams.map((p) => p.name), ...read])];
  if (hp.nested) ctx.report({ node: hp.nested, messageId: 'destructuredInSignature', fix });
  for (const use of hp.uses) reportSyncAccess(ctx, use, allNames, fix);
  if (hp.type.kind === 'plain') reportPlainType(ctx, { type: hp.type, allNames, fix, sharedTypes });
}

export default defineRule({
  id: 'await-params',
  meta: {
    description:
      '`params` read without `await` (`params.id`, destructured in the signature, spread) or typed as a plain object.',
    defaultSeverity: 'error',
    fixable: 'safe',
    minNextMajor: 15,
  },
  appliesTo: (s) => s.handlers.length > 0 && s.mentions('params'),
  messages,
  create(ctx) {
    return {
      onEnd() {
        const seen = new Set<ts.Node>();
        const sharedTypes = new Set<ts.Node>();
        for (const h of ctx.handlers) {
          if (!h.fn || seen.has(h.fn) || !isFunctionNode(h.fn)) continue;
          seen.add(h.fn);
          const hp = collect(h.fn, !!h.wrapper, ctx.sourceFile);
          if (hp) reportHandler(ctx, hp, sharedTypes);
        }
      },
    };
  },
});

function bindingNames(pattern: ts.ObjectBindingPattern, sf: ts.SourceFile): string[] {
  return pattern.elements.flatMap((e) => {
    const key = (e.propertyName ?? e.name).getText(sf);
    return e.dotDotDotToken || !IDENT.test(key) ? [] : [key];
  });
}

/** What the fix needs from the rule's context. */
interface FixEnv {
  readonly sf: ts.SourceFile;
  readonly style: CodeStyle;
  readonly routeParams: readonly RouteParam[];
}

/** The rewrite of the uses: edits, the names to destructure, and the binding they are read through. */
interface UsesRewrite {
  readonly edits: EditSpec[];
  readonly accessed: string[];
  readonly binding?: Binding;
}

/** A `const …` the fix adds: after the statement that declares the binding, or first in the body. */
interface AddedDeclaration {
  readonly at?: ts.Statement;
  readonly text: string;
}

/**
 * The fix: `params.id` → `id` with `const { id } = await params` added, other uses → `await params`,
 * `{ params: { id } }` in the signature → `{ params }`, the handler made async and, in TS, its
 * context typed `Promise<…>`. Undefined when some use cannot be rewritten safely.
 */
function awaitParamsFix(hp: HandlerParams, env: FixEnv): FixSpec | undefined {
  const body = hp.fn.body;
  if (!body) return undefined;
  const semi = env.style.semicolons ? ';' : '';
  const edits: EditSpec[] = [];
  if (hp.nested) edits.push({ start: hp.nested.getStart(env.sf), end: hp.nested.end, text: 'params' });
  const rewrite = rewriteUses(hp, env.sf);
  if (!rewrite) return undefined;
  edits.push(...rewrite.edits);
  const decls: AddedDeclaration[] = [];
  // `{ params: { id, slug: path = [] } }` → `{ params }` + `const { id, slug: path = [] } = await params`
  if (hp.nested) decls.push({ text: `const ${hp.nested.name.getText(env.sf)} = await params${semi}` });
  if (rewrite.accessed.length) {
    const binding = rewrite.binding!;
    decls.push({
      ...(binding.statement ? { at: binding.statement } : {}),
      text: `const { ${rewrite.accessed.join(', ')} } = await ${binding.access}${semi}`,
    });
  }
  edits.push(...declarationEdits(decls, hp.fn, body, env));
  const asyncEdit = hp.uses.length || hp.nested ? addAsyncEdit(hp.fn, env.sf) : undefined;
  if (asyncEdit) edits.push(asyncEdit);
  if (env.style.typescript) edits.push(...typeEdits(hp, rewrite.accessed, env));
  return edits.length ? { title: 'Await params (Next.js 15+)', edits } : undefined;
}

/** Whether the expression is written to (`x = …`, `x += …`, `delete x`, `x++`, `--x`). */
function isWrittenTo(expr: ts.Expression): boolean {
  const p = expr.parent;
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    return p.left === expr && op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
  }
  if (ts.isPrefixUnaryExpression(p))
    return p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken;
  return ts.isDeleteExpression(p) || ts.isPostfixUnaryExpression(p);
}

/**
 * `params.id` → `id` (collecting `id` to destructure), any other use → `await params`. Undefined
 * when a read cannot be named, is written to, goes through two bindings, or would clash with a name in use.
 */
function rewriteUses(hp: HandlerParams, sf: ts.SourceFile): UsesRewrite | undefined {
  const edits: EditSpec[] = [];
  const accessed: string[] = [];
  let binding: Binding | undefined;
  const used = identifiersIn(hp.fn);
  for (const use of hp.uses) {
    if (use.unfixable) return undefined;
    if (use.kind !== 'property') {
      edits.push({ start: use.replaced.getStart(sf), end: use.replaced.end, text: `await ${use.ref.getText(sf)}` });
      continue;
    }
    const n = use.name;
    if (!n || !IDENT.test(n)) return undefined; // `params[key]`: we cannot name it
    if (isWrittenTo(use.replaced)) return undefined;
    if (binding && binding !== use.binding) return undefined; // reads through two different bindings
    binding = use.binding;
    if (!accessed.includes(n)) {
      if (used.has(n)) return undefined; // `const { id }` would shadow or clash with an `id` already in use
      accessed.push(n);
    }
    const p = use.replaced.parent;
    const sameKey =
      ts.isPropertyAssignment(p) && p.initializer === use.replaced && ts.isIdentifier(p.name) && p.name.text === n;
    if (sameKey)
      edits.push({ start: p.getStart(sf), end: p.end, text: n }); // `{ id: params.id }` → `{ id }`
    else edits.push({ start: use.replaced.getStart(sf), end: use.replaced.end, text: n });
  }
  return { edits, accessed, ...(binding ? { binding } : {}) };
}

/** Edits adding the declarations: after their statement, or at the top of the body. */
function declarationEdits(
  decls: readonly AddedDeclaration[],
  fn: FunctionNode,
  body: ts.ConciseBody,
  env: FixEnv,
): EditSpec[] {
  const edits: EditSpec[] = [];
  for (const d of decls) {
    if (!d.at) continue;
    const at = d.at.end;
    edits.push({ start: at, end: at, text: `\n${indentationAt(env.sf.text, d.at.getStart(env.sf))}${d.text}` });
  }
  const lines = decls.filter((d) => !d.at).map((d) => d.text);
  if (lines.length === 0) return edits;
  if (ts.isBlock(body)) edits.push(topOfBlockEdit(lines, fn, body, env));
  else edits.push(...blockBodyEdits(lines, fn, body, env));
  return edits;
}

/** Lines added first in a block body. */
function topOfBlockEdit(lines: readonly string[], fn: FunctionNode, body: ts.Block, env: FixEnv): EditSpec {
  const { sf } = env;
  const first = body.statements[0];
  const open = body.getStart(sf) + 1;
  const line = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line;
  if (first && line(first.getStart(sf)) > line(open)) {
    // Right after `{`, so comments above the first statement stay with it.
    const indent = indentationAt(env.sf.text, first.getStart(sf));
    return { start: open, end: open, text: lines.map((l) => `\n${indent}${l}`).join('') };
  }
  if (first) return { start: first.getStart(sf), end: first.getStart(sf), text: lines.map((l) => `${l} `).join('') };
  const indent = indentationAt(env.sf.text, fn.getStart(sf));
  return {
    start: open,
    end: open,
    text: lines.map((l) => `\n${indent}${env.style.indentUnit}${l}`).join('') + `\n${indent}`,
  };
}

/** `async (req, { params }) => Response.json(…)` → a block body with the lines that returns it. */
function blockBodyEdits(lines: readonly string[], fn: FunctionNode, expr: ts.Expression, env: FixEnv): EditSpec[] {
  const base = indentationAt(env.sf.text, fn.getStart(env.sf));
  const inner = base + env.style.indentUnit;
  const semi = env.style.semicolons ? ';' : '';
  const start = expr.getStart(env.sf);
  return [
    { start, end: start, text: `{\n${lines.map((l) => `${inner}${l}\n`).join('')}${inner}return ` },
    { start: expr.end, end: expr.end, text: `${semi}\n${base}}` },
  ];
}

/** In TS: the context's plain `params` type → `Promise<…>`, or a type added to an untyped context. */
function typeEdits(hp: HandlerParams, accessed: readonly string[], env: FixEnv): EditSpec[] {
  const names = accessed.length
    ? accessed
    : hp.nested
      ? bindingNames(hp.nested.name as ts.ObjectBindingPattern, env.sf)
      : [];
  if (hp.type.kind === 'plain' && !hp.type.shared)
    return [{ start: hp.type.node.getStart(env.sf), end: hp.type.node.end, text: promiseType(env.routeParams, names) }];
  if (hp.type.kind === 'none' && !hp.contextParam.questionToken) {
    const at = hp.contextParam.name.end;
    return [{ start: at, end: at, text: `: { params: ${promiseType(env.routeParams, names)} }` }];
  }
  return [];
}

/**
 * Where the parsed request body lives and goes: the variables bound to `await request.json()`
 * (whole or destructured), the checks made on them (schema `.parse/.safeParse`, validators,
 * `typeof`/required checks in conditions), and the writes they reach (`db.x.create(body)`,
 * `prisma.x.update({ data: { ...body } })`, `Object.assign(row, body)`). Shared by
 * `validate-input` and `no-mass-assignment`; computed once per document, and only for the
 * functions that read a body (one walk of each such function).
 */
import * as ts from 'typescript';
import { calleeName, findDeclaration, isPropertyName, unwrap, type FunctionNode } from '../../ast/query';
import type { BodyRead } from '../../nextjs/requestReads';
import type { RuleContext } from '../rule';

export interface BodyBinding {
  readonly read: BodyRead;
  readonly fn: FunctionNode;
  /** `data` in `const data = await request.json()` (or the rest element of a destructuring). */
  readonly name?: string;
  /** The declaration `name` resolves to (to tell it from a shadowing name in a callback). */
  readonly nameDecl?: ts.Node;
  /** Destructured fields: body key → local name and its declaration (`{ email, name: fullName }`). */
  readonly fields: ReadonlyMap<string, { readonly local: string; readonly decl: ts.Node }>;
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
  /** Under a filter key of the call's argument (`where`, `select`, …): a query, not written data. */
  readonly inFilter: boolean;
}

export interface Validation {
  /** The whole body went through a schema/validator call or a whole-value type check. */
  readonly whole: boolean;
  /** Fields checked in conditions or validator calls (`!data.title`, `typeof email`). */
  readonly fields: ReadonlySet<string>;
}

/** Method names of calls that persist data. */
const WRITE_METHODS = new Set([
  'create',
  'createMany',
  'createManyAndReturn',
  'insert',
  'insertOne',
  'insertMany',
  'update',
  'updateOne',
  'updateMany',
  'upsert',
  'save',
  'replaceOne',
  'findOneAndUpdate',
  'findByIdAndUpdate',
  'findOneAndReplace',
  'merge',
  'persist',
  'values',
  'set',
]);

/** Keys of an ORM call's argument that select rows rather than carry written data. */
const FILTER_KEYS = new Set([
  'where',
  'select',
  'include',
  'omit',
  'orderBy',
  'cursor',
  'distinct',
  'filter',
  'having',
  '$match',
]);

/** Calls that validate their argument. */
const VALIDATOR =
  /^(parse|safeParse|parseAsync|safeParseAsync|validate|validateSync|validateAsync|assert\w*|is[A-Z]\w*|check\w*|decode|verify\w*|sanitize\w*|superRefine)$/;

/** Explicit conversions: the value that reaches the write has the type the code chose. */
/** Conversions on purpose; `JSON.stringify(body)` stores or signs the text, it assigns no column. */
const COERCION =
  /^(String|Number|Boolean|BigInt|parseInt|parseFloat|Number\.parseInt|Number\.parseFloat|JSON\.stringify)$/;

export function calleeText(call: ts.CallExpression, sf: ts.SourceFile): string {
  const text = call.expression.getText(sf).replace(/\s+/g, '');
  return text.length > 60 ? text.slice(0, 57) + '…' : text;
}

function bindingFor(read: BodyRead): Omit<BodyBinding, 'read' | 'fn'> | undefined {
  if (!read.awaitNode) return undefined;
  let node: ts.Node = read.awaitNode;
  while (
    ts.isParenthesizedExpression(node.parent) ||
    ts.isAsExpression(node.parent) ||
    ts.isSatisfiesExpression(node.parent)
  )
    node = node.parent;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === node) {
    if (ts.isIdentifier(parent.name))
      return { name: parent.name.text, nameDecl: parent, fields: new Map(), binding: parent };
    if (ts.isObjectBindingPattern(parent.name)) {
      const fields = new Map<string, { local: string; decl: ts.Node }>();
      let rest: ts.BindingElement | undefined;
      for (const el of parent.name.elements) {
        if (el.dotDotDotToken) {
          if (ts.isIdentifier(el.name)) rest = el;
          continue;
        }
        const key =
          el.propertyName && (ts.isIdentifier(el.propertyName) || ts.isStringLiteral(el.propertyName))
            ? el.propertyName.text
            : ts.isIdentifier(el.name)
              ? el.name.text
              : undefined;
        if (key && ts.isIdentifier(el.name)) fields.set(key, { local: el.name.text, decl: el });
      }
      return rest && ts.isIdentifier(rest.name)
        ? { name: rest.name.text, nameDecl: rest, fields, binding: parent }
        : { fields, binding: parent };
    }
  }
  if (
    ts.isBinaryExpression(parent) &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    parent.right === node &&
    ts.isIdentifier(parent.left)
  ) {
    const decl = findDeclaration(parent.left.text, parent.left);
    return { name: parent.left.text, ...(decl ? { nameDecl: decl } : {}), fields: new Map(), binding: parent };
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
    if (binding.name !== undefined && node.text === binding.name)
      return sameDecl(node, binding.nameDecl) ? { kind: 'whole' } : undefined;
    for (const [field, f] of binding.fields)
      if (f.local === node.text) return sameDecl(node, f.decl) ? { kind: 'field', field } : undefined;
    return undefined;
  }
  if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && binding.name !== undefined) {
    const obj = unwrap(node.expression);
    if (ts.isIdentifier(obj) && obj.text === binding.name && sameDecl(obj, binding.nameDecl)) {
      const field = ts.isPropertyAccessExpression(node)
        ? node.name.text
        : ts.isStringLiteral(node.argumentExpression)
          ? node.argumentExpression.text
          : '*';
      return { kind: 'field', field };
    }
  }
  return undefined;
}

/** The identifier resolves to `decl` (not to a parameter or local of the same name in a callback). */
function sameDecl(id: ts.Identifier, decl: ts.Node | undefined): boolean {
  if (!decl) return true;
  return !isPropertyName(id) && findDeclaration(id.text, id) === decl;
}

/** Is `node` the binding's declaration name itself (not a use)? */
function isDeclarationName(binding: BodyBinding, node: ts.Node): boolean {
  return (
    node.pos >= binding.binding.pos &&
    node.end <= binding.binding.end &&
    !(ts.isBinaryExpression(binding.binding) && node.pos >= binding.binding.right.pos)
  );
}

function walkFunction(fn: FunctionNode, visit: (n: ts.Node) => void): void {
  const walk = (n: ts.Node): void => {
    visit(n);
    ts.forEachChild(n, walk);
  };
  if (fn.body) walk(fn.body);
}

/** The checks found so far while walking a function. */
interface FoundChecks {
  whole: boolean;
  readonly fields: Set<string>;
}

/** What a reference to the whole body is checked with: `typeof body`, `Array.isArray(body)`, `body instanceof X`, `'title' in body`. */
function noteWholeCheck(ref: ts.Node, found: FoundChecks, sf: ts.SourceFile): void {
  const p = ref.parent;
  if (
    ts.isTypeOfExpression(p) ||
    (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) ||
    (ts.isCallExpression(p) && /isArray|isPlainObject|isObject/.test(p.expression.getText(sf)))
  )
    found.whole = true;
  else if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.InKeyword && ts.isStringLiteral(p.left))
    found.fields.add(p.left.text);
}

/** The references to the body inside a condition (or a validator's argument): what they check. */
function noteReferencesIn(binding: BodyBinding, expr: ts.Node, found: FoundChecks, sf: ts.SourceFile): void {
  const walk = (n: ts.Node): void => {
    const ref = referenceOf(binding, n);
    if (!ref || isDeclarationName(binding, n)) ts.forEachChild(n, walk);
    else if (ref.kind === 'whole') noteWholeCheck(n, found, sf);
    else if (ref.field) found.fields.add(ref.field);
  };
  walk(expr);
}

/** `validate(body)`, `isEmail(body.email)`, `assert(typeof body.title === 'string')`. */
function noteValidatorCall(binding: BodyBinding, call: ts.CallExpression, found: FoundChecks, sf: ts.SourceFile): void {
  const name = calleeName(call);
  if (!name || !VALIDATOR.test(name)) return;
  for (const arg of call.arguments) {
    const ref = referenceOf(binding, unwrap(arg));
    if (ref?.kind === 'whole') found.whole = true;
    else if (ref?.field) found.fields.add(ref.field);
    else noteReferencesIn(binding, arg, found, sf);
  }
}

/** The expression a statement or expression branches on: `if`, `while`, `? :`, `switch`, and `a && b;` / `a || b;` statements. */
function conditionOf(n: ts.Node): ts.Expression | undefined {
  if (ts.isIfStatement(n) || ts.isWhileStatement(n) || ts.isSwitchStatement(n)) return n.expression;
  if (ts.isConditionalExpression(n)) return n.condition;
  if (
    ts.isBinaryExpression(n) &&
    (n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ||
      n.operatorToken.kind === ts.SyntaxKind.BarBarToken) &&
    ts.isExpressionStatement(n.parent)
  )
    return n.left;
  return undefined;
}

/** The checks made on a body binding in its function before position `before`. */
export function validationOf<M extends string>(
  ctx: RuleContext<M>,
  binding: BodyBinding,
  before = Infinity,
): Validation {
  const key = `analysis:validation:${binding.binding.pos}:${before}`;
  return ctx.doc.memo(key, () => {
    const found: FoundChecks = { whole: false, fields: new Set<string>() };
    walkFunction(binding.fn, (n) => {
      if (n.pos >= before) return;
      const condition = conditionOf(n);
      if (ts.isCallExpression(n)) noteValidatorCall(binding, n, found, ctx.sourceFile);
      else if (condition) noteReferencesIn(binding, condition, found, ctx.sourceFile);
    });
    return found;
  });
}

function receiverText(call: ts.CallExpression): string {
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression).getText() : '';
}

/** `db.x.create(…)`, `prisma.x.update(…)`, `db.insert(t).values(…)`, `Object.assign(row, …)`: a call that persists its arguments. */
export function isWriteCall(call: ts.CallExpression): boolean {
  const name = calleeName(call);
  if (!name) return false;
  if (WRITE_METHODS.has(name)) {
    // A write is a method on some object; `new Set().values()`, `map.set(k, v)`, `headers.set(…)` are not.
    if (!ts.isPropertyAccessExpression(unwrap(call.expression))) return false;
    if (name === 'values') return call.arguments.length > 0;
    // `createHmac(…).update(payload)`, `hash.update(payload)`: hashing, nothing is written
    if (name === 'update' && /create(Hmac|Hash)\(|^(hmac|hash|hasher|digest)$/i.test(receiverText(call))) return false;
    // Drizzle's `.update(table).set({...})`: `set` is a write only after `update(…)`
    if (name === 'set') {
      const obj = unwrap((unwrap(call.expression) as ts.PropertyAccessExpression).expression);
      return ts.isCallExpression(obj) && calleeName(obj) === 'update';
    }
    return true;
  }
  return name === 'assign' && /^Object\.assign$/.test(call.expression.getText());
}

/** The position from which `n` makes the body's variable hold something else (`data = Schema.parse(data)`). */
function reassignmentAt(binding: BodyBinding, n: ts.Node): number {
  if (
    binding.name === undefined ||
    !ts.isBinaryExpression(n) ||
    n.operatorToken.kind !== ts.SyntaxKind.EqualsToken ||
    n === binding.binding
  )
    return Infinity;
  const left = unwrap(n.left);
  return ts.isIdentifier(left) && left.text === binding.name && sameDecl(left, binding.nameDecl) ? n.pos : Infinity;
}

/** One write call's arguments being searched for the body. */
interface WriteArguments {
  readonly binding: BodyBinding;
  readonly call: ts.CallExpression;
  readonly callee: string;
  /** `Object.assign(row, body)`: every argument after the target is spread in. */
  readonly isAssign: boolean;
  readonly sf: ts.SourceFile;
  readonly seen: Set<ts.Node>;
  readonly sinks: BodySink[];
}

/** Where the search goes inside an argument: through spreads, object and array literals. */
interface ArgumentPlace {
  readonly viaSpread: boolean;
  readonly inFilter: boolean;
}

/** Expressions whose operands still reach the write (`slugify(body.title)`, `body.tags.map(...)`, `` `${body.a}` ``); functions are not followed. */
function passesOperandsOn(e: ts.Node): boolean {
  return (
    ts.isCallExpression(e) ||
    ts.isTemplateExpression(e) ||
    ts.isBinaryExpression(e) ||
    ts.isConditionalExpression(e) ||
    ts.isPropertyAccessExpression(e) ||
    ts.isAwaitExpression(e)
  );
}

function visitObjectArgument(w: WriteArguments, obj: ts.ObjectLiteralExpression, inFilter: boolean): void {
  for (const p of obj.properties) {
    const filter = inFilter || (!!p.name && ts.isIdentifier(p.name) && FILTER_KEYS.has(p.name.text));
    if (ts.isPropertyAssignment(p)) visitArgument(w, p.initializer, { viaSpread: false, inFilter: filter });
    else if (ts.isShorthandPropertyAssignment(p)) visitArgument(w, p.name, { viaSpread: false, inFilter: filter });
    else if (ts.isSpreadAssignment(p)) visitArgument(w, p.expression, { viaSpread: true, inFilter });
  }
}

function visitArgument(w: WriteArguments, a: ts.Node, place: ArgumentPlace): void {
  const inner = ts.isExpression(a) ? unwrap(a) : a;
  if (w.seen.has(inner)) return;
  const ref = referenceOf(w.binding, inner);
  if (ref) {
    w.seen.add(inner);
    if (isDeclarationName(w.binding, inner)) return;
    w.sinks.push({
      call: w.call,
      callee: w.callee,
      node: inner,
      kind: ref.kind === 'field' ? 'field' : place.viaSpread || w.isAssign ? 'spread' : 'whole',
      ...(ref.field ? { field: ref.field } : {}),
      inFilter: place.inFilter,
    });
    return;
  }
  const plain = { viaSpread: false, inFilter: place.inFilter };
  if (ts.isSpreadAssignment(inner) || ts.isSpreadElement(inner))
    visitArgument(w, inner.expression, { viaSpread: true, inFilter: place.inFilter });
  else if (ts.isObjectLiteralExpression(inner)) visitObjectArgument(w, inner, place.inFilter);
  else if (ts.isArrayLiteralExpression(inner)) inner.elements.forEach((e) => visitArgument(w, e, plain));
  else if (passesOperandsOn(inner) && !isCoercion(inner, w.sf))
    ts.forEachChild(inner, (c) => visitArgument(w, c, plain));
}

/** `String(body.title)`, `Number(body.qty)`: converted on purpose. */
function isCoercion(e: ts.Node, sf: ts.SourceFile): boolean {
  return ts.isCallExpression(e) && COERCION.test(e.expression.getText(sf));
}

/** The places a write call's arguments take the body. */
function writeCallSinks(binding: BodyBinding, call: ts.CallExpression, sf: ts.SourceFile): BodySink[] {
  const isAssign = calleeName(call) === 'assign';
  const sinks: BodySink[] = [];
  const w: WriteArguments = { binding, call, callee: calleeText(call, sf), isAssign, sf, seen: new Set(), sinks };
  for (const a of isAssign ? call.arguments.slice(1) : call.arguments)
    visitArgument(w, a, { viaSpread: false, inFilter: false });
  return sinks;
}

/** Where the body reaches a write call's arguments (uses after a reassignment of the variable are dropped). */
export function sinksOf<M extends string>(ctx: RuleContext<M>, binding: BodyBinding): readonly BodySink[] {
  return ctx.doc.memo(`analysis:sinks:${binding.binding.pos}`, () => {
    const sinks: BodySink[] = [];
    let reassignedAt = Infinity;
    walkFunction(binding.fn, (n) => {
      reassignedAt = Math.min(reassignedAt, reassignmentAt(binding, n));
      if (ts.isCallExpression(n) && isWriteCall(n)) sinks.push(...writeCallSinks(binding, n, ctx.sourceFile));
    });
    return sinks.filter((s) => s.call.pos < reassignedAt);
  });
}

/**
 * The one sink `validate-input` reports for a binding: the first write reached with no
 * validation before it. A whole-value check or schema parse validates everything; a field
 * sink needs that field checked; a whole/spread sink passes once any field was checked
 * (required-field checks: `no-mass-assignment` then speaks for the extra keys).
 */
export function unvalidatedSink<M extends string>(ctx: RuleContext<M>, binding: BodyBinding): BodySink | undefined {
  return ctx.doc.memo(`analysis:unvalidated:${binding.binding.pos}`, () => {
    for (const sink of sinksOf(ctx, binding)) {
      const v = validationOf(ctx, binding, sink.call.pos);
      if (v.whole) return undefined;
      if (sink.kind === 'field') {
        if (v.fields.has(sink.field!) || v.fields.has('*')) continue;
        return sink;
      }
      if (v.fields.size > 0) return undefined;
      return sink;
    }
    return undefined;
  });
}

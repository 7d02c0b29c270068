/**
 * VS Code's snippet syntax (https://code.visualstudio.com/docs/editing/userdefinedsnippets#_snippet-syntax),
 * parsed and expanded the way the editor does it: a placeholder's default is mirrored into
 * every other occurrence of its tab stop, a choice takes its first option, variables resolve
 * through their transforms. Used to preview a snippet in the completion list and, in tests,
 * to expand every snippet with its defaults before type-checking and linting it.
 */

export type SnippetNode =
  | { readonly kind: 'text'; readonly value: string }
  | {
      readonly kind: 'tabstop';
      readonly index: number;
      /** The default (`${1:default}`); empty for `$1`. */
      readonly children: readonly SnippetNode[];
      readonly choices?: readonly string[];
      readonly transform?: Transform;
    }
  | {
      readonly kind: 'variable';
      readonly name: string;
      readonly children: readonly SnippetNode[];
      readonly transform?: Transform;
    };

export interface Transform {
  readonly regex: RegExp;
  readonly format: readonly FormatPart[];
}

export type FormatPart =
  | string
  | { readonly group: number; readonly modifier?: string; readonly ifValue?: string; readonly elseValue?: string };

export class SnippetSyntaxError extends Error {}

const DIGIT = /[0-9]/;
const VAR_START = /[_a-zA-Z]/;
const VAR_PART = /[_a-zA-Z0-9]/;

class Parser {
  private pos = 0;
  constructor(private readonly s: string) {}

  parseAll(): SnippetNode[] {
    const nodes = this.parseNodes(false);
    if (this.pos < this.s.length) throw new SnippetSyntaxError(`Unexpected "${this.s[this.pos]}" at ${this.pos}`);
    return nodes;
  }

  /** Nodes up to the end, or up to an unescaped `}` when nested (the `}` is left unread). */
  private parseNodes(nested: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.s.length) {
      const c = this.s[this.pos]!;
      if (c === '\\' && /[$}\\]/.test(this.s[this.pos + 1] ?? '')) {
        text += this.s[this.pos + 1];
        this.pos += 2;
      } else if (c === '}' && nested) {
        break;
      } else if (c === '$') {
        const start = this.pos;
        const node = this.tryDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          this.pos = start + 1;
          text += '$';
        }
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    return nodes;
  }

  private readWhile(re: RegExp): string {
    const start = this.pos;
    while (this.pos < this.s.length && re.test(this.s[this.pos]!)) this.pos++;
    return this.s.slice(start, this.pos);
  }

  private accept(ch: string): boolean {
    if (this.s[this.pos] !== ch) return false;
    this.pos++;
    return true;
  }

  /** At a `$`: a tab stop, placeholder, choice or variable; undefined when it is plain text. */
  private tryDollar(): SnippetNode | undefined {
    this.pos++; // $
    const next = this.s[this.pos] ?? '';
    if (DIGIT.test(next)) return { kind: 'tabstop', index: Number(this.readWhile(DIGIT)), children: [] };
    if (VAR_START.test(next)) return { kind: 'variable', name: this.readWhile(VAR_PART), children: [] };
    if (!this.accept('{')) return undefined;
    if (DIGIT.test(this.s[this.pos] ?? '')) {
      const index = Number(this.readWhile(DIGIT));
      if (this.accept('}')) return { kind: 'tabstop', index, children: [] };
      if (this.accept(':')) {
        const children = this.parseNodes(true);
        if (!this.accept('}')) return undefined;
        return { kind: 'tabstop', index, children };
      }
      if (this.accept('|')) {
        const choices = this.parseChoices();
        return choices && { kind: 'tabstop', index, children: [{ kind: 'text', value: choices[0]! }], choices };
      }
      if (this.s[this.pos] === '/') {
        const transform = this.parseTransform();
        return transform && this.accept('}') ? { kind: 'tabstop', index, children: [], transform } : undefined;
      }
      return undefined;
    }
    if (VAR_START.test(this.s[this.pos] ?? '')) {
      const name = this.readWhile(VAR_PART);
      if (this.accept('}')) return { kind: 'variable', name, children: [] };
      if (this.accept(':')) {
        const children = this.parseNodes(true);
        return this.accept('}') ? { kind: 'variable', name, children } : undefined;
      }
      if (this.s[this.pos] === '/') {
        const transform = this.parseTransform();
        return transform && this.accept('}') ? { kind: 'variable', name, children: [], transform } : undefined;
      }
    }
    return undefined;
  }

  /** After `${1|`: options separated by `,`, closed by `|}` (`\,` `\|` escape). */
  private parseChoices(): string[] | undefined {
    const choices: string[] = [];
    let current = '';
    while (this.pos < this.s.length) {
      const c = this.s[this.pos]!;
      if (c === '\\' && /[,|\\$}]/.test(this.s[this.pos + 1] ?? '')) {
        current += this.s[this.pos + 1];
        this.pos += 2;
      } else if (c === ',') {
        choices.push(current);
        current = '';
        this.pos++;
      } else if (c === '|' && this.s[this.pos + 1] === '}') {
        choices.push(current);
        this.pos += 2;
        return choices;
      } else {
        current += c;
        this.pos++;
      }
    }
    return undefined;
  }

  /** `/regex/format/options`, as VS Code reads it (`\/` is a slash inside the regex). */
  private parseTransform(): Transform | undefined {
    this.pos++; // /
    let source = '';
    while (this.pos < this.s.length && this.s[this.pos] !== '/') {
      if (this.s[this.pos] === '\\' && this.s[this.pos + 1] === '/') {
        source += '/';
        this.pos += 2;
      } else if (this.s[this.pos] === '\\') {
        source += this.s.slice(this.pos, this.pos + 2);
        this.pos += 2;
      } else source += this.s[this.pos++];
    }
    if (!this.accept('/')) return undefined;
    const format: FormatPart[] = [];
    let text = '';
    while (this.pos < this.s.length && this.s[this.pos] !== '/') {
      const c = this.s[this.pos]!;
      if (c === '\\' && /[/$\\}]/.test(this.s[this.pos + 1] ?? '')) {
        text += this.s[this.pos + 1];
        this.pos += 2;
      } else if (c === '$') {
        const part = this.parseFormatPart();
        if (part === undefined) return undefined;
        if (text) format.push(text);
        text = '';
        format.push(part);
      } else {
        text += c;
        this.pos++;
      }
    }
    if (text) format.push(text);
    if (!this.accept('/')) return undefined;
    const options = this.readWhile(/[a-z]/);
    try {
      return { regex: new RegExp(source, options), format };
    } catch (e) {
      throw new SnippetSyntaxError(`Invalid transform regex /${source}/${options}: ${(e as Error).message}`);
    }
  }

  private parseFormatPart(): FormatPart | undefined {
    this.pos++; // $
    if (DIGIT.test(this.s[this.pos] ?? '')) return { group: Number(this.readWhile(DIGIT)) };
    if (!this.accept('{')) return undefined;
    const group = Number(this.readWhile(DIGIT));
    if (this.accept('}')) return { group };
    if (!this.accept(':')) return undefined;
    const until = (stops: string): string => {
      let out = '';
      while (this.pos < this.s.length && !stops.includes(this.s[this.pos]!)) {
        if (this.s[this.pos] === '\\' && this.pos + 1 < this.s.length) {
          out += this.s[this.pos + 1];
          this.pos += 2;
        } else out += this.s[this.pos++];
      }
      return out;
    };
    let part: FormatPart;
    if (this.accept('/')) part = { group, modifier: this.readWhile(/[a-z]/) };
    else if (this.accept('+')) part = { group, ifValue: until('}') };
    else if (this.accept('?')) {
      const ifValue = until(':');
      if (!this.accept(':')) return undefined;
      part = { group, ifValue, elseValue: until('}') };
    } else if (this.accept('-')) part = { group, elseValue: until('}') };
    else part = { group, elseValue: until('}') };
    return this.accept('}') ? part : undefined;
  }
}

export function parseSnippet(body: string): SnippetNode[] {
  return new Parser(body).parseAll();
}

const MODIFIERS: Record<string, (v: string) => string> = {
  upcase: (v) => v.toUpperCase(),
  downcase: (v) => v.toLowerCase(),
  capitalize: (v) => (v ? v[0]!.toUpperCase() + v.slice(1) : v),
  camelcase: (v) =>
    v
      .replace(/[-_\s]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))
      .replace(/^./, (c) => c.toLowerCase()),
  pascalcase: (v) => v.replace(/(?:^|[-_\s]+)(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
};

export function applyTransform(value: string, transform: Transform): string {
  return value.replace(transform.regex, (...args: unknown[]) => {
    // (match, p1, …, pn, offset, string[, groups]): the captures end where the offset starts.
    const groups = args.slice(
      0,
      args.findIndex((a, i) => i > 0 && typeof a === 'number'),
    ) as (string | undefined)[];
    return transform.format
      .map((part) => {
        if (typeof part === 'string') return part;
        const v = groups[part.group];
        if (part.modifier) return (MODIFIERS[part.modifier] ?? ((x: string) => x))(v ?? '');
        if (v && part.ifValue !== undefined) return part.ifValue;
        if (!v && part.elseValue !== undefined) return part.elseValue;
        return v ?? '';
      })
      .join('');
  });
}

export interface Expansion {
  readonly text: string;
  /** Offset of the final cursor (`$0`), or the end of the text. */
  readonly cursor: number;
  /** Tab stop indexes in the order Tab visits them (ascending, `$0` last). */
  readonly tabOrder: readonly number[];
}

/**
 * Expands a snippet body with every placeholder at its default, as inserting it and pressing
 * Escape would. `variables` gives the values of `TM_DIRECTORY` and the like.
 */
export function expandSnippet(body: string, variables: Readonly<Record<string, string>> = {}): Expansion {
  const nodes = parseSnippet(body);
  // The first occurrence that carries a default supplies the value of its tab stop.
  const defaults = new Map<number, readonly SnippetNode[]>();
  const indexes = new Set<number>();
  const collect = (list: readonly SnippetNode[]): void => {
    for (const n of list) {
      if (n.kind === 'text') continue;
      if (n.kind === 'tabstop') {
        indexes.add(n.index);
        if (n.children.length && !defaults.has(n.index)) defaults.set(n.index, n.children);
      }
      collect(n.children);
    }
  };
  collect(nodes);
  let cursor = -1;
  const render = (list: readonly SnippetNode[], out: string[], depth: number): void => {
    if (depth > 20) throw new SnippetSyntaxError('Placeholders nest too deeply');
    for (const n of list) {
      if (n.kind === 'text') out.push(n.value);
      else if (n.kind === 'tabstop') {
        if (n.index === 0 && cursor < 0) cursor = out.join('').length;
        const inner: string[] = [];
        render(defaults.get(n.index) ?? [], inner, depth + 1);
        const value = inner.join('');
        out.push(n.transform ? applyTransform(value, n.transform) : value);
      } else {
        const known = variables[n.name];
        if (known !== undefined) out.push(n.transform ? applyTransform(known, n.transform) : known);
        else render(n.children, out, depth + 1);
      }
    }
  };
  const out: string[] = [];
  render(nodes, out, 0);
  const text = out.join('');
  const order = [...indexes].filter((i) => i > 0).sort((a, b) => a - b);
  return { text, cursor: cursor < 0 ? text.length : cursor, tabOrder: indexes.has(0) ? [...order, 0] : order };
}

/** Text that inserts literally inside a snippet (`$`, `}` and `\` escaped). */
export function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

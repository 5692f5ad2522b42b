// Where a JSON path (as `jsonPath` from @compagnon/schema writes it: `guides[2].steps[0].target`,
// `populations.new-hires`, `guides[0]["odd key"]`) sits in the source text, and where a syntax error is.
// A small strict scanner records the offset of every value and member key; values themselves still come from
// JSON.parse. The scanner follows RFC 8259 as JSON.parse does, so both agree on what is valid.

export interface Position {
  /** 1-based */
  line: number;
  /** 1-based, in UTF-16 code units (what editors' "column" means for the BMP) */
  column: number;
}

interface Node {
  /** Offset of the value's first character. */
  start: number;
  /** Offset of the member's key (its opening quote) when the value is an object member. */
  key?: number;
  children?: Map<string | number, Node>;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

function scan(text: string): Node {
  let i = 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(i >= text.length ? `unexpected end of input, ${what}` : `unexpected ${JSON.stringify(text[i])}, ${what}`, i);
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) fail('expected an escape sequence');
        i = ESCAPE.lastIndex;
      } else if (text.charCodeAt(i) < 0x20) fail('control characters must be escaped in strings');
      else i++;
    }
    if (i >= text.length) fail('expected the string\'s closing "');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): Node => {
    ws();
    const node: Node = { start: i };
    const c = text[i];
    if (c === '{') {
      node.children = new Map();
      i++;
      ws();
      if (text[i] === '}') return i++, node;
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a property name in double quotes');
        const key = i;
        const name = string();
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        const child = value();
        child.key = key;
        node.children.set(name, child); // a repeated key: the last wins, as in JSON.parse
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return i++, node;
        else fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      node.children = new Map();
      i++;
      ws();
      if (text[i] === ']') return i++, node;
      for (let n = 0; ; n++) {
        node.children.set(n, value());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return i++, node;
        else fail('expected "," or "]"');
      }
    }
    if (c === '"') return string(), node;
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return (i += word.length), node;
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) return (i = NUMBER.lastIndex), node;
    return fail('expected a value');
  };
  const root = value();
  ws();
  if (i < text.length) fail('expected the end of the document');
  return root;
}

/** `guides[2]["odd key"].id` → `['guides', 2, 'odd key', 'id']` */
export function parsePath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '[') {
      if (path[i + 1] === '"') {
        let j = i + 2;
        while (j < path.length && path[j] !== '"') j += path[j] === '\\' ? 2 : 1;
        parts.push(JSON.parse(path.slice(i + 1, j + 1)) as string);
        i = j + 2; // past `"]`
      } else {
        const j = path.indexOf(']', i);
        parts.push(Number(path.slice(i + 1, j)));
        i = j + 1;
      }
    } else {
      if (path[i] === '.') i++;
      let j = i;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      parts.push(path.slice(i, j));
      i = j;
    }
  }
  return parts;
}

export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export interface Located {
  /** The parsed document. */
  value: unknown;
  /** Where `path` is: a member's key, an item's first character; for a path that does not exist (a missing
   * property), the deepest part of it that does. */
  locate(path: string): Position;
}

/** Parses `text`, throwing a `JsonSyntaxError` (with its offset) when it is not JSON. */
export function parseLocated(text: string): Located {
  const root = scan(text);
  const value = JSON.parse(text) as unknown;
  return {
    value,
    locate(path) {
      let node = root;
      for (const part of parsePath(path)) {
        const next = node.children?.get(part);
        if (!next) break;
        node = next;
      }
      return positionAt(text, node.key ?? node.start);
    },
  };
}

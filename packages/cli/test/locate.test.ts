import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseLocated, parsePath, positionAt } from '../src/locate.ts';

const SOURCE = `{
  "populations": {
    "new-hires": { "when": { "attr": "hiredAt" } },
    "odd key": {}
  },
  "guides": [
    { "id": "a" },
    {
      "id": "b",
      "steps": [ { "target": 5 }, {"title": "x"} ]
    }
  ],
  "weird.\\"name": [1, [2, 3]]
}`;

describe('JSON paths', () => {
  it.each([
    { path: 'guides[2].steps[0].target', parts: ['guides', 2, 'steps', 0, 'target'] },
    { path: 'populations.new-hires.when', parts: ['populations', 'new-hires', 'when'] },
    { path: 'populations["odd key"]', parts: ['populations', 'odd key'] },
    { path: '["weird.\\"name"][1][0]', parts: ['weird."name', 1, 0] },
    { path: '', parts: [] },
  ])('$path', ({ path, parts }) => {
    expect(parsePath(path)).toEqual(parts);
  });
});

describe('locating a path in the source', () => {
  const doc = parseLocated(SOURCE);
  it.each([
    { name: 'the root', path: '', at: [1, 1] },
    { name: 'a member, at its key', path: 'guides', at: [6, 3] },
    { name: 'an array item', path: 'guides[1]', at: [8, 5] },
    { name: 'a deep member', path: 'guides[1].steps[0].target', at: [10, 20] },
    { name: 'a second item on one line', path: 'guides[1].steps[1].title', at: [10, 36] },
    { name: 'a dotted population', path: 'populations.new-hires.when.attr', at: [3, 30] },
    { name: 'a quoted key', path: 'populations["odd key"]', at: [4, 5] },
    { name: 'a key with a quote and a dot', path: '["weird.\\"name"][1][1]', at: [13, 27] },
    { name: 'a missing property: its object', path: 'guides[0].type', at: [7, 5] },
    { name: 'a missing item: its array', path: 'guides[7].id', at: [6, 3] },
  ])('$name', ({ path, at }) => {
    const { line, column } = doc.locate(path);
    expect([line, column]).toEqual(at);
  });

  it('gives the parsed value', () => {
    expect((doc.value as { guides: unknown[] }).guides).toHaveLength(2);
  });
});

describe('syntax errors', () => {
  it.each([
    { name: 'a trailing comma', text: '{\n  "a": 1,\n}', at: [3, 1], message: /property name/ },
    { name: 'a missing comma', text: '[1\n 2]', at: [2, 2], message: /"," or "]"/ },
    { name: 'single quotes', text: "{ 'a': 1 }", at: [1, 3], message: /double quotes/ },
    { name: 'an unterminated string', text: '{"a": "b', at: [1, 9], message: /end of input/ },
    { name: 'a raw newline in a string', text: '["a\nb"]', at: [1, 4], message: /control/ },
    { name: 'a bad escape', text: '["\\x"]', at: [1, 3], message: /escape/ },
    { name: 'garbage after', text: '{} x', at: [1, 4], message: /end of the document/ },
    { name: 'a leading zero', text: '[01]', at: [1, 3], message: /"," or "]"/ },
    { name: 'nothing', text: '  ', at: [1, 3], message: /expected a value/ },
  ])('$name', ({ text, at, message }) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError); // the scanner refuses only what JSON.parse refuses
    let error: unknown;
    try {
      parseLocated(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsonSyntaxError);
    const { line, column } = positionAt(text, (error as JsonSyntaxError).offset);
    expect([line, column]).toEqual(at);
    expect((error as Error).message).toMatch(message);
  });

  it.each(['{"a":[1,-2.5e+3,true,false,null,"\\u00e9\\n"]}', '  []  ', '"x"', '{"a":{},"a":1}'])('accepts %s', (text) => {
    expect(parseLocated(text).value).toEqual(JSON.parse(text));
  });
});

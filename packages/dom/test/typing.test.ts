// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTypingDetector, type TypingDetector } from '../src/typing.ts';

let time = 10_000;
let detector: TypingDetector;
beforeEach(() => {
  time = 10_000;
  document.body.replaceChildren();
  detector = createTypingDetector(document, () => time);
});
afterEach(() => detector.dispose());

const field = (markup: string) => {
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  const el = document.importNode(parsed.body.firstElementChild!, true) as HTMLElement;
  document.body.append(el);
  el.focus();
  return el;
};
const press = (el: Element = document.activeElement!) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true }));

describe('createTypingDetector', () => {
  it.each([
    { name: 'text input', markup: '<input>', typing: true },
    { name: 'email input', markup: '<input type="email">', typing: true },
    { name: 'textarea', markup: '<textarea></textarea>', typing: true },
    { name: 'select', markup: '<select><option>a</option></select>', typing: true },
    { name: 'contenteditable', markup: '<div contenteditable="true" tabindex="0"></div>', typing: true },
    { name: 'checkbox', markup: '<input type="checkbox">', typing: false },
    { name: 'submit input', markup: '<input type="submit">', typing: false },
    { name: 'button', markup: '<button></button>', typing: false },
  ])('focus in a $name and a key pressed', ({ markup, typing }) => {
    press(field(markup));
    expect(detector.isTyping()).toBe(typing);
  });

  it('needs a key within the last 2 s', () => {
    const input = field('<input>');
    expect(detector.isTyping()).toBe(false);
    press(input);
    time += 1999;
    expect(detector.isTyping()).toBe(true);
    time += 1;
    expect(detector.isTyping()).toBe(false);
  });

  it('needs the focus still in the field', () => {
    press(field('<input>'));
    field('<button></button>');
    expect(detector.isTyping()).toBe(false);
  });

  it('sees a field focused inside an open shadow root', () => {
    const host = document.body.appendChild(document.createElement('x-field'));
    const input = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('input'));
    input.focus();
    press(input);
    expect(detector.isTyping()).toBe(true);
  });

  it('stops listening once disposed', () => {
    const input = field('<input>');
    detector.dispose();
    press(input);
    expect(detector.isTyping()).toBe(false);
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/index.ts';
import { safeHref } from '../src/markdown.ts';

// Serialising the result is only for comparing in the test; the renderer itself never touches HTML strings.
const html = (text: string) => {
  const div = document.createElement('div');
  render(<>{renderMarkdown(text)}</>, div);
  return div.innerHTML;
};

describe('renderMarkdown', () => {
  it.each([
    { name: 'plain paragraph', md: 'Hello', out: '<p>Hello</p>' },
    { name: 'blank line splits paragraphs', md: 'One\n\nTwo', out: '<p>One</p><p>Two</p>' },
    { name: 'newline is a line break', md: 'One\nTwo', out: '<p>One<br>Two</p>' },
    { name: 'CRLF like LF', md: 'One\r\nTwo\r\n\r\nThree', out: '<p>One<br>Two</p><p>Three</p>' },
    { name: 'bold', md: 'Click **New expense**.', out: '<p>Click <strong>New expense</strong>.</p>' },
    { name: 'italic with stars', md: 'an *important* step', out: '<p>an <em>important</em> step</p>' },
    { name: 'italic with underscores', md: 'an _important_ step', out: '<p>an <em>important</em> step</p>' },
    { name: 'snake_case stays text', md: 'set max_line_length', out: '<p>set max_line_length</p>' },
    { name: 'lone star stays text', md: '2 * 3 = 6', out: '<p>2 * 3 = 6</p>' },
    { name: 'inline code is literal', md: 'type `**x**`', out: '<p>type <code>**x**</code></p>' },
    { name: 'italic inside bold', md: '**a *b* c**', out: '<p><strong>a <em>b</em> c</strong></p>' },
    { name: 'relative link, same tab', md: '[profile](/profile)', out: '<p><a href="/profile">profile</a></p>' },
    {
      name: 'external link opens apart',
      md: '[docs](https://example.com/a?b=1)',
      out: '<p><a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer">docs</a></p>',
    },
    {
      name: 'protocol-relative link is external',
      md: '[cdn](//example.com)',
      out: '<p><a href="//example.com" target="_blank" rel="noopener noreferrer">cdn</a></p>',
    },
    { name: 'mailto link', md: '[mail](mailto:rh@example.com)', out: '<p><a href="mailto:rh@example.com">mail</a></p>' },
    { name: 'bold link label', md: '[**go**](/x)', out: '<p><a href="/x"><strong>go</strong></a></p>' },
    { name: 'javascript: is text', md: '[win](javascript:alert(1))', out: '<p>win)</p>' },
    { name: 'JavaScript: in capitals is text', md: '[win](JavaScript:alert`1`)', out: '<p>win</p>' },
    { name: 'data: is text', md: '[img](data:text/html;base64,PHA+)', out: '<p>img</p>' },
    { name: 'vbscript: is text', md: '[x](vbscript:msgbox)', out: '<p>x</p>' },
    {
      name: 'raw HTML is text',
      md: '<img src=x onerror="alert(1)"> <b>hi</b>',
      out: '<p>&lt;img src=x onerror="alert(1)"&gt; &lt;b&gt;hi&lt;/b&gt;</p>',
    },
    { name: 'HTML in link label is text', md: '[<b>x</b>](/y)', out: '<p><a href="/y">&lt;b&gt;x&lt;/b&gt;</a></p>' },
    { name: 'dash bullets', md: '- one\n- **two**', out: '<ul><li>one</li><li><strong>two</strong></li></ul>' },
    { name: 'star bullets', md: '* one\n* two', out: '<ul><li>one</li><li>two</li></ul>' },
    { name: 'numbered list', md: '1. one\n2. two', out: '<ol><li>one</li><li>two</li></ol>' },
    { name: 'numbered list keeps its start', md: '3. three\n4. four', out: '<ol start="3"><li>three</li><li>four</li></ol>' },
    { name: 'indented line continues the item', md: '- one\n  more', out: '<ul><li>one more</li></ul>' },
    {
      name: 'paragraph then list then paragraph',
      md: 'Steps:\n- a\n- b\nThanks',
      out: '<p>Steps:</p><ul><li>a</li><li>b</li></ul><p>Thanks</p>',
    },
    { name: 'switching list kinds', md: '- a\n1. b', out: '<ul><li>a</li></ul><ol><li>b</li></ol>' },
    { name: 'empty text', md: '', out: '' },
  ])('$name', ({ md, out }) => {
    expect(html(md)).toBe(out);
  });
});

describe('safeHref', () => {
  it.each([
    { name: 'relative path', url: '/expenses', ok: true },
    { name: 'relative file', url: 'help.html#top', ok: true },
    { name: 'http', url: 'http://intranet/x', ok: true },
    { name: 'https', url: 'HTTPS://example.com', ok: true },
    { name: 'mailto', url: 'mailto:a@b.c', ok: true },
    { name: 'tel (ambassador contacts)', url: 'tel:+33123456789', ok: true },
    { name: 'javascript', url: 'javascript:alert(1)', ok: false },
    { name: 'data', url: 'data:text/html,x', ok: false },
    { name: 'file', url: 'file:///etc/passwd', ok: false },
    { name: 'tab hidden in scheme', url: 'java\tscript:alert(1)', ok: false },
    { name: 'leading control char', url: '\x01javascript:alert(1)', ok: false },
    { name: 'encoded colon stays a relative path', url: 'javascript&colon;alert(1)', ok: true },
  ])('$name', ({ url, ok }) => {
    expect(safeHref(url)).toBe(ok ? url : null);
  });
});

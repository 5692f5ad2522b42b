// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { nameOf, roleOf } from '../src/a11y.ts';

const html = (markup: string) => {
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes, (n) => document.importNode(n, true)));
};
beforeEach(() => document.body.replaceChildren());

describe('roleOf', () => {
  it.each([
    { name: 'explicit role wins, first token', markup: '<div id="t" role="Tab button"></div>', role: 'tab' },
    { name: 'button', markup: '<button id="t"></button>', role: 'button' },
    { name: 'submit input', markup: '<input id="t" type="submit">', role: 'button' },
    { name: 'link with href', markup: '<a id="t" href="/x"></a>', role: 'link' },
    { name: 'anchor without href', markup: '<a id="t"></a>', role: '' },
    { name: 'text input by default', markup: '<input id="t">', role: 'textbox' },
    { name: 'email input', markup: '<input id="t" type="email">', role: 'textbox' },
    { name: 'search input', markup: '<input id="t" type="search">', role: 'searchbox' },
    { name: 'input with a datalist', markup: '<input id="t" list="l">', role: 'combobox' },
    { name: 'checkbox', markup: '<input id="t" type="checkbox">', role: 'checkbox' },
    { name: 'textarea', markup: '<textarea id="t"></textarea>', role: 'textbox' },
    { name: 'select', markup: '<select id="t"></select>', role: 'combobox' },
    { name: 'multiple select', markup: '<select id="t" multiple></select>', role: 'listbox' },
    { name: 'heading', markup: '<h3 id="t"></h3>', role: 'heading' },
    { name: 'list item', markup: '<ul><li id="t"></li></ul>', role: 'listitem' },
    { name: 'decorative image', markup: '<img id="t" alt="">', role: 'presentation' },
    { name: 'no role', markup: '<div id="t"></div>', role: '' },
  ])('$name', ({ markup, role }) => {
    html(markup);
    expect(roleOf(document.getElementById('t')!)).toBe(role);
  });
});

describe('nameOf', () => {
  it.each([
    { name: 'aria-labelledby, in order, over aria-label', markup: '<span id="a">New</span><span id="b">expense</span><button id="t" aria-labelledby="b a" aria-label="x">y</button>', expected: 'expense New' },
    { name: 'aria-labelledby reads a hidden element', markup: '<span id="a" hidden>Hidden name</span><button id="t" aria-labelledby="a">y</button>', expected: 'Hidden name' },
    { name: 'aria-labelledby to nothing falls through', markup: '<button id="t" aria-labelledby="missing">Save</button>', expected: 'Save' },
    { name: 'aria-label over content', markup: '<button id="t" aria-label=" Close dialog ">×</button>', expected: 'Close dialog' },
    { name: 'label[for]', markup: '<label for="t">Amount</label><input id="t">', expected: 'Amount' },
    { name: 'wrapping label, the control left out', markup: '<label>Amount <input id="t" value="12"> €</label>', expected: 'Amount €' },
    { name: 'img alt', markup: '<img id="t" alt="Company logo">', expected: 'Company logo' },
    { name: 'image input alt', markup: '<input id="t" type="image" alt="Go">', expected: 'Go' },
    { name: 'submit input value', markup: '<input id="t" type="submit" value="Send">', expected: 'Send' },
    { name: 'content, whitespace collapsed', markup: '<button id="t">\n  New\n  <b>expense</b>  </button>', expected: 'New expense' },
    { name: 'content with an icon alt and aria-label', markup: '<a id="t" href="#"><img alt="Trash"><svg aria-label="bin"></svg>Delete</a>', expected: 'Trash bin Delete' },
    { name: 'content without aria-hidden parts', markup: '<button id="t"><span aria-hidden="true">+</span>Add</button>', expected: 'Add' },
    { name: 'content without unrendered parts', markup: '<button id="t">Add<span data-unrendered>ition</span></button>', expected: 'Add' },
    { name: 'content without scripts', markup: '<button id="t">Go<script>var x</script></button>', expected: 'Go' },
    { name: 'no content name for a textarea', markup: '<textarea id="t">draft</textarea>', expected: '' },
    { name: 'title as a last resort', markup: '<button id="t" title="Settings"><svg></svg></button>', expected: 'Settings' },
    { name: 'placeholder after title', markup: '<input id="t" placeholder="Search expenses">', expected: 'Search expenses' },
  ])('$name', ({ markup, expected }) => {
    html(markup);
    // happy-dom has no layout: `data-unrendered` stands for display:none.
    for (const el of document.querySelectorAll('[data-unrendered]')) el.getClientRects = () => [] as unknown as DOMRectList;
    expect(nameOf(document.getElementById('t')!)).toBe(expected);
  });

  it('reads slotted content through a shadow root', () => {
    html('<x-button id="t">Approve <i>all</i></x-button>');
    const root = document.getElementById('t')!.attachShadow({ mode: 'open' });
    root.append(document.createElement('slot'));
    expect(nameOf(document.getElementById('t')!)).toBe('Approve all');
  });
});

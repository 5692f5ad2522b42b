// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { parseBundle } from '@compagnon/schema';
import { resolveTarget } from '@compagnon/dom';
import {
  InvalidBundleError,
  buildBundle,
  countMatches,
  createPicker,
  cssPath,
  isHashedClass,
  looksGeneratedId,
  proposeTarget,
} from '../src/picker/index.ts';

beforeEach(() => document.body.replaceChildren());

const html = (markup: string) => {
  document.body.innerHTML = markup;
};
const $ = (selector: string) => document.querySelector(selector)!;

describe('proposeTarget', () => {
  it.each([
    {
      name: 'role and name when unique',
      markup: '<button id="x1">Save</button><button>Cancel</button>',
      pick: '#x1',
      target: { role: 'button', name: 'Save' },
    },
    {
      name: 'a link by its accessible name (aria-label wins over content)',
      markup: '<a href="/p" aria-label="My profile"><span>NB</span></a><a href="/">Home</a>',
      pick: 'a[href="/p"]',
      target: { role: 'link', name: 'My profile' },
    },
    {
      name: 'a text box by its label',
      markup: '<label for="amt">Amount</label><input id="amt">',
      pick: 'input',
      target: { role: 'textbox', name: 'Amount' },
    },
    {
      name: 'data-testid when role and name are ambiguous',
      markup: '<div><button data-testid="row-1-delete">Delete</button></div><div><button data-testid="row-2-delete">Delete</button></div>',
      pick: '[data-testid="row-2-delete"]',
      target: '[data-testid="row-2-delete"]',
    },
    {
      name: 'data-action for an element without a name',
      markup: '<div data-action="export" class="css-1x2y3z"></div><div data-action="print"></div>',
      pick: '[data-action=export]',
      target: '[data-action="export"]',
    },
    {
      name: 'a form field by name when its label is shared',
      markup: '<label>Date <input name="start"></label><label>Date <input name="end"></label>',
      pick: '[name=end]',
      target: '[name="end"]',
    },
    {
      name: 'a stable id',
      markup: '<div id="expense-table" class="sc-bdVaJa kVtMtA"></div><div></div>',
      pick: '#expense-table',
      target: '#expense-table',
    },
    {
      name: 'never a generated id: a CSS path instead',
      markup: '<main><section class="card"><div id=":r1:"></div></section><section class="card news"><div id="ember1234"></div></section></main>',
      pick: '[id="ember1234"]',
      target: 'section.card.news > div',
    },
    {
      name: 'hashed classes skipped in a CSS path',
      markup: '<nav class="css-1x2y3z"><ul class="_a1B2c menu"><li class="sc-AxjAm item"></li><li class="sc-AxjAm item jsx-381273"></li></ul></nav>',
      pick: 'li:nth-of-type(2)',
      target: 'li.item:nth-of-type(2)',
    },
    {
      name: 'a CSS path anchored at the nearest stable id',
      markup: '<aside id="approval-flow"><ol><li></li><li></li></ol></aside><ol><li></li><li></li></ol>',
      pick: '#approval-flow li:nth-of-type(2)',
      target: '#approval-flow > ol > li:nth-of-type(2)',
    },
  ])('$name', ({ markup, pick, target }) => {
    html(markup);
    const el = $(pick);
    const proposal = proposeTarget(el);
    expect(proposal).toEqual({ target, matches: 1 });
    // What the SDK will find: this element.
    expect(resolveTarget(proposal.target, document)).toBe(el);
  });

  it('counts the matches of a target that is not unique', () => {
    html('<p>x</p><p>y</p><div><p>z</p></div>');
    expect(countMatches('p')).toBe(3);
    expect(countMatches({ role: 'button' })).toBe(0);
    expect(countMatches(['#nope', 'div > p'])).toBe(1);
  });

  it('gives the same element to an identical sibling only by position', () => {
    html('<ul><li>a</li><li>a</li></ul>');
    const second = document.querySelectorAll('li')[1]!;
    const { target, matches } = proposeTarget(second);
    expect(matches).toBe(1);
    expect(resolveTarget(target, document)).toBe(second);
    expect(cssPath(second)).toBe('li:nth-of-type(2)');
  });
});

describe('hashed classes and generated ids', () => {
  it.each(['css-1x2y3z', 'sc-bdVaJa', '_a1B2c', 'Button_primary__3xYz1', 'jsx-381273', 'svelte-1kx9v2', 'x7f2k9', 'aBcDeF'])(
    '%s is hashed',
    (name) => expect(isHashedClass(name)).toBe(true),
  );
  it.each(['btn', 'btn--primary', 'card__title', 'quick-link', 'navItem', 'col-12', 'h1', 'getElementById'])('%s is stable', (name) =>
    expect(isHashedClass(name)).toBe(false),
  );
  it.each([':r1:', 'ember1234', 'mui-42', 'react-select-2-input', '3f2a9c1e-77aa-4b1c', 'a8F3kQ'])('%s is generated', (id) =>
    expect(looksGeneratedId(id)).toBe(true),
  );
  it.each(['new-expense', 'expense-amount', 'main', 'col-status', 'approvalFlow'])('%s is stable', (id) =>
    expect(looksGeneratedId(id)).toBe(false),
  );
});

describe('buildBundle', () => {
  it('makes a schema-valid one-tour bundle', () => {
    const bundle = buildBundle(
      [
        { title: 'Start here', body: 'Click **New**.', target: { role: 'button', name: 'New' }, placement: 'bottom-end', advanceOnClick: true },
        { title: 'Done', body: '' },
      ],
      { id: 'my-tour', title: 'My tour', app: 'intranet', url: '/expenses*' },
    );
    expect(parseBundle(JSON.parse(JSON.stringify(bundle))).errors).toEqual([]);
    expect(bundle).toEqual({
      version: 1,
      app: 'intranet',
      populations: {},
      guides: [
        {
          id: 'my-tour', type: 'tour', title: 'My tour', trigger: { url: '/expenses*' },
          steps: [
            { id: 'step-1', title: 'Start here', body: 'Click **New**.', target: { role: 'button', name: 'New' }, placement: 'bottom-end', advance: { click: true } },
            { id: 'step-2', title: 'Done' },
          ],
        },
      ],
    });
  });

  it('refuses an invalid tour, naming each problem', () => {
    expect(() => buildBundle([], { id: 'bad id', title: 'T' })).toThrow(InvalidBundleError);
    try {
      buildBundle([{ title: 'x', target: '' }], { id: 't', title: 'T' });
    } catch (e) {
      expect((e as Error).message).toMatch(/guides\[0\]\.steps\[0\]\.target/);
    }
  });
});

describe('createPicker', () => {
  it('picks, adds steps and exports from its own shadow root', () => {
    html('<button data-testid="go">Go</button><p id="intro">Hello</p>');
    const picker = createPicker({ meta: { id: 'demo', title: 'Demo', url: '/' } });
    expect(picker.host.shadowRoot).toBeTruthy();
    const proposal = picker.pick($('button'));
    expect(proposal.target).toEqual({ role: 'button', name: 'Go' });
    picker.addStep({ title: 'Press go' });
    picker.pick($('#intro'));
    picker.addStep({ title: 'Read this' });
    const json = JSON.parse(picker.exportJson());
    expect(parseBundle(json).errors).toEqual([]);
    expect(json.guides[0].steps.map((s: { target: unknown }) => s.target)).toEqual([{ role: 'button', name: 'Go' }, '#intro']);
    // The picker's own buttons never count as matches on the page.
    html('<button>Preview</button>');
    document.documentElement.append(picker.host);
    expect(proposeTarget($('button')).target).toEqual({ role: 'button', name: 'Preview' });
    picker.destroy();
    expect(picker.host.isConnected).toBe(false);
  });
});

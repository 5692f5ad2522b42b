// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { onDocumentClick } from '../src/click.ts';

beforeEach(() => document.body.replaceChildren());

function fixture() {
  const button = document.createElement('button');
  button.id = 'save';
  const icon = document.createElement('span');
  button.append(icon);
  const host = document.createElement('div');
  const inner = document.createElement('a');
  inner.id = 'inner';
  host.attachShadow({ mode: 'open' }).append(inner);
  document.body.append(button, host);
  return { button, icon, host, inner };
}

describe('onDocumentClick', () => {
  it.each([
    { name: 'a plain element', pick: (f: ReturnType<typeof fixture>) => f.button },
    { name: 'a child of the button', pick: (f: ReturnType<typeof fixture>) => f.icon },
    { name: 'an element inside an open shadow root', pick: (f: ReturnType<typeof fixture>) => f.inner },
  ])('reports the innermost target: $name', ({ pick }) => {
    const f = fixture();
    const cb = vi.fn();
    const stop = onDocumentClick(cb, document);
    pick(f).click();
    expect(cb.mock.calls).toEqual([[pick(f)]]);
    stop();
  });

  it('prefers composedPath()[0] over the retargeted event.target (browsers retarget shadow clicks to the host)', () => {
    const f = fixture();
    let listener: ((e: Event) => void) | undefined;
    const doc = {
      addEventListener: (_type: string, l: (e: Event) => void) => void (listener = l),
      removeEventListener: () => {},
    } as unknown as Document;
    const cb = vi.fn();
    onDocumentClick(cb, doc);
    listener!({ target: f.host, composedPath: () => [f.inner, f.host, document] } as unknown as Event);
    listener!({ target: document, composedPath: () => [document] } as unknown as Event);
    expect(cb.mock.calls).toEqual([[f.inner]]);
  });

  it('sees clicks a host handler stops from propagating', () => {
    const f = fixture();
    f.button.addEventListener('click', (e) => e.stopPropagation());
    const cb = vi.fn();
    const stop = onDocumentClick(cb, document);
    f.button.click();
    expect(cb).toHaveBeenCalledWith(f.button);
    stop();
  });

  it('stops listening once disposed', () => {
    const f = fixture();
    const cb = vi.fn();
    const stop = onDocumentClick(cb, document);
    stop();
    stop();
    f.button.click();
    expect(cb).not.toHaveBeenCalled();
  });

  it('logs a failing callback instead of throwing into the page', () => {
    const f = fixture();
    const log = { warn: vi.fn(), error: vi.fn() };
    const stop = onDocumentClick(() => { throw new Error('ours'); }, document, log);
    const hostHandler = vi.fn();
    f.button.addEventListener('click', hostHandler);
    f.button.click();
    expect(hostHandler).toHaveBeenCalledTimes(1);
    expect(log.error).toHaveBeenCalledTimes(1);
    stop();
  });
});

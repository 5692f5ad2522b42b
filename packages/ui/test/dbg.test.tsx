// @vitest-environment happy-dom
import { it } from 'vitest';
it('dbg', () => {
  const b = document.body.appendChild(document.createElement('button'));
  b.focus();
  const host = document.body.appendChild(document.createElement('div'));
  const root = host.attachShadow({ mode: 'open' });
  const d = root.appendChild(document.createElement('div'));
  d.tabIndex = -1;
  d.focus();
  console.log('after focus', document.activeElement?.tagName, root.activeElement?.tagName);
  d.remove();
  console.log('after remove', document.activeElement?.tagName, root.activeElement?.tagName);
  const c = document.body.appendChild(document.createElement('input'));
  c.focus(); c.remove();
  console.log('after remove light', document.activeElement?.tagName);
});

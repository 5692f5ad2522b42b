// Runs in the page's own JavaScript world (`world: "MAIN"`, at document_start), on the configured origins only:
// the isolated world cannot see page globals, so this reads the one it is asked for and answers with its JSON
// text. No chrome.* API here, nothing else exposed. The page could answer in its place, but the page is where the
// value comes from anyway.
import { ASK_USER, USER_ANSWER } from './messages.ts';

(() => {
  const d = document;
  const read = (path: string): string => {
    try {
      let value: unknown = window;
      for (const part of path.split('.')) value = value == null ? undefined : (value as Record<string, unknown>)[part];
      return value == null ? '' : JSON.stringify(value) ?? '';
    } catch {
      return ''; // a throwing getter, a cyclic object
    }
  };
  const answer = (path: string) => d.dispatchEvent(new CustomEvent(USER_ANSWER, { detail: read(path) }));
  d.addEventListener(ASK_USER, (e) => {
    const path = (e as CustomEvent).detail;
    if (typeof path !== 'string' || !path) return;
    // A global set by a late script is seen once the page has loaded; the isolated world waits that long.
    if (read(path) || d.readyState === 'complete') answer(path);
    else window.addEventListener('load', () => answer(path), { once: true });
  });
})();

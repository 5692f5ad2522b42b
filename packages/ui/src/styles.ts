/*
 * Theme: host pages override these custom properties with `[data-compagnon] { --compagnon-accent: … }`
 * (the page's rule beats `:host`, so no !important is needed). Defaults keep ≥ 4.5:1 contrast.
 *   --compagnon-accent           primary buttons, beacon, progress bar, focus ring   #1d4ed8
 *   --compagnon-accent-contrast  text on the accent                                   #fff
 *   --compagnon-bg               surfaces                                              #fff
 *   --compagnon-fg               text                                                  #1f2937
 *   --compagnon-muted            secondary text, borders                               #4b5563
 *   --compagnon-radius           corner radius                                         8px
 *   --compagnon-font             font stack                                            system-ui, sans-serif
 *   --compagnon-shadow           surface shadow                                        0 8px 28px rgba(0,0,0,.25)
 *   --compagnon-backdrop         dimming around the spotlight / behind centred steps   rgba(15,23,42,.5)
 *   --compagnon-z                stacking level of the host                            2147483000 (option zIndex)
 * Kept out of the shipped string on purpose: comments in CSS cost bytes on every page.
 */
export const css =
  ':host{--compagnon-accent:#1d4ed8;--compagnon-accent-contrast:#fff;--compagnon-bg:#fff;--compagnon-fg:#1f2937;' +
  '--compagnon-muted:#4b5563;--compagnon-radius:8px;--compagnon-font:system-ui,sans-serif;' +
  '--compagnon-shadow:0 8px 28px rgba(0,0,0,.25);--compagnon-backdrop:rgba(15,23,42,.5)}' +
  '*{box-sizing:border-box}' +
  '.s,.t,.st{font:14px/1.45 var(--compagnon-font);color:var(--compagnon-fg)}' +
  '.s,.t,.p{position:fixed;background:var(--compagnon-bg);border-radius:var(--compagnon-radius);box-shadow:var(--compagnon-shadow);' +
  'padding:14px 16px;width:max-content;max-width:min(360px,calc(100vw - 16px))}' +
  '.s,.t{top:0;left:0}.c{top:50%;left:50%;transform:translate(-50%,-50%)}' +
  '.s:focus,.t:focus,.p:focus{outline:none}' +
  'h2{margin:0 0 6px;margin-inline-end:28px;font-size:16px;line-height:1.3}' +
  'p,ul,ol{margin:0 0 8px}ul,ol{padding-inline-start:20px}' +
  'a{color:var(--compagnon-accent)}code{font:13px ui-monospace,monospace;background:rgba(0,0,0,.06);padding:0 3px;border-radius:3px}' +
  'button{font:inherit;cursor:pointer;border-radius:6px;border:1px solid var(--compagnon-muted);' +
  'background:var(--compagnon-bg);color:var(--compagnon-fg);padding:5px 12px}' +
  'button:focus-visible,a:focus-visible{outline:2px solid var(--compagnon-accent);outline-offset:2px}' +
  '.pr{background:var(--compagnon-accent);border-color:var(--compagnon-accent);color:var(--compagnon-accent-contrast)}' +
  '.x{position:absolute;top:8px;inset-inline-end:8px;border:0;padding:0 6px;font-size:20px;line-height:1;background:none;color:var(--compagnon-muted)}' +
  '.f{display:flex;align-items:center;gap:8px;margin-top:10px}.n{margin-inline-end:auto;color:var(--compagnon-muted);font-size:13px}' +
  '.a{position:absolute;width:10px;height:10px;background:inherit;transform:rotate(45deg)}' +
  '.sp,.bd{position:fixed;pointer-events:none;border-radius:var(--compagnon-radius)}' +
  '.sp{box-shadow:0 0 0 200vmax var(--compagnon-backdrop)}.bd{inset:0;border-radius:0;background:var(--compagnon-backdrop)}' +
  '.m{pointer-events:auto}' +
  '.b{position:fixed;top:0;left:0;width:18px;height:18px;padding:0;border-radius:50%;border:2px solid var(--compagnon-bg);' +
  'background:var(--compagnon-accent);animation:cp 1.6s infinite}' +
  '@keyframes cp{0%{box-shadow:0 0 0 0 var(--compagnon-accent)}100%{box-shadow:0 0 0 12px transparent}}' +
  '.st,.g{display:flex;flex-direction:column;align-items:flex-end;gap:8px}.g{flex-direction:column-reverse}' +
  '.st{position:fixed;bottom:16px;inset-inline-end:16px}' +
  '.p{position:static}.l{box-shadow:var(--compagnon-shadow);border:0;padding:8px 14px}' +
  '.l span{margin-inline-start:8px;font-weight:600}' +
  '.bar{height:6px;border-radius:3px;background:rgba(0,0,0,.1);margin:4px 0 10px}' +
  '.bar div{height:100%;border-radius:3px;background:var(--compagnon-accent)}' +
  '.p ul{list-style:none;padding:0}.p li{display:flex;gap:8px;margin:6px 0}' +
  '.p li button{border:0;padding:0;background:none;text-decoration:underline;text-align:start}' +
  '.k{flex:none;width:16px;color:var(--compagnon-accent);font-weight:700}.d{color:var(--compagnon-muted)}' +
  '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}' +
  '@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}';

/** One constructable sheet; a `<style nonce>` where `adoptedStyleSheets` is missing (old Safari, some CSPs). */
export function adoptStyles(root: ShadowRoot, nonce?: string): void {
  const Sheet = root.ownerDocument.defaultView?.CSSStyleSheet;
  try {
    if (Sheet && 'adoptedStyleSheets' in root) {
      const sheet = new Sheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // Safari < 16.4 has adoptedStyleSheets on documents only, and no constructor: fall through.
  }
  const style = root.ownerDocument.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  root.appendChild(style);
}

/*
 * Theme: host pages set these custom properties on the host (`[data-compagnon] { --compagnon-accent: … }`) or
 * any ancestor. Our elements read them, with the defaults below (≥ 4.5:1 contrast), into short private names
 * declared on `*` rather than `:host`: a page rule such as `div { --bg: … }` matches the host and would beat
 * `:host`, but cannot reach inside the shadow root. This is the whole list:
 *   --compagnon-accent           primary buttons, chosen answer, badge, beacon, progress, focus ring  #1d4ed8
 *   --compagnon-accent-contrast  text on the accent                                   #fff
 *   --compagnon-bg               surfaces, buttons, fields                             #fff
 *   --compagnon-fg               text                                                  #1f2937
 *   --compagnon-muted            secondary text, borders                               #4b5563
 *   --compagnon-radius           corner radius                                         8px
 *   --compagnon-font             font stack                                            system-ui, sans-serif
 *   --compagnon-shadow           surface shadow                                        0 8px 28px rgba(0,0,0,.25)
 *   --compagnon-backdrop         dimming around the spotlight / behind modal dialogs   rgba(15,23,42,.5)
 *   --compagnon-z                stacking level without the popover API (top layer)   2147483647 (option zIndex)
 * A dark theme is the same properties with other values (the tracks and code backgrounds are translucent grey,
 * readable on both); the page decides when, e.g.:
 *   @media (prefers-color-scheme: dark) { [data-compagnon] { --compagnon-bg: #111827; --compagnon-fg: #f3f4f6;
 *     --compagnon-muted: #9ca3af; --compagnon-accent: #93c5fd; --compagnon-accent-contrast: #111827;
 *     --compagnon-backdrop: rgba(0,0,0,.6); --compagnon-shadow: 0 8px 28px rgba(0,0,0,.6) } }
 *
 * Classes (one or two letters: the sheet lives in our own shadow root, and every byte ships on every page):
 *   s dialog (step, tooltip, announcement, survey, resource centre), c centred, b beacon, a arrow, x close,
 *   f footer / button row, n "2 of 5" and muted labels, pr primary, sp spotlight, bd backdrop, m modal (the
 *   backdrop blocks clicks), st checklist stack, g one checklist, l launcher, p panel, r progress bar, i item list,
 *   k check mark, d item description, sr screen-reader only, v "Preview" badge, w "Why am I seeing this?",
 *   bn banner, q radiogroup, o choice (one option per line), e NPS end labels, h resource centre, hl its launcher.
 * Private custom properties: a accent, b background, m muted, r radius, h shadow, d backdrop.
 * Order matters where specificity ties: `:focus-visible` before the dialogs (focused by script, no ring),
 * `.m` after `.sp,.bd`, `.bn`/`.h` after `.s`, the reduced-motion rule last. Logical properties (inset-inline-*,
 * margin-inline-*) mirror everything in right-to-left documents.
 */
export const css =
  '*{box-sizing:border-box;--a:var(--compagnon-accent,#1d4ed8);--b:var(--compagnon-bg,#fff);' +
  '--m:var(--compagnon-muted,#4b5563);--r:var(--compagnon-radius,8px);' +
  '--h:var(--compagnon-shadow,0 8px 28px #00000040);--d:var(--compagnon-backdrop,#0f172a80)}' +
  ':focus-visible{outline:2px solid var(--a);outline-offset:2px}' +
  '.s,.st,.hl{font:14px/1.45 var(--compagnon-font,system-ui,sans-serif);color:var(--compagnon-fg,#1f2937)}' +
  '.s,.p{background:var(--b);border-radius:var(--r);box-shadow:var(--h);padding:14px 16px;outline:0;' +
  'width:max-content;max-width:min(360px,100vw - 16px)}' +
  '.s,.b,.sp,.bd{position:fixed;top:0;left:0}.c{top:50%;left:50%;transform:translate(-50%,-50%)}' +
  'h2{margin:0 0 6px;margin-inline-end:28px;font-size:16px;line-height:1.3}h3{font-size:14px;margin:12px 0 4px}' +
  'p,ul,ol{margin:0 0 8px}ul,ol{padding-inline-start:20px}' +
  'a{color:var(--a)}code{font:13px ui-monospace,monospace;background:#8882}' +
  'button,textarea,input{font:inherit;color:inherit;border-radius:6px;border:1px solid var(--m);' +
  'background:var(--b);padding:5px 12px}button{cursor:pointer}textarea,[type=search]{display:block;width:100%}' +
  '.pr,[aria-checked=true],.v{background:var(--a);border-color:var(--a);color:var(--compagnon-accent-contrast,#fff)}' +
  ':disabled{opacity:.5;cursor:default}' +
  'img,video{display:block;max-width:100%;height:auto;border-radius:4px;margin-bottom:8px}' +
  '.v{display:inline-block;border-radius:4px;padding:0 6px;margin-bottom:6px}' +
  '.q{display:flex;flex-wrap:wrap;gap:4px}.q button{min-width:30px;padding:5px}.o{flex-flow:column}' +
  '.o button{text-align:start;padding:5px 12px}.e{display:flex;justify-content:space-between}.e,.w,.v{font-size:12px}' +
  '.w{margin-top:8px}.w p{margin:4px 0 0}' +
  '.bn{width:100%;max-width:none;border-radius:0}' +
  '.hl{position:fixed;bottom:16px;inset-inline-start:16px}' +
  '.h{top:auto;left:auto;bottom:60px;inset-inline-start:8px;max-height:calc(100vh - 68px);overflow:auto}' +
  '.i img{border-radius:50%;flex:none}' +
  '.x{position:absolute;top:8px;inset-inline-end:8px;padding:0 6px;font-size:20px;line-height:1}' +
  '.x,.i button,.w button{border:0;background:none}.x,.n,.d,.e,.w{color:var(--m)}' +
  '.f{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin-top:10px}.n{font-size:13px}' +
  '.f .n{margin-inline-end:auto}.f>:only-child{margin-inline-start:auto}' +
  '.a{position:absolute;width:10px;height:10px;background:inherit;transform:rotate(45deg)}' +
  '.sp,.bd{pointer-events:none}.sp{border-radius:var(--r);box-shadow:0 0 0 200vmax var(--d)}' +
  '.bd{inset:0;background:var(--d)}.m{pointer-events:auto}' +
  '.b{width:18px;height:18px;padding:0;border-radius:50%;border:2px solid var(--b);background:var(--a);' +
  'animation:p 1.6s infinite}' +
  '@keyframes p{0%{box-shadow:0 0 0 0 var(--a)}to{box-shadow:0 0 0 12px #0000}}' +
  '.st,.g{display:flex;flex-flow:column;align-items:flex-end;gap:8px}.g{flex-flow:column-reverse}' +
  '.st{position:fixed;bottom:16px;inset-inline-end:16px}' +
  '.l{box-shadow:var(--h);border:0;padding:8px 14px}.l b{margin-inline-start:8px}' +
  '.r{height:6px;border-radius:3px;background:#8884;margin:4px 0 10px}' +
  '.r div{height:100%;border-radius:inherit;background:var(--a)}' +
  '.i{list-style:none;padding:0}.i>li{display:flex;gap:8px;margin:6px 0}' +
  '.i button,.w button{padding:0;text-decoration:underline;text-align:start}' +
  '.k{flex:none;width:16px;color:var(--a)}' +
  '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}' +
  '@media (prefers-reduced-motion:reduce){.b{animation:none}}';

/**
 * One constructable sheet; a `<style nonce>` where that fails: Safari < 16.4 has no CSSStyleSheet constructor
 * (it throws), and a document without a window (createHTMLDocument) has none to take it from.
 */
export function adoptStyles(root: ShadowRoot, nonce?: string): void {
  const doc = root.ownerDocument;
  try {
    const sheet = new doc.defaultView!.CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    root.appendChild(style);
  }
}

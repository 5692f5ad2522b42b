import { h } from 'preact';
import type { ComponentChild, ComponentChildren } from 'preact';

// Author text becomes vnodes directly: preact only ever creates text nodes from it, so raw HTML shows as text
// and nothing is ever parsed as HTML. Block grammar: blank line = paragraph, "- "/"* " and "1. " lists, newline = <br>.

const INLINE =
  /`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*|(?<!\w)_([^_\s](?:[^_]*[^_\s])?)_(?!\w)|\[([^\]]+)\]\(([^)\s]+)\)/g;
/** A list item: bullet ("- ", "* ") or number ("1. ", "1) "; the number is captured). */
const ITEM = /^\s*(?:[-*]|(\d{1,9})[.)])\s+(.*)/;

/** Relative URLs and http(s)/mailto/tel only; `javascript:`, `data:` and the like are refused. */
export function safeHref(url: string): string | null {
  // Browsers drop tabs/newlines and leading controls before parsing the scheme ("java\tscript:"): refuse them.
  if (/[\x00-\x20\x7f]/.test(url)) return null;
  return /^[a-z][a-z\d+.-]*:/i.test(url) && !/^(https?|mailto|tel):/i.test(url) ? null : url;
}

/** An author link (markdown, resource, ambassador contact): external ones open apart; unsafe ones are text. */
export function link(label: string, url: string): ComponentChild {
  const href = safeHref(url);
  if (href === null) return label;
  const external = /^(https?:)?\/\//i.test(href);
  return h('a', external ? { href, target: '_blank', rel: 'noopener noreferrer' } : { href }, inline(label));
}

export function inline(text: string): ComponentChild[] {
  const out: ComponentChild[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    out.push(text.slice(last, m.index));
    // Every group matches at least one character, so a matched group is truthy.
    const [, code, bold, star, under, label, url] = m;
    out.push(
      code
        ? h('code', null, code)
        : bold
          ? h('strong', null, inline(bold))
          : star || under
            ? h('em', null, inline((star || under)!))
            : link(label!, url!),
    );
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

interface Block {
  tag: 'p' | 'ul' | 'ol';
  /** An ordered list's first number. */
  start?: string | undefined;
  lines: string[];
}

export function renderMarkdown(text: string): ComponentChildren {
  const blocks: Block[] = [];
  let open: Block | undefined;
  for (const line of text.split(/\r\n?|\n/)) {
    const item = ITEM.exec(line);
    const tag = item ? (item[1] ? 'ol' : 'ul') : 'p';
    if (!line.trim()) open = undefined;
    // An indented line continues the previous list item.
    else if (!item && open && open.tag !== 'p' && /^\s/.test(line)) open.lines[open.lines.length - 1] += ` ${line.trim()}`;
    else {
      if (open?.tag !== tag) blocks.push((open = { tag, start: item?.[1], lines: [] }));
      open.lines.push((item ? item[2]! : line).trim());
    }
  }
  return blocks.map(({ tag, start, lines }) =>
    tag === 'p'
      ? h('p', null, lines.flatMap((line, i) => (i ? [h('br', null), ...inline(line)] : inline(line))))
      : h(tag, Number(start ?? 1) === 1 ? null : { start }, lines.map((line) => h('li', null, inline(line)))),
  );
}

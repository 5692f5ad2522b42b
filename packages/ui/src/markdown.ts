import { h } from 'preact';
import type { ComponentChild, ComponentChildren } from 'preact';

// Author text becomes vnodes directly: preact only ever creates text nodes from it, so raw HTML shows as text
// and nothing is ever parsed as HTML. Block grammar: blank line = paragraph, "- "/"* " and "1. " lists, newline = <br>.

const INLINE =
  /`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*|(?<!\w)_([^_\s](?:[^_]*[^_\s])?)_(?!\w)|\[([^\]]+)\]\(([^)\s]+)\)/g;
const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBER = /^\s*(\d{1,9})[.)]\s+(.*)$/;

/** Relative URLs and http(s)/mailto only; `javascript:`, `data:` and the like are refused. */
export function safeHref(url: string): string | null {
  // Browsers drop tabs/newlines and leading controls before parsing the scheme ("java\tscript:"): refuse them.
  if (/[\x00-\x20\x7f]/.test(url)) return null;
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto' ? url : null;
}

function link(label: string, url: string): ComponentChild {
  const href = safeHref(url);
  if (href === null) return label;
  const external = /^(https?:)?\/\//i.test(href);
  return h('a', external ? { href, target: '_blank', rel: 'noopener noreferrer' } : { href }, inline(label));
}

export function inline(text: string): ComponentChild[] {
  const out: ComponentChild[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const [, code, bold, star, under, label, url] = m;
    if (code !== undefined) out.push(h('code', null, code));
    else if (bold !== undefined) out.push(h('strong', null, inline(bold)));
    else if (star !== undefined || under !== undefined) out.push(h('em', null, inline(star ?? under ?? '')));
    else out.push(link(label ?? '', url ?? ''));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function lines(text: string[]): ComponentChild[] {
  return text.flatMap((line, i) => (i ? [h('br', null), ...inline(line)] : inline(line)));
}

export function renderMarkdown(text: string): ComponentChildren {
  const blocks: ComponentChild[] = [];
  let para: string[] = [];
  let list: { ordered: boolean; start: number; items: string[] } | null = null;
  const flush = () => {
    if (para.length) blocks.push(h('p', null, lines(para)));
    if (list) {
      const items = list.items.map((item) => h('li', null, inline(item)));
      blocks.push(list.ordered ? h('ol', list.start === 1 ? null : { start: list.start }, items) : h('ul', null, items));
    }
    para = [];
    list = null;
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = BULLET.exec(line);
    const number = bullet ? null : NUMBER.exec(line);
    if (!line.trim()) flush();
    else if (bullet || number) {
      const ordered = number !== null;
      if (para.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, start: Number(number?.[1] ?? 1), items: [] };
      list.items.push((bullet?.[1] ?? number?.[2] ?? '').trim());
    } else if (list && /^\s/.test(line)) {
      // An indented line continues the previous list item.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      if (list) flush();
      para.push(line.trim());
    }
  }
  flush();
  return blocks;
}

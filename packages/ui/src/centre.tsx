/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact';
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Dialog } from './dialog.tsx';
import { focus, lost } from './focus.ts';
import type { Translate } from './i18n.ts';
import { link } from './markdown.ts';
import type { ResourceCentreView, UiActions } from './types.ts';

export interface CentreProps {
  centre: ResourceCentreView;
  /** Makes the ids unique within the shadow root. */
  n: number;
  t: Translate;
  act: UiActions;
}

const KIND = { 'e-learning': 'E-learning', video: 'Video', webinar: 'Webinar', faq: 'FAQ', link: 'Link' } as const;
const STATUS = { new: 'New', active: 'In progress', completed: 'Completed' } as const;

/** Case- and accent-insensitive: "depense" finds "Dépense". */
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** A titled list, left out when the search leaves it empty. */
const list = (title: string, items: ComponentChildren[]) =>
  items.length > 0 && [<h3>{title}</h3>, <ul class="i">{items}</ul>];

/** One entry: its main control or link, a muted label, a description. */
const entry = (main: ComponentChildren, label?: string, description?: string) => (
  <div>
    {main} {label && <span class="n">{label}</span>}
    {description && <div class="d">{description}</div>}
  </div>
);

/**
 * The "Help" launcher (bottom, inline-start) and its non-modal dialog: a search box filtering guides (each
 * restartable), ambassadors and resources, and the opt-out checkbox. Focus goes to the search box on open and
 * back to the launcher on close.
 */
export function Centre({ centre, n, t, act }: CentreProps) {
  const launcher = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const { guideId: id, open } = centre;
  const q = fold(query.trim());
  const match = (...texts: Array<string | undefined>) => fold(texts.join(' ')).includes(q);
  const guides = centre.guides.filter((g) => match(g.title, g.description));
  const people = centre.ambassadors.filter((a) => match(a.name, a.role));
  const links = centre.resources.filter((r) => match(r.title, r.description, t(KIND[r.kind])));

  useLayoutEffect(() => {
    if (!open) return;
    const b = launcher.current!;
    focus(box.current!.querySelector('input')!);
    return () => lost(b) && focus(b);
  }, [open]);

  return (
    <div>
      <button
        ref={launcher}
        class="l hl"
        aria-expanded={open}
        onClick={() => act.toggleResourceCentre(id, !open)}
      >
        {/* A second centre is rare: its title tells the launchers apart. */}
        {n ? centre.title : t('Help')}
      </button>
      {open && (
        <Dialog box={box} class="s h" id={`hh${n}`} view={centre} t={t} onClose={() => act.toggleResourceCentre(id, false)}>
          <input
            type="search"
            aria-label={t('Search')}
            placeholder={t('Search')}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          {/* Always present, so that "No results" is announced when it appears. */}
          <p class="d" role="status">
            {!guides.length && !people.length && !links.length && t('No results')}
          </p>
          {list(
            t('Guides'),
            guides.map((g) => (
              <li key={g.id}>
                {entry(<button onClick={() => act.restartGuide(g.id)}>{g.title}</button>, t(STATUS[g.status]), g.description)}
              </li>
            )),
          )}
          {list(
            t('Your ambassadors'),
            people.map((a) => (
              <li key={a.name + a.contact}>
                {a.photo && <img src={a.photo} alt="" width={36} height={36} />}
                {entry(link(a.name, a.contact), a.role)}
              </li>
            )),
          )}
          {list(
            t('Learn more'),
            links.map((r) => <li key={r.url}>{entry(link(r.title, r.url), t(KIND[r.kind]), r.description)}</li>),
          )}
          <label>
            <input type="checkbox" checked={!centre.optedOut} onChange={(e) => act.setOptOut(!e.currentTarget.checked)} />{' '}
            {t('Show guides automatically')}
          </label>
        </Dialog>
      )}
    </div>
  );
}

/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact';
import type { ComponentChildren, RefObject } from 'preact';
import { useState } from 'preact/hooks';
import type { Translate } from './i18n.ts';
import { renderMarkdown } from './markdown.ts';
import type { MediaView } from './types.ts';

// A caption menu lists tracks by label: each language by its own name, as in any player.
const LANGUAGE = { en: 'English', fr: 'Français' };

export interface DialogProps {
  box: RefObject<HTMLDivElement | null>;
  class: string;
  /** Id of the title; the body's is the same with a `b`. Unique within the shadow root. */
  id: string;
  view: { title: string; body?: string | undefined; media?: MediaView | undefined; why?: string | undefined; preview?: boolean | undefined };
  t: Translate;
  onClose: () => void;
  /** Present when the dialog points at something. */
  arrow?: RefObject<HTMLDivElement | null> | false;
  modal?: boolean;
  /** A top banner is a `region`, not a dialog. @default 'dialog' */
  role?: 'region' | undefined;
  onKeyDown?: (e: KeyboardEvent) => void;
  /** Controls placed between the body and the close button (Tab order). */
  children?: ComponentChildren;
}

/**
 * What every surface shares: a dialog named by its title and described by its body, with the optional
 * "Preview" badge, image or video, and "Why am I seeing this?" disclosure.
 */
export function Dialog({ box, class: className, id, view, t, onClose, arrow, modal, role, onKeyDown, children }: DialogProps) {
  const [why, setWhy] = useState(false);
  const { body, media } = view;
  const bodyId = id + 'b';
  return (
    <div
      ref={box}
      class={className}
      role={role || 'dialog'}
      aria-modal={modal || undefined}
      aria-labelledby={id}
      aria-describedby={body ? bodyId : undefined}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <h2 id={id}>{view.title}</h2>
      {view.preview && <span class="v">{t('Preview')}</span>}
      {body && <div id={bodyId}>{renderMarkdown(body)}</div>}
      {/* Muted, no autoplay: nothing moves or sounds until asked (prefers-reduced-motion included). */}
      {media &&
        (media.video ? (
          <video src={media.video} controls muted playsInline preload="metadata" aria-label={media.alt} crossOrigin={media.cors ? 'anonymous' : undefined}>
            {media.captions?.map((c, i) => (
              <track kind="captions" src={c.src} srcLang={c.lang} label={c.lang ? LANGUAGE[c.lang] : t('Captions')} default={!i} />
            ))}
          </video>
        ) : (
          <img src={media.image} alt={media.alt} />
        ))}
      {children}
      {view.why && (
        <div class="w">
          <button aria-expanded={why} onClick={() => setWhy(!why)}>
            {t('Why am I seeing this?')}
          </button>
          {why && (
            <p>
              {t('Shown to: ')}
              {view.why}
            </p>
          )}
        </div>
      )}
      <button class="x" aria-label={t('Close')} onClick={onClose}>
        ×
      </button>
      {arrow && <div class="a" ref={arrow} />}
    </div>
  );
}

/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact';
import type { ComponentChildren, RefObject } from 'preact';
import type { Translate } from './i18n.ts';
import { renderMarkdown } from './markdown.ts';

export interface DialogProps {
  box: RefObject<HTMLDivElement | null>;
  class: string;
  /** Id of the title; the body's is the same with a `b`. Unique within the shadow root. */
  id: string;
  view: { title: string; body?: string | undefined };
  t: Translate;
  onClose: () => void;
  /** Present when the dialog points at something. */
  arrow?: RefObject<HTMLDivElement | null> | false;
  modal?: boolean;
  onKeyDown?: (e: KeyboardEvent) => void;
  /** Controls placed between the body and the close button (Tab order). */
  children?: ComponentChildren;
}

/** What a tour step and an open tooltip share: a dialog named by its title and described by its body. */
export function Dialog({ box, class: className, id, view, t, onClose, arrow, modal, onKeyDown, children }: DialogProps) {
  const bodyId = id + 'b';
  return (
    <div
      ref={box}
      class={className}
      role="dialog"
      aria-modal={modal || undefined}
      aria-labelledby={id}
      aria-describedby={view.body ? bodyId : undefined}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <h2 id={id}>{view.title}</h2>
      {view.body && <div id={bodyId}>{renderMarkdown(view.body)}</div>}
      {children}
      <button class="x" aria-label={t('Close')} onClick={onClose}>
        ×
      </button>
      {arrow && <div class="a" ref={arrow} />}
    </div>
  );
}

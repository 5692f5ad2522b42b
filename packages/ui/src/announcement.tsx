/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { Dialog } from './dialog.tsx';
import { focus, trap } from './focus.ts';
import type { Translate } from './i18n.ts';
import type { AnnouncementView, UiActions } from './types.ts';

export interface AnnouncementProps {
  view: AnnouncementView;
  t: Translate;
  act: UiActions;
}

/** A centred modal (focus moved in and trapped; Esc is App's) or a top banner that leaves focus alone. */
export function Announcement({ view, t, act }: AnnouncementProps) {
  const box = useRef<HTMLDivElement>(null);
  const { guideId: id, action } = view;
  const modal = view.display != 'banner';

  useLayoutEffect(() => {
    if (modal) focus(box.current!);
  }, [id, modal]);

  return [
    modal && <div class="bd m" />,
    <Dialog
      box={box}
      class={modal ? 's c' : 's bn'}
      id="ah"
      view={view}
      t={t}
      onClose={() => act.closeAnnouncement(id)}
      modal={modal}
      role={modal ? undefined : 'region'}
      onKeyDown={modal ? (e) => trap(e, box.current!) : undefined}
    >
      {(action || view.canSnooze) && (
        <div class="f">
          {view.canSnooze && <button onClick={() => act.snooze(id)}>{t('Remind me tomorrow')}</button>}
          {action && (
            <button class="pr" onClick={() => act.announcementAction(id)}>
              {action.label}
            </button>
          )}
        </div>
      )}
    </Dialog>,
  ];
}

/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact';
import { progress } from './i18n.ts';
import type { Translate } from './i18n.ts';
import { renderMarkdown } from './markdown.ts';
import type { ChecklistView, UiActions } from './types.ts';

/**
 * Launcher and its panel. The panel follows the launcher in the DOM (disclosure order for Tab) and is shown
 * above it with `column-reverse`. A plain function, not a component: it has no state of its own. `n` makes the
 * ids unique within the shadow root.
 */
export function checklist(list: ChecklistView, n: number, t: Translate, act: UiActions) {
  const { guideId: id, title, items, open } = list;
  const total = items.length;
  const done = items.filter((item) => item.done).length;
  const status = `${progress(t, done, total)} ${t('done')}`;
  const panel = `c${n}`;
  const head = `ch${n}`;
  return (
    <div class="g" key={id}>
      {/* The name is what is seen ("Your first week 1/4", WCAG 2.5.3 label in name); the words go in the description. */}
      <button
        class="l"
        aria-describedby={`${panel}s`}
        aria-expanded={open}
        aria-controls={open ? panel : undefined}
        onClick={() => act.toggleChecklist(id, !open)}
      >
        {title} <b>{done}/{total}</b>
      </button>
      <span class="sr" id={`${panel}s`}>{status}</span>
      {open && (
        <div class="p" id={panel} role="dialog" aria-labelledby={head}>
          <h2 id={head}>{title}</h2>
          <div
            class="r"
            role="progressbar"
            aria-labelledby={head}
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={done}
            aria-valuetext={status}
          >
            {/* `done &&`: an empty list is 0%, not NaN. */}
            <div style={`width:${done && (done * 100) / total}%`} />
          </div>
          <ul class="i">
            {items.map((item) => (
              <li key={item.id}>
                <b class="k" aria-hidden>
                  {item.done ? '✓' : '○'}
                </b>
                <div>
                  {item.actionable ? (
                    <button onClick={() => act.activateItem(id, item.id)}>{item.title}</button>
                  ) : (
                    item.title
                  )}
                  {item.done && <span class="sr">, {t('done')}</span>}
                  {item.body && <div class="d">{renderMarkdown(item.body)}</div>}
                </div>
              </li>
            ))}
          </ul>
          <button onClick={() => act.dismissChecklist(id)}>{t('Dismiss checklist')}</button>
        </div>
      )}
    </div>
  );
}

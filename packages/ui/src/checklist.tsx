/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { h, Fragment } from 'preact';
import { progress } from './i18n.ts';
import type { Strings } from './i18n.ts';
import { renderMarkdown } from './markdown.ts';
import type { ChecklistView, UiActions } from './types.ts';

export interface ChecklistProps {
  list: ChecklistView;
  n: number;
  t: Strings;
  act: UiActions;
}

/**
 * Launcher and its panel. The panel follows the launcher in the DOM (disclosure order for Tab) and is shown
 * above it with `column-reverse`.
 */
export function Checklist({ list, n, t, act }: ChecklistProps) {
  const { guideId: id, items, open } = list;
  const done = items.filter((item) => item.done).length;
  const status = `${progress(t, done, items.length)} ${t.finished}`;
  return (
    <div class="g">
      <button
        type="button"
        class="l"
        aria-label={`${list.title}, ${status}`}
        aria-expanded={open}
        aria-controls={open ? `c${n}` : undefined}
        onClick={() => act.toggleChecklist(id, !open)}
      >
        {list.title}
        <span aria-hidden="true">
          {done}/{items.length}
        </span>
      </button>
      {open && (
        <div class="p" id={`c${n}`} role="dialog" aria-labelledby={`ch${n}`}>
          <h2 id={`ch${n}`}>{list.title}</h2>
          <div
            class="bar"
            role="progressbar"
            aria-labelledby={`ch${n}`}
            aria-valuemin={0}
            aria-valuemax={items.length}
            aria-valuenow={done}
            aria-valuetext={status}
          >
            <div style={{ width: `${items.length ? (done * 100) / items.length : 0}%` }} />
          </div>
          <ul>
            {items.map((item) => (
              <li key={item.id}>
                <span class="k" aria-hidden="true">
                  {item.done ? '✓' : '○'}
                </span>
                <div>
                  {item.actionable ? (
                    <button type="button" onClick={() => act.activateItem(id, item.id)}>
                      {item.title}
                    </button>
                  ) : (
                    <span>{item.title}</span>
                  )}
                  {item.done && <span class="sr">, {t.finished}</span>}
                  {item.body && <div class="d">{renderMarkdown(item.body)}</div>}
                </div>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => act.dismissChecklist(id)}>
            {t.dismissList}
          </button>
        </div>
      )}
    </div>
  );
}

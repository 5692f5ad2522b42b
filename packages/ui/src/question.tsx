/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Translate } from './i18n.ts';
import type { QuestionView } from './types.ts';

export interface QuestionProps {
  q: QuestionView;
  /** Id of the element holding the question: names the radiogroup or the textarea. */
  label: string;
  t: Translate;
  rtl: boolean;
  onAnswer: (value: number | string) => void;
}

const scale = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ id: from + i, label: `${from + i}` }));

/**
 * A rating (1–5), NPS (0–10) or choice as a radiogroup of buttons with a roving tab stop (arrows move and
 * select, as in the ARIA radio pattern), or a textarea; then Send. Arrow keys never reach the tour step.
 */
export function Question({ q, label, t, rtl, onAnswer }: QuestionProps) {
  const group = useRef<HTMLDivElement>(null);
  const [value, set] = useState<number | string>('');
  const options = q.kind == 'choice' ? q.options : q.kind == 'text' ? [] : q.kind == 'nps' ? scale(0, 10) : scale(1, 5);
  const nps = q.kind == 'nps';

  const onKeyDown = (e: KeyboardEvent) => {
    const d = { ArrowDown: 1, ArrowUp: -1, ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[e.key];
    if (!d) return;
    // In the textarea too: the caret moves, the step does not change.
    e.stopPropagation();
    if (q.kind == 'text') return;
    const radios = [...group.current!.children] as HTMLElement[];
    const i = radios.indexOf(e.target as HTMLElement);
    if (i < 0) return;
    e.preventDefault();
    const next = (i + d + radios.length) % radios.length;
    radios[next]!.focus();
    set(options[next]!.id);
  };

  return (
    <div onKeyDown={onKeyDown}>
      {q.kind == 'text' ? (
        <textarea
          aria-labelledby={label}
          maxLength={q.maxLength}
          rows={3}
          value={value}
          onInput={(e) => set(e.currentTarget.value)}
        />
      ) : (
        <div
          ref={group}
          class={q.kind == 'choice' ? 'q o' : 'q'}
          role="radiogroup"
          aria-labelledby={label}
          aria-describedby={nps ? `${label}l ${label}h` : undefined}
        >
          {options.map((o, i) => (
            <button
              key={o.id}
              role="radio"
              aria-checked={o.id === value}
              // The checked radio is the group's one Tab stop; the first while none is.
              tabIndex={o.id === value || (value === '' && !i) ? 0 : -1}
              onClick={() => set(o.id)}
            >
              {o.label}
            </button>
          ))}
        </div>
      )}
      {nps && (
        <div class="e">
          <span id={`${label}l`}>{t('Not likely')}</span>
          <span id={`${label}h`}>{t('Very likely')}</span>
        </div>
      )}
      <div class="f">
        <button
          class="pr"
          disabled={!`${value}`.trim()}
          onClick={() => onAnswer(typeof value == 'string' ? value.trim() : value)}
        >
          {t('Send')}
        </button>
      </div>
    </div>
  );
}

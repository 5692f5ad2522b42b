import { useI18n, type Key } from '../i18n.ts';

/** Stands in for a number the server did not show because the group is smaller than k people. */
export function Hidden({ k }: { k: number }) {
  const { t } = useI18n();
  return <span class="hidden-group" data-hidden="">{t('hidden (fewer than {k} people)', { k })}</span>;
}

/** "3 groups hidden (fewer than 5 people)"; nothing when none is. */
export function SuppressedNote({ count, k, unit = 'groups' }: { count: number; k: number; unit?: 'groups' | 'days' }) {
  const { t } = useI18n();
  if (!count) return null;
  const key: Key = unit === 'days'
    ? '{n} days hidden (fewer than {k} active people)'
    : count === 1 ? '1 group hidden (fewer than {k} people)' : '{n} groups hidden (fewer than {k} people)';
  return (
    <p class="suppressed" data-suppressed={count}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><path d="M8 3C4.5 3 2 6.5 1.5 8c.5 1.5 3 5 6.5 5s6-3.5 6.5-5C14 6.5 11.5 3 8 3Zm0 8a3 3 0 1 1 0-6 3 3 0 0 1 0 6Z" fill="currentColor" opacity=".55" /><path d="M2 14 14 2" stroke="currentColor" stroke-width="1.5" /></svg>
      <span>{t(key, { n: count, k })}</span>
    </p>
  );
}

/** A count, or the hidden label. */
export function Count({ value, k }: { value: number | null | undefined; k: number }) {
  const { f } = useI18n();
  return value == null ? <Hidden k={k} /> : <>{f.n(value)}</>;
}

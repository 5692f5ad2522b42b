import { useI18n } from '../i18n.ts';
import type { Filters } from '../types.ts';

export interface FilterBarProps {
  filters: Filters;
  choices: { guides: string[]; populations: string[] };
  onChange: (next: Filters) => void;
  onReset: () => void;
}

export function FilterBar({ filters, choices, onChange, onReset }: FilterBarProps) {
  const { t } = useI18n();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <section class="filters" aria-labelledby="filters-title">
      <h2 id="filters-title" class="visually-hidden">{t('Filters')}</h2>
      <div class="field">
        <label for="f-population">{t('Population')}</label>
        <select id="f-population" value={filters.population} onChange={(e) => set({ population: e.currentTarget.value })}>
          <option value="">{t('All populations')}</option>
          {choices.populations.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="f-guide">{t('Guide')}</label>
        <select id="f-guide" value={filters.guide} onChange={(e) => set({ guide: e.currentTarget.value })}>
          <option value="">{t('All guides')}</option>
          {choices.guides.map((g) => <option key={g} value={g}>{g}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="f-from">{t('From')}</label>
        <input id="f-from" type="date" value={filters.from} max={filters.to}
          onChange={(e) => e.currentTarget.value && set({ from: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="f-to">{t('To')}</label>
        <input id="f-to" type="date" value={filters.to} min={filters.from}
          onChange={(e) => e.currentTarget.value && set({ to: e.currentTarget.value })} />
      </div>
      <button type="button" class="ghost reset" onClick={onReset}>{t('Reset')}</button>
    </section>
  );
}

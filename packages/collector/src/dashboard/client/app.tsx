import { useEffect, useState } from 'preact/hooks';
import { loadReports, Unauthorized } from './api.ts';
import { AdoptionPanel } from './components/adoption-panel.tsx';
import { Cards } from './components/cards.tsx';
import { FilterBar } from './components/filters.tsx';
import { FunnelPanel } from './components/funnel-panel.tsx';
import { GuidesTable } from './components/guides-table.tsx';
import { Header } from './components/header.tsx';
import { TokenForm } from './components/token-form.tsx';
import { useI18n } from './i18n.ts';
import { forgetToken, readToken, saveToken } from './token.ts';
import type { Reports } from './types.ts';
import { defaultFilters, readViewState, writeViewState, type ViewState } from './url-state.ts';

type Load =
  | { status: 'loading'; last: Reports | null }
  | { status: 'ready'; reports: Reports }
  | { status: 'error'; message: string; last: Reports | null };

const lastOf = (l: Load): Reports | null => (l.status === 'ready' ? l.reports : l.last);

export function App() {
  const { t } = useI18n();
  const [token, setToken] = useState<string | null>(readToken);
  const [refused, setRefused] = useState(false);
  const [view, setView] = useState<ViewState>(() => readViewState(location.search));
  const [load, setLoad] = useState<Load>({ status: 'loading', last: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    history.replaceState(null, '', writeViewState(view));
  }, [view]);

  useEffect(() => {
    if (!token) return;
    const ctl = new AbortController();
    setLoad((l) => ({ status: 'loading', last: lastOf(l) }));
    loadReports(token, view.app, view.filters, view.newHireDays, ctl.signal).then(
      (reports) => setLoad({ status: 'ready', reports }),
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        if (e instanceof Unauthorized) {
          forgetToken();
          setRefused(true);
          setToken(null);
          return;
        }
        setLoad((l) => ({ status: 'error', message: e instanceof Error ? e.message : String(e), last: lastOf(l) }));
      },
    );
    return () => ctl.abort();
  }, [token, view, attempt]);

  if (!token) {
    return (
      <TokenForm
        refused={refused}
        onToken={(tk) => {
          saveToken(tk);
          setRefused(false);
          setLoad({ status: 'loading', last: null });
          setToken(tk);
        }}
      />
    );
  }

  const reports = lastOf(load);
  const busy = load.status === 'loading';
  return (
    <>
      <a class="skip" href="#main">{t('Skip to the reports')}</a>
      <Header
        app={view.app}
        onApp={(app) => setView((v) => (v.app === app ? v : { ...v, app, filters: { ...v.filters, population: '', guide: '' } }))}
        onSignOut={() => {
          forgetToken();
          setRefused(false);
          setToken(null);
        }}
      />
      <main id="main" tabIndex={-1} aria-busy={busy ? 'true' : 'false'}>
        <div class="page-head">
          <div>
            <h1>{t('Adoption dashboard')}</h1>
            <p class="subtitle"><code>{view.app}</code></p>
          </div>
          <p class="status" role="status" aria-live="polite">
            {busy ? <><span class="spinner" aria-hidden="true" />{t('Loading reports…')}</> : load.status === 'ready' ? <span class="visually-hidden">{t('Reports updated.')}</span> : null}
          </p>
        </div>
        <FilterBar
          filters={view.filters}
          choices={reports?.choices ?? { guides: [], populations: [] }}
          onChange={(filters) => setView((v) => ({ ...v, filters }))}
          onReset={() => setView((v) => ({ ...v, filters: defaultFilters() }))}
        />
        {load.status === 'error' && (
          <div class="alert" role="alert">
            <p>{t('Could not load the reports: {message}', { message: load.message })}</p>
            <button type="button" onClick={() => setAttempt((n) => n + 1)}>{t('Retry')}</button>
          </div>
        )}
        {reports && (
          <div class={busy ? 'reports stale' : 'reports'}>
            <Cards newHires={reports.newHires} ghosts={reports.ghosts} guides={reports.guides} adoption={reports.adoption} population={view.filters.population}
              newHireDays={view.newHireDays} onNewHireDays={(newHireDays) => setView((v) => ({ ...v, newHireDays }))} />
            <AdoptionPanel report={reports.adoption} filters={view.filters} />
            <GuidesTable report={reports.guides} />
            <FunnelPanel report={reports.funnel} chosen={view.filters.guide !== ''} />
          </div>
        )}
        {!reports && busy && <div class="skeleton" aria-hidden="true"><span /><span /><span /></div>}
      </main>
      <footer class="foot"><p>{t('Aggregates only: no person is ever shown.')}</p></footer>
    </>
  );
}

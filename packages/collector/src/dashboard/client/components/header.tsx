import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n.ts';
import { Logo } from './token-form.tsx';

/** The top bar: product name, the app shown (no list endpoint exists: the id is typed), sign out. */
export function Header({ app, onApp, onSignOut }: { app: string; onApp: (app: string) => void; onSignOut: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(app);
  useEffect(() => setDraft(app), [app]);
  return (
    <header class="topbar">
      <div class="brand">
        <Logo />
        <span>{t('Compagnon adoption')}</span>
      </div>
      <form
        class="app-switch"
        role="search"
        aria-label={t('App')}
        onSubmit={(e) => {
          e.preventDefault();
          const next = draft.trim();
          if (next) onApp(next);
        }}
      >
        <label for="app-id">{t('App')}</label>
        <input id="app-id" name="app" value={draft} spellcheck={false} autocomplete="off" onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit">{t('Show')}</button>
      </form>
      <button type="button" class="ghost" onClick={onSignOut}>{t('Sign out')}</button>
    </header>
  );
}

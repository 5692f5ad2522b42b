import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n.ts';

export function TokenForm({ refused, onToken }: { refused: boolean; onToken: (token: string) => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const [empty, setEmpty] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const error = refused ? t('The token was refused. Enter it again.') : empty ? t('Enter the token.') : '';
  return (
    <main id="main" class="signin">
      <form
        class="signin-card"
        aria-labelledby="signin-title"
        onSubmit={(e) => {
          e.preventDefault();
          const token = value.trim();
          if (token) onToken(token);
          else setEmpty(true);
        }}
      >
        <Logo />
        <h1 id="signin-title">{t('Adoption dashboard')}</h1>
        <label for="token">{t('Admin token')}</label>
        <input
          id="token"
          ref={input}
          type="password"
          name="token"
          autocomplete="current-password"
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'token-hint token-error' : 'token-hint'}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <p id="token-hint" class="hint">{t('The collector’s admin token (COMPAGNON_ADMIN_TOKEN). It is kept in this tab only.')}</p>
        {error && <p id="token-error" class="error" role="alert">{error}</p>}
        <button type="submit" class="primary">{t('Sign in')}</button>
      </form>
    </main>
  );
}

export function Logo() {
  return (
    <svg class="logo" aria-hidden="true" viewBox="0 0 32 32" width="32" height="32">
      <rect width="32" height="32" rx="8" fill="var(--accent)" />
      <path d="M9 20.5 14 15l4 3.5 5.5-7" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round" />
      <circle cx="23.5" cy="11.5" r="2" fill="#fff" />
    </svg>
  );
}

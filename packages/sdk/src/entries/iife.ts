// The <script> tag entry: reads data-* attributes, installs the one global, starts when `data-app` is present.
import { createCompagnon } from '../create.ts';
import { doc, win } from '../env.ts';
import type { CompagnonApi, UserProfile } from '../api.ts';

const w = win() as (Window & { Compagnon?: CompagnonApi; compagnonUser?: UserProfile }) | undefined;
const script = doc()?.currentScript as HTMLScriptElement | null | undefined;

if (w && !w.Compagnon) {
  const api = createCompagnon();
  w.Compagnon = api;
  const data = script?.dataset;
  if (data?.app) {
    const boot = () => void api.init({
      app: data.app!, guides: data.guides ?? '/guides.json', collector: data.collector, key: data.key,
      locale: data.locale, user: w.compagnonUser, nonce: script?.nonce || undefined,
    });
    if (w.document.readyState === 'loading') w.document.addEventListener('DOMContentLoaded', boot, { once: true });
    else boot();
  }
}

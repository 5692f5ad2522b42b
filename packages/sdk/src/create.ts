import { formatError, type CompagnonEvent, type Locale } from '@compagnon/schema';
import type { UserProfile } from '@compagnon/core';
import { createBrowserPlatform, createTabChannel, onPageHide, sessionId } from '@compagnon/dom';
import type { CompagnonApi, CompagnonError, CompagnonOptions, DebugInfo, Listener } from './api.ts';
import { loadBundle } from './bundle-source.ts';
import { createDelivery, type Delivery } from './delivery.ts';
import { createEmitter } from './emitter.ts';
import { doc, previewId, win } from './env.ts';
import { pickLocale } from './locale.ts';
import { createRuntime, type Runtime } from './runtime.ts';

/**
 * A Compagnon instance. Nothing runs until `init`. Every public method is a guest's method: it never throws
 * into the host page; failures go to `on('error')` and the console.
 */
export function createCompagnon(options?: CompagnonOptions): CompagnonApi {
  const platform = createBrowserPlatform();
  const errors = createEmitter<CompagnonError>((e) => platform.log.error('error listener failed', e));
  const events = createEmitter<CompagnonEvent>((e) => platform.log.error('event listener failed', e));
  let runtime: Runtime | undefined;
  let delivery: Delivery | undefined;
  let channel: ReturnType<typeof createTabChannel> | undefined;
  let stopHide: (() => void) | undefined;
  let starting: Promise<void> | undefined;
  let destroyed = false;
  let errorCount = 0;
  let lastError: CompagnonError | undefined;
  let locale: Locale = 'en';
  let bundleFrom: DebugInfo['bundle'];

  const fail = (error: CompagnonError) => {
    errorCount++;
    lastError = error;
    platform.log.error(error.message);
    errors.emit(error);
  };
  const guard = <A extends unknown[], R>(fn: (...a: A) => R, fallback: R) => (...a: A): R => {
    try { return fn(...a); } catch (e) { fail({ code: 'internal', message: String(e) }); return fallback; }
  };
  const guardAsync = <A extends unknown[], R>(fn: (...a: A) => Promise<R>, fallback: R) => (...a: A): Promise<R> =>
    Promise.resolve().then(() => fn(...a)).catch((e) => { fail({ code: 'internal', message: String(e) }); return fallback; });

  async function start(opts: CompagnonOptions) {
    const d = doc();
    locale = pickLocale(opts.locale, d?.documentElement.lang, win()?.navigator.language);
    let loaded;
    try {
      loaded = await loadBundle(opts.guides as string | Record<string, unknown>, { store: platform.store, app: opts.app });
      bundleFrom = loaded.cached ? 'cache' : 'validated';
    } catch (e) {
      fail({ code: 'load', message: `guides not loaded: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    // One broken guide never stops the others: each error names its JSON path, the valid guides run.
    for (const e of loaded.errors) {
      fail({ code: 'bundle', message: formatError(e, locale), path: e.path, guide: e.guide });
    }
    if (destroyed) return;
    channel = createTabChannel(`compagnon:${opts.app}`);
    if (opts.collector || opts.transport) {
      delivery = createDelivery({ app: opts.app, url: opts.collector, key: opts.key, transport: opts.transport, platform, channel, fail });
    }
    runtime = await createRuntime({
      app: opts.app, bundle: loaded.bundle, locale, user: opts.user, keepQuery: !!opts.keepQuery, nonce: opts.nonce,
      preview: previewId(),
      session: sessionId(platform.random), platform, channel,
      emitEvent: (event) => {
        delivery?.send(event);
        events.emit(event);
      },
      emitError: fail,
    });
    // Closing right after the last step must not lose the completion: hand over what waits, then beacon.
    stopHide = onPageHide(() => {
      runtime?.drain();
      delivery?.flushOnHide();
    });
    if (destroyed) api.destroy();
  }

  const api: CompagnonApi = {
    init: guardAsync(async (opts: CompagnonOptions) => {
      if (starting) return starting; // a second init is harmless
      starting = start(opts);
      return starting;
    }, undefined),
    identify: guardAsync(async (user: UserProfile | undefined) => {
      await starting;
      await runtime?.identify(user);
    }, undefined),
    start: guardAsync(async (id: string) => {
      await starting;
      return (await runtime?.start(id)) ?? false;
    }, false),
    track: guard((name: string) => {
      void starting?.then(() => runtime?.track(name));
    }, undefined),
    on: guard((type: string, listener: Listener<never>) => {
      if (type === 'error') return errors.on(listener as Listener<CompagnonError>);
      return events.on((e) => { if (type === 'event' || e.type === type) (listener as Listener<CompagnonEvent>)(e); });
    }, () => {}) as CompagnonApi['on'],
    reset: guardAsync(async () => {
      await starting;
      await runtime?.reset();
    }, undefined),
    destroy: guard(() => {
      destroyed = true;
      stopHide?.();
      runtime?.destroy();
      delivery?.dispose();
      channel?.dispose();
      platform.store.close();
      runtime = undefined;
      events.clear();
      errors.clear();
    }, undefined),
    debug: guard((): DebugInfo => ({
      initialised: !!runtime,
      storage: runtime ? platform.store.mode : 'none',
      user: runtime?.ctx.user?.id,
      populations: runtime?.ctx.populations ?? [],
      guides: runtime?.eligibleGuides() ?? [],
      activeTour: runtime?.activeTour(),
      bundle: bundleFrom,
      errors: errorCount,
      lastError,
      outbox: delivery?.stats(),
    }), { initialised: false, storage: 'none', populations: [], guides: [], errors: 0 }),
  };
  if (options) void api.init(options);
  return api;
}

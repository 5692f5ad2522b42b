import { makeEvent, saveRecord, type Effect } from '@compagnon/core';
import type { CompagnonEvent, Guide } from '@compagnon/schema';
import type { Ctx } from './context.ts';
import { currentUrl, reportedUrl } from './env.ts';

/** The wire event of `report` as of now: this person, session, populations and page. */
export const eventOf = (ctx: Ctx, report: Parameters<typeof makeEvent>[0], guideVersion?: number): CompagnonEvent =>
  makeEvent(report, {
    app: ctx.app, session: ctx.session, populations: ctx.populations, url: reportedUrl(ctx.keepQuery), user: ctx.user?.id,
  }, guideVersion, ctx.platform.random.uuid(), ctx.platform.clock.now());

/**
 * Persist before report: the in-memory progress changes at once (the UI never waits for IndexedDB), writes
 * are chained, and each event is emitted only after every write queued before it has settled.
 */
export function createEffectRunner(ctx: Ctx, handlers: {
  show(guideId: string, step: number): void;
  close(guideId: string): void;
  reported(guide: Guide, event: Effect & { type: 'report' }): void;
}) {
  let chain: Promise<unknown> = Promise.resolve();
  // Reports waiting for their transition's write; `drain` hands them over at once when the page goes away.
  const pending = new Set<CompagnonEvent>();
  const emit = (event: CompagnonEvent) => { if (pending.delete(event)) ctx.emitEvent(event); };
  return {
    apply(guide: Guide, effects: Effect[]) {
      for (const effect of effects) {
        switch (effect.type) {
          case 'persist': {
            ctx.progress.guides[effect.guide] = effect.record;
            if (ctx.preview) break; // an author's preview leaves no trace
            const key = ctx.key;
            chain = chain.then(() => saveRecord(ctx.platform.store, key, effect.guide, effect.record)).then(
              // Other tabs of this person follow: a guide finished here closes there, a checklist ticks.
              () => ctx.channel.post({ type: 'progress', key, guide: effect.guide, record: effect.record }),
              (e) => ctx.emitError({ code: 'storage', message: `progress not saved: ${String(e)}`, guide: effect.guide }));
            break;
          }
          case 'report': {
            if (ctx.preview) break; // nor any event
            const event = eventOf(ctx, effect, guide.version ?? 1);
            pending.add(event);
            chain = chain.then(() => emit(event));
            handlers.reported(guide, effect);
            break;
          }
          case 'show': handlers.show(effect.guide, effect.step); break;
          case 'close': handlers.close(effect.guide); break;
        }
      }
      ctx.render();
    },
    /** On page hide: the writes already issued usually commit, but the tab may not live to see it. */
    drain() {
      for (const event of [...pending]) emit(event);
    },
  };
}

export { currentUrl };

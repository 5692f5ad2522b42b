import { localize, type Guide, type ResourceCentreGuide } from '@compagnon/schema';
import { inAudience, isFinished, updateProgress } from '@compagnon/core';
import type { ResourceCentreView } from '@compagnon/ui';
import type { Ctx } from './context.ts';

const RESTARTABLE: readonly Guide['type'][] = ['tour', 'announcement', 'survey', 'checklist'];

/**
 * The permanent help: the guides this person may (re)start, the ambassadors and resources of their
 * populations, and the switch for automatic guides. Always available, opt-out or not.
 */
export function createResourceCentre(ctx: Ctx) {
  const open = new Set<string>();
  const mine = (populations?: string[]) => !populations || populations.some((p) => ctx.populations.includes(p));

  return {
    open,
    async setOptOut(optedOut: boolean) {
      ctx.progress = { ...ctx.progress, optedOut: optedOut || undefined };
      ctx.render();
      if (ctx.preview) return;
      await updateProgress(ctx.platform.store, ctx.key, (p) => ({ ...p, optedOut: optedOut || undefined }));
      if (optedOut) {
        const centre = [...ctx.guides.values()].find((g) => g.type === 'resource-centre');
        if (centre) ctx.apply(centre, [{ type: 'report', event: 'opted_out', guide: centre.id }]);
      }
    },
    views(shown: ResourceCentreGuide[]): ResourceCentreView[] {
      const populations = new Set(ctx.populations);
      const guides = ctx.bundle.guides.filter((g) => RESTARTABLE.includes(g.type) && inAudience(g, populations));
      return shown.map((c) => ({
        guideId: c.id, title: localize(c.title, ctx.locale), body: c.body && localize(c.body, ctx.locale),
        open: open.has(c.id), optedOut: !!ctx.progress.optedOut,
        guides: guides.map((g) => {
          const record = ctx.progress.guides[g.id];
          return {
            id: g.id, title: localize(g.title, ctx.locale), description: g.description && localize(g.description, ctx.locale),
            status: isFinished(g, record) ? 'completed' : record ? 'active' : 'new',
          } as const;
        }),
        ambassadors: (c.ambassadors ?? []).filter((a) => mine(a.populations)).map((a) => ({
          name: a.name, role: a.role && localize(a.role, ctx.locale), contact: a.contact, photo: a.photo,
        })),
        resources: (c.resources ?? []).filter((r) => mine(r.populations)).map((r) => ({
          title: localize(r.title, ctx.locale), url: r.url, kind: r.kind,
          description: r.description && localize(r.description, ctx.locale),
        })),
      }));
    },
  };
}

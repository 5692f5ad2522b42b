import { localize, type Guide, type Media, type Question } from '@compagnon/schema';
import { whyShown } from '@compagnon/core';
import type { MediaView, QuestionView } from '@compagnon/ui';
import type { Ctx } from './context.ts';

/** What every foreground dialog says about itself: why this person sees it, preview mode, snoozable. */
export const guideMeta = (ctx: Ctx, guide: Guide) => ({
  why: whyShown(guide, ctx.bundle.populations, ctx.populations, ctx.locale),
  preview: ctx.preview === guide.id || undefined,
  // A guide the person asked for (or an author previews) is not postponed; an automatic one may be.
  canSnooze: !ctx.preview && !guide.trigger?.manual,
});

export const mediaView = (ctx: Ctx, media: Media | undefined): MediaView | undefined =>
  media && { image: media.image, video: media.video, alt: localize(media.alt, ctx.locale) };

export const questionView = (ctx: Ctx, q: Question): QuestionView =>
  q.kind === 'choice'
    ? { kind: 'choice', options: q.options.map((o) => ({ id: o.id, label: localize(o.label, ctx.locale) })) }
    : q.kind === 'text' ? { kind: 'text', maxLength: q.maxLength ?? 500 } : q;

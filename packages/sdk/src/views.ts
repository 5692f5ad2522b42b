import { localize, type Captions, type Guide, type Locale, type Media, type Question } from '@compagnon/schema';
import { whyShown } from '@compagnon/core';
import type { MediaView, QuestionView } from '@compagnon/ui';
import type { Ctx } from './context.ts';
import { win } from './env.ts';

/** What every foreground dialog says about itself: why this person sees it, preview mode, snoozable. */
export const guideMeta = (ctx: Ctx, guide: Guide) => ({
  why: whyShown(guide, ctx.bundle.populations, ctx.populations, ctx.locale),
  preview: ctx.preview === guide.id || undefined,
  // A guide the person asked for (or an author previews) is not postponed; an automatic one may be.
  canSnooze: !ctx.preview && !guide.trigger?.manual,
});

/** One track per caption file, the reader's language first (the one shown). */
const tracks = (captions: Captions | undefined, locale: Locale): MediaView['captions'] =>
  typeof captions === 'string'
    ? [{ src: captions }]
    : captions && (locale === 'fr' ? (['fr', 'en'] as const) : (['en', 'fr'] as const)).flatMap((lang) => (captions[lang] ? [{ src: captions[lang], lang }] : []));

export function mediaView(ctx: Ctx, media: Media | undefined): MediaView | undefined {
  if (!media) return undefined;
  const captions = tracks(media.captions, ctx.locale);
  const origin = win()?.location.origin;
  const cors = captions?.some((c) => new URL(c.src).origin !== origin);
  return { image: media.image, video: media.video, captions, cors, alt: localize(media.alt, ctx.locale) };
}

export const questionView = (ctx: Ctx, q: Question): QuestionView =>
  q.kind === 'choice'
    ? { kind: 'choice', options: q.options.map((o) => ({ id: o.id, label: localize(o.label, ctx.locale) })) }
    : q.kind === 'text' ? { kind: 'text', maxLength: q.maxLength ?? 500 } : q;

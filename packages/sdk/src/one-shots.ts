import { localize, type AnnouncementGuide, type SurveyGuide } from '@compagnon/schema';
import { announcementTransition, surveyTransition } from '@compagnon/core';
import type { AnnouncementView, SurveyView } from '@compagnon/ui';
import type { Ctx } from './context.ts';
import { guideMeta, mediaView, questionView } from './views.ts';

/** Announcements and micro-surveys: shown once by the schedule, finished by one action, an answer, or a close. */
export function createOneShots(ctx: Ctx, follow: (guideId: string) => void) {
  let announcement: AnnouncementGuide | undefined;
  let survey: SurveyGuide | undefined;
  const now = () => ctx.platform.clock.now();

  return {
    get current() { return announcement ?? survey; },
    show(guide: AnnouncementGuide | SurveyGuide) {
      if (guide.type === 'announcement') {
        announcement = guide;
        ctx.apply(guide, announcementTransition(guide, ctx.progress.guides[guide.id], { type: 'show' }, now()).effects);
      } else {
        survey = guide;
        ctx.apply(guide, surveyTransition(guide, ctx.progress.guides[guide.id], { type: 'show' }, now()).effects);
      }
    },
    action(id: string) {
      const g = announcement;
      if (g?.id !== id) return;
      ctx.apply(g, announcementTransition(g, ctx.progress.guides[id], { type: 'action' }, now()).effects);
      if (g.action?.guide) follow(g.action.guide);
      else if (g.action?.href) ctx.navigate(g.action.href);
    },
    answer(id: string, value: number | string) {
      if (survey?.id === id) ctx.apply(survey, surveyTransition(survey, ctx.progress.guides[id], { type: 'answer', value }, now()).effects);
    },
    dismiss(id: string) {
      const g = announcement?.id === id ? announcement : survey?.id === id ? survey : undefined;
      if (!g) return;
      const record = ctx.progress.guides[id];
      const event = { type: 'dismiss', reason: 'close' } as const;
      ctx.apply(g, g.type === 'announcement' ? announcementTransition(g, record, event, now()).effects : surveyTransition(g, record, event, now()).effects);
    },
    close(id: string) {
      if (announcement?.id === id) announcement = undefined;
      if (survey?.id === id) survey = undefined;
    },
    views(): { announcement: AnnouncementView | null; survey: SurveyView | null } {
      const a = announcement;
      const s = survey;
      return {
        announcement: a ? {
          ...guideMeta(ctx, a), guideId: a.id, title: localize(a.title, ctx.locale), display: a.display ?? 'modal',
          body: a.body && localize(a.body, ctx.locale), media: mediaView(ctx, a.media),
          action: a.action && { label: localize(a.action.label, ctx.locale) },
        } : null,
        survey: s ? {
          ...guideMeta(ctx, s), guideId: s.id, title: localize(s.title, ctx.locale),
          body: s.body && localize(s.body, ctx.locale), question: questionView(ctx, s.question),
        } : null,
      };
    },
  };
}

export type OneShots = ReturnType<typeof createOneShots>;

// Compile-time only (checked by `tsc`, not run by vitest): the inferred types are exactly the contract the other
// packages were written against. A drift in a schema turns one of these lines into a type error.
import type * as S from '../src/index.ts';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(ok: Equal<A, B>) => ok;

type LocalizedText = string | { en?: string; fr?: string };
type Scalar = string | number | boolean;
type Placement =
  | 'top' | 'top-start' | 'top-end' | 'bottom' | 'bottom-start' | 'bottom-end'
  | 'left' | 'left-start' | 'left-end' | 'right' | 'right-start' | 'right-end';
type Trigger = { url?: string | string[]; manual?: boolean; element?: string; event?: string; delay?: number };
type GuideBase = {
  id: string; title: LocalizedText; description?: LocalizedText; audience?: string[]; trigger?: Trigger;
  priority?: number; version?: number; startAt?: string; endAt?: string;
};
type TargetSpec = string | { role: string; name?: string } | { text: string };
type Target = TargetSpec | TargetSpec[];
type Media = { image?: string; video?: string; captions?: string | { en?: string; fr?: string }; alt: LocalizedText };
type Question =
  | { kind: 'rating' }
  | { kind: 'nps' }
  | { kind: 'choice'; options: Array<{ id: string; label: LocalizedText }> }
  | { kind: 'text'; maxLength?: number };
type TourStep = {
  id: string; title: LocalizedText; body?: LocalizedText; target?: Target; placement?: Placement;
  advance?: { click?: boolean; event?: string; url?: string }; modal?: boolean; wait?: number;
  onMissing?: 'skip' | 'pause'; url?: string; media?: Media; survey?: Question;
};
type TourGuide = GuideBase & { type: 'tour'; steps: TourStep[]; skippable?: boolean };
type TooltipGuide = GuideBase & { type: 'tooltip'; target: Target; body?: LocalizedText; placement?: Placement };
type AnnouncementGuide = GuideBase & {
  type: 'announcement'; display?: 'modal' | 'banner'; body?: LocalizedText; media?: Media;
  action?: { label: LocalizedText; href?: string; guide?: string };
};
type SurveyGuide = GuideBase & { type: 'survey'; body?: LocalizedText; question: Question };
type Ambassador = { name: string; role?: LocalizedText; contact: string; photo?: string; populations?: string[] };
type Resource = {
  title: LocalizedText; url: string; kind: 'e-learning' | 'video' | 'webinar' | 'faq' | 'link'; description?: LocalizedText;
  populations?: string[];
};
type ResourceCentreGuide = GuideBase & { type: 'resource-centre'; body?: LocalizedText; ambassadors?: Ambassador[]; resources?: Resource[] };
type Settings = { budget?: { perSession?: number; perDay?: number }; snoozeHours?: number };
type DoneWhen = { guide: string } | { url: string } | { click: string } | { event: string };
type ChecklistItem = { id: string; title: LocalizedText; body?: LocalizedText; doneWhen: DoneWhen; href?: string };
type ChecklistGuide = GuideBase & { type: 'checklist'; items: ChecklistItem[] };
type EventType = (typeof S.EVENT_TYPES)[number];
type CompagnonEvent = {
  id: string; type: EventType; ts: string; app: string; user?: string; session: string; guide?: string;
  guideVersion?: number; step?: string; item?: string; populations: string[]; url?: string; props?: Record<string, unknown>;
};
type Flat<T> = { [K in keyof T]: T[K] };

export const checks = [
  same<S.LocalizedText, LocalizedText>(true),
  same<S.Scalar, Scalar>(true),
  same<S.Placement, Placement>(true),
  same<S.Trigger, Trigger>(true),
  same<S.TourStep, TourStep>(true),
  same<S.TourGuide, Flat<TourGuide>>(true),
  same<S.TooltipGuide, Flat<TooltipGuide>>(true),
  same<S.DoneWhen, DoneWhen>(true),
  same<S.ChecklistItem, ChecklistItem>(true),
  same<S.ChecklistGuide, Flat<ChecklistGuide>>(true),
  same<S.TargetSpec, TargetSpec>(true),
  same<S.Target, Target>(true),
  same<S.Media, Media>(true),
  same<S.Question, Question>(true),
  same<S.AnnouncementGuide, Flat<AnnouncementGuide>>(true),
  same<S.SurveyGuide, Flat<SurveyGuide>>(true),
  same<S.Ambassador, Ambassador>(true),
  same<S.Resource, Resource>(true),
  same<S.ResourceCentreGuide, Flat<ResourceCentreGuide>>(true),
  same<S.Settings, Settings>(true),
  same<
    S.Guide,
    | Flat<TourGuide> | Flat<TooltipGuide> | Flat<ChecklistGuide> | Flat<AnnouncementGuide> | Flat<SurveyGuide>
    | Flat<ResourceCentreGuide>
  >(true),
  same<S.Population, { name?: LocalizedText; description?: LocalizedText; when: S.Rule }>(true),
  same<S.Bundle, { version: 1; app?: string; populations: Record<string, S.Population>; settings?: Settings; guides: S.Guide[] }>(true),
  same<S.CompagnonEvent, CompagnonEvent>(true),
  same<S.EventBatch, { key?: string; events: CompagnonEvent[]; dropped?: number }>(true),
  same<S.Locale, 'en' | 'fr'>(true),
];

// Rule is written out by hand (it is recursive); its non-recursive branches must still match their schemas.
import type { z } from '../src/z.ts';
import type { ruleSchemas } from '../src/rule.ts';
type R = ReturnType<typeof ruleSchemas>;
export const ruleChecks = [
  same<z.output<R['AttrRuleSchema']>, Extract<S.Rule, { attr: string }>>(true),
  same<z.output<R['InactiveRuleSchema']>, Extract<S.Rule, { inactiveDays: unknown }>>(true),
  same<z.output<R['RolloutRuleSchema']>, Extract<S.Rule, { rollout: number }>>(true),
  same<z.output<R['EventRuleSchema']>, Extract<S.Rule, { event: string }>>(true),
];

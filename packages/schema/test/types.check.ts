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
type Trigger = { url?: string | string[]; manual?: boolean };
type GuideBase = {
  id: string; title: LocalizedText; description?: LocalizedText; audience?: string[]; trigger?: Trigger;
  priority?: number; version?: number;
};
type TourStep = {
  id: string; title: LocalizedText; body?: LocalizedText; target?: string; placement?: Placement;
  advance?: { click?: boolean }; modal?: boolean; wait?: number;
};
type TourGuide = GuideBase & { type: 'tour'; steps: TourStep[] };
type TooltipGuide = GuideBase & { type: 'tooltip'; target: string; body?: LocalizedText; placement?: Placement };
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
  same<S.Guide, Flat<TourGuide> | Flat<TooltipGuide> | Flat<ChecklistGuide>>(true),
  same<S.Population, { name?: LocalizedText; description?: LocalizedText; when: S.Rule }>(true),
  same<S.Bundle, { version: 1; app?: string; populations: Record<string, S.Population>; guides: S.Guide[] }>(true),
  same<S.CompagnonEvent, CompagnonEvent>(true),
  same<S.EventBatch, { key?: string; events: CompagnonEvent[]; dropped?: number }>(true),
  same<S.Locale, 'en' | 'fr'>(true),
];

// Rule is written out by hand (it is recursive); its non-recursive branches must still match their schemas.
import type { z } from '../src/z.ts';
import type * as R from '../src/rule.ts';
export const ruleChecks = [
  same<z.output<typeof R.AttrRuleSchema>, Extract<S.Rule, { attr: string }>>(true),
  same<z.output<typeof R.InactiveRuleSchema>, Extract<S.Rule, { inactiveDays: unknown }>>(true),
  same<z.output<typeof R.RolloutRuleSchema>, Extract<S.Rule, { rollout: number }>>(true),
];

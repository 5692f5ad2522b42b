// Populations are rules over the user profile and local activity. Evaluation never throws: an unknown
// shape or a missing attribute simply does not match.
import type { Population, Rule, Scalar } from '@compagnon/schema';
import { rolloutBucket } from './rollout.ts';
import { count } from './progress.ts';
import { DAY_MS, isIsoDate, toTime } from './time.ts';

export interface UserProfile {
  id?: string;
  /** ISO date of the user's last activity, when the host app knows it. */
  lastSeenAt?: string;
  [attr: string]: unknown;
}

export interface RuleContext {
  user: UserProfile | undefined;
  now: number;
  /** The previous visit recorded on this browser, used by `inactiveDays` when the profile has no `lastSeenAt`. */
  lastVisitAt?: number;
  /** `track()` event counts on this browser, for behaviour rules (`UserProgress.counts`). */
  counts?: Record<string, number>;
}

type AttrRule = Extract<Rule, { attr: string }>;
type Operator = Exclude<keyof AttrRule, 'attr'>;

// Dates compare as dates when either side is an ISO date; otherwise both must be numbers (numeric strings
// are accepted because profiles often come from HTML attributes). NaN when not comparable: every test fails.
function compare(value: unknown, operand: number | string): number {
  const dates = isIsoDate(value) || isIsoDate(operand);
  const num = (x: unknown) =>
    dates ? (toTime(x) ?? NaN) : typeof x === 'number' ? x : typeof x === 'string' && x.trim() ? Number(x) : NaN;
  return num(value) - num(operand);
}

// One test per operator; a rule with several operators needs all of them to hold.
const OPERATORS: { [K in Operator]-?: (value: unknown, operand: NonNullable<AttrRule[K]>, now: number) => boolean } = {
  eq: (value, operand) => value === operand,
  // An array attribute (say, groups) is "in" the list when any of its values is.
  in: (value, list) => [value].flat().some((v) => list.includes(v as Scalar)),
  contains: (value, operand) =>
    Array.isArray(value) ? value.includes(operand) : typeof value === 'string' && value.includes(String(operand)),
  gte: (value, operand) => compare(value, operand) >= 0,
  lte: (value, operand) => compare(value, operand) <= 0,
  withinDays: (value, days, now) => {
    const age = now - (toTime(value) ?? NaN);
    return age >= 0 && age <= days * DAY_MS;
  },
};

const matchesAttr = (rule: AttrRule, value: unknown, now: number): boolean =>
  value != null &&
  (Object.keys(OPERATORS) as Operator[]).every(
    (op) => rule[op] === undefined || (OPERATORS[op] as (v: unknown, o: unknown, now: number) => boolean)(value, rule[op], now),
  );

const within = (n: number, { gte = -Infinity, lte = Infinity }: { gte?: number; lte?: number }) => n >= gte && n <= lte;

/** Whether `rule` holds; `populationId` salts the rollout hash so each population draws its own sample. */
export function evaluateRule(rule: Rule, ctx: RuleContext, populationId: string): boolean {
  const { user, now } = ctx;
  const holds = (r: Rule) => evaluateRule(r, ctx, populationId);
  if ('attr' in rule) return matchesAttr(rule, user?.[rule.attr], now);
  if ('all' in rule) return rule.all.every(holds);
  if ('any' in rule) return rule.any.some(holds);
  if ('not' in rule) return !holds(rule.not);
  if ('rollout' in rule) {
    const id = user?.id;
    return typeof id === 'string' && id !== '' && rolloutBucket(id, populationId) < rule.rollout;
  }
  // Unknown last activity gives NaN days, which no bound admits.
  if ('inactiveDays' in rule) return within(Math.floor((now - (toTime(user?.lastSeenAt) ?? ctx.lastVisitAt ?? NaN)) / DAY_MS), rule.inactiveDays);
  if ('event' in rule) return within(count(ctx.counts, rule.event), rule.count);
  return false;
}

/** Ids of the populations whose rule holds, in declaration order. */
export function resolvePopulations(populations: Record<string, Population>, ctx: RuleContext): string[] {
  return Object.keys(populations).filter((id) => evaluateRule(populations[id]!.when, ctx, id));
}

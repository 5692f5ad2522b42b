// Populations are rules over the user profile and local activity. Evaluation never throws: an unknown
// shape or a missing attribute simply does not match.
import type { Population, Rule, Scalar } from '@compagnon/schema';
import { rolloutBucket } from './rollout.ts';
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
}

type AttrRule = Extract<Rule, { attr: string }>;

// Dates compare as dates when either side is an ISO date; otherwise both must be numbers (numeric strings
// are accepted because profiles often come from HTML attributes).
function comparable(value: unknown, dates: boolean): number {
  if (dates) return toTime(value) ?? NaN;
  return typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
}

function compare(value: unknown, operand: number | string): number {
  const dates = isIsoDate(value) || isIsoDate(operand);
  return comparable(value, dates) - comparable(operand, dates); // NaN when not comparable: every test fails
}

function matchesAttr(rule: AttrRule, value: unknown, now: number): boolean {
  if (value === undefined || value === null) return false;
  if (rule.eq !== undefined && value !== rule.eq) return false;
  const list = rule.in;
  // An array attribute (say, groups) is "in" the list when any of its values is.
  if (list && !(Array.isArray(value) ? value.some((v) => list.includes(v)) : list.includes(value as Scalar))) return false;
  if (rule.contains !== undefined) {
    const ok = Array.isArray(value) ? value.includes(rule.contains) : typeof value === 'string' && value.includes(String(rule.contains));
    if (!ok) return false;
  }
  if (rule.gte !== undefined && !(compare(value, rule.gte) >= 0)) return false;
  if (rule.lte !== undefined && !(compare(value, rule.lte) <= 0)) return false;
  if (rule.withinDays !== undefined) {
    const age = now - (toTime(value) ?? NaN);
    if (!(age >= 0 && age <= rule.withinDays * DAY_MS)) return false;
  }
  return true;
}

function inactiveDays(ctx: RuleContext): number | undefined {
  const last = toTime(ctx.user?.lastSeenAt) ?? ctx.lastVisitAt;
  return last === undefined ? undefined : Math.floor((ctx.now - last) / DAY_MS);
}

/** Whether `rule` holds; `populationId` salts the rollout hash so each population draws its own sample. */
export function evaluateRule(rule: Rule, ctx: RuleContext, populationId: string): boolean {
  if ('attr' in rule) return matchesAttr(rule, ctx.user?.[rule.attr], ctx.now);
  if ('all' in rule) return rule.all.every((r) => evaluateRule(r, ctx, populationId));
  if ('any' in rule) return rule.any.some((r) => evaluateRule(r, ctx, populationId));
  if ('not' in rule) return !evaluateRule(rule.not, ctx, populationId);
  if ('rollout' in rule) {
    const id = ctx.user?.id;
    return typeof id === 'string' && id !== '' && rolloutBucket(id, populationId) < rule.rollout;
  }
  if ('inactiveDays' in rule) {
    const days = inactiveDays(ctx);
    const { gte, lte } = rule.inactiveDays;
    return days !== undefined && (gte === undefined || days >= gte) && (lte === undefined || days <= lte);
  }
  return false;
}

/** Ids of the populations whose rule holds, in declaration order. */
export function resolvePopulations(populations: Record<string, Population>, ctx: RuleContext): string[] {
  return Object.keys(populations).filter((id) => evaluateRule(populations[id]!.when, ctx, id));
}

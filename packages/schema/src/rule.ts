import { booleanSchema, nonEmptyList, numeric, refine } from './checks.ts';
import { keyed } from './keyed.ts';
import { once } from './once.ts';
import { textSchemas } from './text.ts';
import { z } from './z.ts';

export type Scalar = string | number | boolean;

// Written out rather than inferred: the type is recursive, and other packages code against exactly this shape.
export type Rule =
  | {
      attr: string;
      eq?: Scalar;
      in?: Scalar[];
      contains?: Scalar;
      gte?: number | string;
      lte?: number | string;
      withinDays?: number;
    }
  | { inactiveDays: { gte?: number; lte?: number } }
  | { rollout: number }
  | { event: string; count: { gte?: number; lte?: number } }
  | { all: Rule[] }
  | { any: Rule[] }
  | { not: Rule };

export const OPERATORS = ['eq', 'in', 'contains', 'gte', 'lte', 'withinDays'] as const;

export const RULE_KEYS = ['attr', 'inactiveDays', 'rollout', 'all', 'any', 'not', 'event'] as const;

// Built on first use (see once.ts).
export const ruleSchemas = once(() => {
  const { LocalizedTextSchema, NonEmptySchema } = textSchemas();
  const ScalarSchema = z.union([z.string(), z.number(), booleanSchema()]);
  const Days = numeric({ minimum: 0 });
  const Count = numeric({ integer: true, minimum: 0 });
  const Bound = z.optional(z.union([z.number(), z.string()]));

  // Several operators on one attribute must all hold; none at all is a mistake (in JSON Schema: `attr` and one more).
  const AttrRuleSchema = z
    .strictObject({
      attr: NonEmptySchema,
      eq: z.optional(ScalarSchema),
      in: z.optional(z.array(ScalarSchema)),
      contains: z.optional(ScalarSchema),
      gte: Bound,
      lte: Bound,
      withinDays: z.optional(Days),
    })
    .check(refine((r) => OPERATORS.some((k) => k in r), 'needOp', { minProperties: 2 }));

  const bounded = refine<object>((b) => 'gte' in b || 'lte' in b, 'bound', { minProperties: 1 });
  const InactiveBoundsSchema = z.strictObject({ gte: z.optional(Days), lte: z.optional(Days) }).check(bounded);

  // Counts of `track()` events recorded on this browser: `{ lte: 0 }` is "never did it".
  const CountBoundsSchema = z.strictObject({ gte: z.optional(Count), lte: z.optional(Count) }).check(bounded);
  const EventRuleSchema = z.strictObject({ event: NonEmptySchema, count: CountBoundsSchema });

  const InactiveRuleSchema = z.strictObject({ inactiveDays: InactiveBoundsSchema });
  const RolloutRuleSchema = z.strictObject({ rollout: numeric({ minimum: 0, maximum: 100 }) });

  // An empty `any` would silently match nobody, an empty `all` everybody: both are authoring slips.
  // One instance, built on first use (RuleSchema does not exist yet when the combinators below are built).
  let list: z.ZodMiniArray<z.ZodMiniType<Rule>> | undefined;
  const rules = () => (list ??= z.array(RuleSchema).check(nonEmptyList()));
  const AllRuleSchema = z.strictObject({
    get all(): z.ZodMiniArray<z.ZodMiniType<Rule>> {
      return rules();
    },
  });
  const AnyRuleSchema = z.strictObject({
    get any(): z.ZodMiniArray<z.ZodMiniType<Rule>> {
      return rules();
    },
  });
  const NotRuleSchema = z.strictObject({
    get not(): z.ZodMiniType<Rule> {
      return RuleSchema;
    },
  });

  const RuleSchema: z.ZodMiniType<Rule> = keyed(
    RULE_KEYS,
    [AttrRuleSchema, InactiveRuleSchema, RolloutRuleSchema, AllRuleSchema, AnyRuleSchema, NotRuleSchema, EventRuleSchema],
    true,
  );

  const PopulationSchema = z.strictObject({
    name: z.optional(LocalizedTextSchema),
    description: z.optional(LocalizedTextSchema),
    when: RuleSchema,
  });

  return {
    ScalarSchema,
    AttrRuleSchema,
    InactiveBoundsSchema,
    CountBoundsSchema,
    EventRuleSchema,
    InactiveRuleSchema,
    RolloutRuleSchema,
    AllRuleSchema,
    AnyRuleSchema,
    NotRuleSchema,
    RuleSchema,
    PopulationSchema,
  };
});

export type Population = z.infer<ReturnType<typeof ruleSchemas>['PopulationSchema']>;

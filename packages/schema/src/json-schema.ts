// Node-only (the CLI and the build): turns the zod schemas into compagnon.schema.json for editors and other
// validators. Not exported from index.ts, so neither this code nor its help texts reach the browser bundle.
import { BudgetSchema, BundleSchema, SettingsSchema } from './bundle.ts';
import { KEYWORDS } from './checks.ts';
import * as G from './guide.ts';
import { DOCS, LEAF_DOCS } from './json-docs.ts';
import * as R from './rule.ts';
import { IdSchema, LanguagesSchema, LocalizedTextSchema } from './text.ts';
import { z } from './z.ts';

export const JSON_SCHEMA_ID = 'urn:compagnon:guide-bundle:1';

type Json = Record<string, any>;

// Each becomes a named $def. What zod checks in code, JSON Schema says through the checks' keywords (checks.ts);
// the one rule JSON Schema cannot express (unique step and item ids) stays zod-only.
const DEFS: [string, z.core.$ZodType][] = [
  ['Id', IdSchema],
  ['Text', LocalizedTextSchema],
  ['Languages', LanguagesSchema],
  ['Population', R.PopulationSchema],
  ['Rule', R.RuleSchema],
  ['AttrRule', R.AttrRuleSchema],
  ['InactiveRule', R.InactiveRuleSchema],
  ['InactiveBounds', R.InactiveBoundsSchema],
  ['RolloutRule', R.RolloutRuleSchema],
  ['AllRule', R.AllRuleSchema],
  ['AnyRule', R.AnyRuleSchema],
  ['NotRule', R.NotRuleSchema],
  ['EventRule', R.EventRuleSchema],
  ['CountBounds', R.CountBoundsSchema],
  ['Settings', SettingsSchema],
  ['Budget', BudgetSchema],
  ['Guide', G.GuideSchema],
  ['TourGuide', G.TourGuideSchema],
  ['TooltipGuide', G.TooltipGuideSchema],
  ['ChecklistGuide', G.ChecklistGuideSchema],
  ['AnnouncementGuide', G.AnnouncementGuideSchema],
  ['SurveyGuide', G.SurveyGuideSchema],
  ['ResourceCentreGuide', G.ResourceCentreGuideSchema],
  ['Trigger', G.TriggerSchema],
  ['Date', G.DateSchema],
  ['Placement', G.PlacementSchema],
  ['Target', G.TargetSchema],
  ['TargetSpec', G.TargetSpecSchema],
  ['TargetQuery', G.TargetQuerySchema],
  ['RoleTarget', G.RoleTargetSchema],
  ['TextTarget', G.TextTargetSchema],
  ['Media', G.MediaSchema],
  ['HttpUrl', G.HttpUrlSchema],
  ['Captions', G.CaptionsSchema],
  ['CaptionFiles', G.CaptionFilesSchema],
  ['Question', G.QuestionSchema],
  ['RatingQuestion', G.RatingQuestionSchema],
  ['NpsQuestion', G.NpsQuestionSchema],
  ['ChoiceQuestion', G.ChoiceQuestionSchema],
  ['ChoiceOption', G.ChoiceOptionSchema],
  ['TextQuestion', G.TextQuestionSchema],
  ['AnnouncementAction', G.AnnouncementActionSchema],
  ['Ambassador', G.AmbassadorSchema],
  ['Resource', G.ResourceSchema],
  ['TourStep', G.TourStepSchema],
  ['StepAdvance', G.StepAdvanceSchema],
  ['ChecklistItem', G.ChecklistItemSchema],
  ['DoneWhen', G.DoneWhenSchema],
  ['DoneGuide', G.DoneGuideSchema],
  ['DoneUrl', G.DoneUrlSchema],
  ['DoneClick', G.DoneClickSchema],
  ['DoneEvent', G.DoneEventSchema],
];

// What the browser-lean zod schemas say in code, said back in JSON Schema as the richer zod types would have.
function override({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: Json }): void {
  // Guides and questions are plain unions in zod (see `tagged` in keyed.ts), yet only one kind can match a given tag.
  if (zodSchema === G.GuideSchema || zodSchema === G.QuestionSchema) {
    jsonSchema.oneOf = jsonSchema.anyOf;
    delete jsonSchema.anyOf;
  }
  // Lean checks (see checks.ts) are custom checks to toJSONSchema: they bring their keywords along.
  for (const check of zodSchema._zod.def.checks ?? []) Object.assign(jsonSchema, KEYWORDS.get(check));
}

// Help first, so it reads first in the file. Throws on a missing text: a new field must come with its help.
function document(node: Json, name: string): Json {
  const own = DOCS[name]?.[0] ?? LEAF_DOCS[name];
  if (!own) throw new Error(`json-schema: no docs for ${name}`);
  const fields = DOCS[name]?.[1] ?? {};
  for (const [key, prop] of Object.entries<Json>(node.properties ?? {})) {
    const doc = fields[key];
    if (!doc) throw new Error(`json-schema: no docs for ${name}.${key}`);
    // Beside a $ref this is fine in 2020-12, and editors show the field's own help rather than the def's.
    node.properties[key] = { title: doc[0], description: doc[1], ...prop };
  }
  return { title: own[0], description: own[1], ...node };
}

/** The JSON Schema (draft 2020-12) of a guide bundle, as authors write it (defaults optional). */
export function buildJsonSchema(): Record<string, unknown> {
  const metadata = z.registry<Json>();
  for (const [id, schema] of DEFS) metadata.add(schema, { id });
  const json: Json = z.toJSONSchema(BundleSchema, { metadata, io: 'input', target: 'draft-2020-12', override });
  const { $schema, $defs = {}, ...root } = json;
  for (const [name, def] of Object.entries<Json>($defs)) $defs[name] = document(def, name);
  return { $schema, $id: JSON_SCHEMA_ID, ...document(root, 'Bundle'), $defs };
}

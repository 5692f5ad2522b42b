// Node-only (the CLI and the build): turns the zod schemas into compagnon.schema.json for editors and other
// validators. Not exported from index.ts, so neither this code nor its help texts reach the browser bundle.
import { bundleSchemas, wholeBundleSchema } from './bundle.ts';
import { KEYWORDS } from './checks.ts';
import * as G from './guide.ts';
import { DOCS, LEAF_DOCS } from './json-docs.ts';
import { ruleSchemas } from './rule.ts';
import { textSchemas } from './text.ts';
import { z } from './z.ts';

export const JSON_SCHEMA_ID = 'urn:compagnon:guide-bundle:1';

type Json = Record<string, any>;

// Each becomes a named $def, found by identity: the builders are memoised (once.ts), so a schema shared by several
// others is one instance. What zod checks in code, JSON Schema says through the checks' keywords (checks.ts); the
// one rule JSON Schema cannot express (unique step and item ids) stays zod-only.
function defs(): [string, z.core.$ZodType][] {
  const s = {
    ...textSchemas(),
    ...ruleSchemas(),
    ...bundleSchemas(),
    ...G.baseSchemas(),
    ...G.targetSchemas(),
    ...G.mediaSchemas(),
    ...G.tourSchemas(),
    ...G.checklistSchemas(),
    ...G.announcementSchemas(),
    ...G.centreSchemas(),
    ...G.guideSchemas(),
  };
  return [
    ['Id', s.IdSchema],
    ['Text', s.LocalizedTextSchema],
    ['Languages', s.LanguagesSchema],
    ['Population', s.PopulationSchema],
    ['Rule', s.RuleSchema],
    ['AttrRule', s.AttrRuleSchema],
    ['InactiveRule', s.InactiveRuleSchema],
    ['InactiveBounds', s.InactiveBoundsSchema],
    ['RolloutRule', s.RolloutRuleSchema],
    ['AllRule', s.AllRuleSchema],
    ['AnyRule', s.AnyRuleSchema],
    ['NotRule', s.NotRuleSchema],
    ['EventRule', s.EventRuleSchema],
    ['CountBounds', s.CountBoundsSchema],
    ['Settings', s.SettingsSchema],
    ['Budget', s.BudgetSchema],
    ['Guide', s.GuideSchema],
    ['TourGuide', s.TourGuideSchema],
    ['TooltipGuide', s.TooltipGuideSchema],
    ['ChecklistGuide', s.ChecklistGuideSchema],
    ['AnnouncementGuide', s.AnnouncementGuideSchema],
    ['SurveyGuide', s.SurveyGuideSchema],
    ['ResourceCentreGuide', s.ResourceCentreGuideSchema],
    ['Trigger', s.TriggerSchema],
    ['Date', s.DateSchema],
    ['Placement', s.PlacementSchema],
    ['Target', s.TargetSchema],
    ['TargetSpec', s.TargetSpecSchema],
    ['TargetQuery', s.TargetQuerySchema],
    ['RoleTarget', s.RoleTargetSchema],
    ['TextTarget', s.TextTargetSchema],
    ['Media', s.MediaSchema],
    ['HttpUrl', s.HttpUrlSchema],
    ['Captions', s.CaptionsSchema],
    ['CaptionFiles', s.CaptionFilesSchema],
    ['Question', s.QuestionSchema],
    ['RatingQuestion', s.RatingQuestionSchema],
    ['NpsQuestion', s.NpsQuestionSchema],
    ['ChoiceQuestion', s.ChoiceQuestionSchema],
    ['ChoiceOption', s.ChoiceOptionSchema],
    ['TextQuestion', s.TextQuestionSchema],
    ['AnnouncementAction', s.AnnouncementActionSchema],
    ['Ambassador', s.AmbassadorSchema],
    ['Resource', s.ResourceSchema],
    ['TourStep', s.TourStepSchema],
    ['StepAdvance', s.StepAdvanceSchema],
    ['ChecklistItem', s.ChecklistItemSchema],
    ['DoneWhen', s.DoneWhenSchema],
    ['DoneGuide', s.DoneGuideSchema],
    ['DoneUrl', s.DoneUrlSchema],
    ['DoneClick', s.DoneClickSchema],
    ['DoneEvent', s.DoneEventSchema],
  ];
}

// What the browser-lean zod schemas say in code, said back in JSON Schema as the richer zod types would have.
function override({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: Json }): void {
  // Guides and questions are plain unions in zod (see `tagged` in keyed.ts), yet only one kind can match a given tag.
  if (zodSchema === G.guideSchemas().GuideSchema || zodSchema === G.mediaSchemas().QuestionSchema) {
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
  for (const [id, schema] of defs()) metadata.add(schema, { id });
  const json: Json = z.toJSONSchema(wholeBundleSchema(), { metadata, io: 'input', target: 'draft-2020-12', override });
  const { $schema, $defs = {}, ...root } = json;
  for (const [name, def] of Object.entries<Json>($defs)) $defs[name] = document(def, name);
  return { $schema, $id: JSON_SCHEMA_ID, ...document(root, 'Bundle'), $defs };
}

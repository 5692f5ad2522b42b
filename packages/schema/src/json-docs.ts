// Help texts for compagnon.schema.json, shown by editors while authors type. Node-only: imported by
// json-schema.ts, never by index.ts, so none of these strings reach the browser bundle.

type Doc = [title: string, description: string];

const text = (what: string): Doc => [what, `${what}. A string, or { "en": "…", "fr": "…" } with at least one language.`];
const md = (what: string): Doc => [what, `${what}, in safe Markdown (no raw HTML; links: http(s), mailto or relative). A string or { "en", "fr" }.`];
const placement: Doc = ['Placement', 'Side of the target where the bubble opens; flips when there is no room. Default: bottom.'];

const guide: Record<string, Doc> = {
  id: ['Guide id', 'Unique in the bundle; letters, digits, "-" and "_" (max 64). Appears in events and reports.'],
  title: text('Title (names the dialog for assistive technology)'),
  description: text('Description, for the resource centre and reports'),
  audience: ['Audience', 'Population ids who may see this guide. Absent: everyone.'],
  trigger: ['Trigger', 'When the guide starts by itself. Absent: on any page.'],
  priority: ['Priority', 'Integer; when several guides could start, the highest wins. Default: 0.'],
  version: ['Content version', 'Integer >= 1; raising it re-offers the guide to people who saw an older version. Default: 1.'],
  type: ['Kind', '"tour", "tooltip" or "checklist".'],
};

/** Per object ($defs name, or "Bundle" for the root): its own doc, then one per field. */
export const DOCS: Record<string, [Doc, Record<string, Doc>]> = {
  Bundle: [
    ['Compagnon guide bundle', 'Populations and guides (tours, tooltips, checklists) for one application, format version 1.'],
    {
      $schema: ['JSON Schema', 'Lets editors find this schema; ignored by Compagnon.'],
      version: ['Format version', 'Always 1.'],
      app: ['Application', 'The application this bundle is for, as in the script tag\'s data-app.'],
      populations: ['Populations', 'Named groups of employees, defined by rules over the user\'s attributes and activity. Keys are population ids.'],
      guides: ['Guides', 'Tours, tooltips and checklists. An invalid guide is skipped with an error; the others still run.'],
    },
  ],
  Population: [
    ['Population', 'A named group of employees.'],
    { name: text('Display name'), description: text('Description'), when: ['Rule', 'Who belongs to the population.'] },
  ],
  Languages: [
    ['Localised text', 'Text per language; a missing language falls back to the other.'],
    { en: ['English', 'English text.'], fr: ['French', 'Texte en français.'] },
  ],
  AttrRule: [
    ['Attribute rule', 'Compares a user attribute (window.compagnonUser or identify()); several operators must all hold.'],
    {
      attr: ['Attribute', 'Name of the user attribute, e.g. "department".'],
      eq: ['Equals', 'The attribute equals this value.'],
      in: ['One of', 'The attribute equals one of these values.'],
      contains: ['Contains', 'The attribute (a list or a text) contains this value.'],
      gte: ['At least', 'The attribute is >= this number, or this date (ISO 8601).'],
      lte: ['At most', 'The attribute is <= this number, or this date (ISO 8601).'],
      withinDays: ['Within days', 'The attribute is a date at most this many days ago, e.g. hiredAt within 30 days.'],
    },
  ],
  InactiveRule: [
    ['Inactivity rule', 'Days since the user was last seen by Compagnon.'],
    { inactiveDays: ['Inactive days', 'Bounds on the number of days without activity.'] },
  ],
  InactiveBounds: [
    ['Inactivity bounds', 'At least one of gte and lte.'],
    { gte: ['At least (days)', 'Inactive for at least this many days.'], lte: ['At most (days)', 'Inactive for at most this many days.'] },
  ],
  RolloutRule: [
    ['Rollout', 'A stable share of people: raising 25 to 50 keeps the first quarter and adds another.'],
    { rollout: ['Percent', '0 to 100.'] },
  ],
  AllRule: [['All of', 'Every rule holds.'], { all: ['Rules', 'At least one rule.'] }],
  AnyRule: [['Any of', 'At least one rule holds.'], { any: ['Rules', 'At least one rule.'] }],
  NotRule: [['Not', 'The rule does not hold.'], { not: ['Rule', 'The rule to negate.'] }],
  Trigger: [
    ['Trigger', 'When the guide starts by itself.'],
    {
      url: ['URL patterns', 'Glob(s) over the path (and query when the pattern has "?"): * stays in one segment, ** crosses segments.'],
      manual: ['Manual only', 'Never starts by itself: only from a checklist, a link or Compagnon.start(). Default: false.'],
    },
  ],
  TourStep: [
    ['Tour step', 'One dialog of a tour.'],
    {
      id: ['Step id', 'Unique in the tour; letters, digits, "-" and "_".'],
      title: text('Title (names the dialog for assistive technology)'),
      body: md('Body'),
      target: ['Target', 'CSS selector of the element to point at. Absent: a centred dialog.'],
      placement,
      advance: ['Advance', 'How the step moves on besides the Next button.'],
      modal: ['Modal', 'Traps focus and dims the page. Default: false.'],
      wait: ['Wait (ms)', 'How long to wait for a late target before reporting it missing.'],
    },
  ],
  StepAdvance: [['Advance', 'How the step moves on.'], { click: ['On click', 'Clicking the target moves to the next step.'] }],
  TourGuide: [['Tour', 'A sequence of steps.'], { ...guide, steps: ['Steps', 'At least one; unique ids.'] }],
  TooltipGuide: [
    ['Tooltip', 'A beacon on an element that opens a tip.'],
    { ...guide, target: ['Target', 'CSS selector of the element the beacon sits on.'], body: md('Body'), placement },
  ],
  ChecklistGuide: [['Checklist', 'Tasks with a launcher.'], { ...guide, items: ['Items', 'At least one; unique ids.'] }],
  ChecklistItem: [
    ['Checklist item', 'One task.'],
    {
      id: ['Item id', 'Unique in the checklist; letters, digits, "-" and "_".'],
      title: text('Title'),
      body: md('Body'),
      doneWhen: ['Done when', 'What completes the task.'],
      href: ['Link', 'Where the item leads: http(s), mailto or a relative URL.'],
    },
  ],
  DoneGuide: [['Guide completed', 'Done when this guide is completed.'], { guide: ['Guide id', 'Id of a guide in this bundle.'] }],
  DoneUrl: [['Page visited', 'Done when a page matching this glob is visited.'], { url: ['URL pattern', 'Glob over the path.'] }],
  DoneClick: [['Element clicked', 'Done when an element matching this selector is clicked.'], { click: ['Selector', 'CSS selector.'] }],
  DoneEvent: [['Event tracked', 'Done when the app calls Compagnon.track() with this name.'], { event: ['Event name', 'Name passed to track().'] }],
};

/** Docs of the shared non-object $defs (unions, ids). */
export const LEAF_DOCS: Record<string, Doc> = {
  Id: ['Id', 'Letters, digits, "-" and "_", starting with a letter or digit; at most 64 characters.'],
  Text: ['Localised text', 'A string, or { "en": "…", "fr": "…" } with at least one language.'],
  Rule: ['Rule', 'One of: { attr, …operators }, { inactiveDays }, { rollout }, { all }, { any }, { not }.'],
  DoneWhen: ['Done when', 'One of: { guide }, { url }, { click }, { event }.'],
  Placement: placement,
  Guide: ['Guide', 'A tour, a tooltip or a checklist, by "type".'],
};

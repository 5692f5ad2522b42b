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
  startAt: ['Start', 'ISO 8601 date or date-time from which the guide is offered. Absent: from now.'],
  endAt: ['End', 'ISO 8601 date or date-time after which the guide is no longer offered; not before startAt. Absent: never ends.'],
  type: ['Kind', '"tour", "tooltip", "checklist", "announcement", "survey" or "resource-centre".'],
};
const media: Doc = ['Media', 'An image or a short video shown in the dialog, with its alternative text.'];
const populations: Doc = ['Populations', 'Population ids this entry is shown to. Absent: everyone who sees the resource centre.'];

/** Per object ($defs name, or "Bundle" for the root): its own doc, then one per field. */
export const DOCS: Record<string, [Doc, Record<string, Doc>]> = {
  Bundle: [
    ['Compagnon guide bundle', 'Populations, settings and guides (tours, tooltips, checklists, announcements, surveys, resource centres) for one application, format version 1.'],
    {
      $schema: ['JSON Schema', 'Lets editors find this schema; ignored by Compagnon.'],
      version: ['Format version', 'Always 1.'],
      app: ['Application', 'The application this bundle is for, as in the script tag\'s data-app.'],
      populations: ['Populations', 'Named groups of employees, defined by rules over the user\'s attributes and activity. Keys are population ids.'],
      settings: ['Settings', 'How often automatic guides may interrupt people. Absent: the defaults.'],
      guides: ['Guides', 'Tours, tooltips, checklists, announcements, surveys and resource centres. An invalid guide is skipped with an error; the others still run.'],
    },
  ],
  Settings: [
    ['Settings', 'Bundle-wide settings of the interruption budget. Invalid settings are ignored with an error: the defaults apply.'],
    {
      budget: ['Budget', 'At most this many automatic tours, announcements and surveys; checklists, tooltips and resource centres are never limited.'],
      snoozeHours: ['Snooze (hours)', 'Integer >= 1: how long "Remind me tomorrow" holds a guide back. Default: 24.'],
    },
  ],
  Budget: [
    ['Interruption budget', 'Caps on automatic guides shown; resuming a tour never counts.'],
    {
      perSession: ['Per session', 'Integer >= 0: automatic guides per browser session. Default: 2.'],
      perDay: ['Per day', 'Integer >= 0: automatic guides per local day. Default: 3.'],
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
  EventRule: [
    ['Behaviour rule', 'How many times the app called Compagnon.track() with this name, counted on this browser.'],
    { event: ['Event name', 'Name passed to track(), e.g. "report-exported".'], count: ['Count', 'Bounds on the count; { "lte": 0 } means never.'] },
  ],
  CountBounds: [
    ['Count bounds', 'At least one of gte and lte; integers >= 0.'],
    { gte: ['At least', 'Tracked at least this many times.'], lte: ['At most', 'Tracked at most this many times.'] },
  ],
  Trigger: [
    ['Trigger', 'When the guide starts by itself.'],
    {
      url: ['URL patterns', 'Glob(s) over the path (and query when the pattern has "?"): * stays in one segment, ** crosses segments.'],
      manual: ['Manual only', 'Never starts by itself: only from a checklist, a link or Compagnon.start(). Default: false.'],
      element: ['Element present', 'CSS selector of an element that must be on the page.'],
      event: ['Event', 'Starts when the app calls Compagnon.track() with this name.'],
      delay: ['Delay (ms)', 'Integer >= 0: waits this long once the other conditions hold. Default: 0.'],
    },
  ],
  TourStep: [
    ['Tour step', 'One dialog of a tour.'],
    {
      id: ['Step id', 'Unique in the tour; letters, digits, "-" and "_".'],
      title: text('Title (names the dialog for assistive technology)'),
      body: md('Body'),
      target: ['Target', 'The element to point at: a CSS selector, { "role", "name" }, { "text" }, or a list tried in turn. Absent: a centred dialog.'],
      placement,
      advance: ['Advance', 'How the step moves on besides the Next button.'],
      modal: ['Modal', 'Traps focus and dims the page. Default: false.'],
      wait: ['Wait (ms)', 'How long to wait for a late target before reporting it missing.'],
      onMissing: ['When the target is missing', '"skip" goes to the next step, "pause" holds the tour until the target appears. Default: "pause".'],
      url: ['Page', 'Glob of the page this step lives on; the tour waits for that page. Absent: any page.'],
      media,
      survey: ['Survey', 'A question on this step; answering it moves to the next step.'],
    },
  ],
  StepAdvance: [
    ['Advance', 'How the step moves on; the first to happen wins.'],
    {
      click: ['On click', 'Clicking the target moves to the next step.'],
      event: ['On event', 'The app calling Compagnon.track() with this name moves to the next step.'],
      url: ['On page', 'Reaching a page matching this glob moves to the next step.'],
    },
  ],
  TourGuide: [
    ['Tour', 'A sequence of steps.'],
    { ...guide, steps: ['Steps', 'At least one; unique ids.'], skippable: ['Skippable', 'Shows a "Skip tour" button. Default: true.'] },
  ],
  TooltipGuide: [
    ['Tooltip', 'A beacon on an element that opens a tip.'],
    { ...guide, target: ['Target', 'The element the beacon sits on: a CSS selector, { "role", "name" }, { "text" }, or a list tried in turn.'], body: md('Body'), placement },
  ],
  AnnouncementGuide: [
    ['Announcement', 'A centred dialog or a top banner.'],
    {
      ...guide,
      display: ['Display', '"modal" (a centred dialog) or "banner" (across the top). Default: "modal".'],
      body: md('Body'),
      media,
      action: ['Action', 'A button that follows a link or starts another guide.'],
    },
  ],
  AnnouncementAction: [
    ['Action', 'A button: exactly one of href and guide.'],
    {
      label: text('Button label'),
      href: ['Link', 'Where the button leads: http(s), mailto or a relative URL.'],
      guide: ['Guide id', 'Id of a guide in this bundle to start.'],
    },
  ],
  SurveyGuide: [
    ['Survey', 'One question; the title is the question. Answers are reported as survey_answered events.'],
    { ...guide, body: md('Body'), question: ['Question', 'What kind of answer is asked for.'] },
  ],
  ResourceCentreGuide: [
    ['Resource centre', 'A help launcher listing the guides available, the ambassadors and learning resources, with a search box.'],
    {
      ...guide,
      body: md('Body'),
      ambassadors: ['Ambassadors', 'People to ask for help; each shown to its populations only.'],
      resources: ['Resources', 'E-learning, videos, webinars and other links; each shown to its populations only.'],
    },
  ],
  Ambassador: [
    ['Ambassador', 'A person to ask for help.'],
    {
      name: ['Name', 'Full name.'],
      role: text('Role, e.g. "Expenses ambassador"'),
      contact: ['Contact', 'mailto:, tel: or an http(s) URL (chat, profile page).'],
      photo: ['Photo', 'http(s) URL of a photo.'],
      populations,
    },
  ],
  Resource: [
    ['Resource', 'A learning resource or useful link.'],
    {
      title: text('Title'),
      url: ['Link', 'http(s) or a relative URL.'],
      kind: ['Kind', '"e-learning", "video", "webinar", "faq" or "link".'],
      description: text('Description'),
      populations,
    },
  ],
  Media: [
    ['Media', 'Exactly one of image and video, with alternative text.'],
    {
      image: ['Image', 'http(s) URL of an image.'],
      video: ['Video', 'http(s) URL of a short video; shown with controls, muted, never autoplayed.'],
      captions: ['Captions', 'WebVTT captions of the video: an http(s) URL, or { "en": URL, "fr": URL } (one track per language; the reader\'s language is on). Only with video.'],
      alt: text('Alternative text (read by screen readers)'),
    },
  ],
  CaptionFiles: [
    ['Captions per language', 'One WebVTT file per language, at least one.'],
    { en: ['English captions', 'http(s) URL of the English WebVTT file.'], fr: ['French captions', 'http(s) URL of the French WebVTT file.'] },
  ],
  RatingQuestion: [['Rating', 'A rating from 1 to 5.'], { kind: ['Kind', '"rating"'] }],
  NpsQuestion: [['Net Promoter Score', 'How likely to recommend, from 0 to 10.'], { kind: ['Kind', '"nps"'] }],
  ChoiceQuestion: [
    ['Single choice', 'One option among several.'],
    { kind: ['Kind', '"choice"'], options: ['Options', 'At least two; unique ids. The answer is the chosen id.'] },
  ],
  ChoiceOption: [['Option', 'One answer to choose.'], { id: ['Option id', 'Reported as the answer; unique in the question.'], label: text('Label') }],
  TextQuestion: [
    ['Free text', 'A short written answer.'],
    { kind: ['Kind', '"text"'], maxLength: ['Maximum length', 'Integer from 1 to 5000: characters allowed. Default: 500.'] },
  ],
  RoleTarget: [
    ['By role and name', 'An element found by its accessible role and name, as assistive technology sees it.'],
    { role: ['Role', 'ARIA role, explicit or implicit: "button", "link", "textbox", "tab"…'], name: ['Name', 'Accessible name, case-insensitive, e.g. "New expense". Absent: any.'] },
  ],
  TextTarget: [['By text', 'The smallest visible element whose text contains this.'], { text: ['Text', 'Visible text to look for.'] }],
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
  Guide: ['Guide', 'A tour, a tooltip, a checklist, an announcement, a survey or a resource centre, by "type".'],
  Date: ['Date', 'ISO 8601 date (2026-03-01) or date-time (2026-03-01T09:00:00Z; without offset: local time).'],
  HttpUrl: ['URL', 'An absolute http(s) URL, without spaces.'],
  Captions: ['Captions', 'A WebVTT file\'s http(s) URL, or { "en": URL, "fr": URL }.'],
  Target: ['Target', 'A CSS selector, { "role", "name" }, { "text" }, or a non-empty list of these tried in turn.'],
  TargetSpec: ['Target', 'A CSS selector, { "role", "name" } or { "text" }.'],
  TargetQuery: ['Target by role or text', 'One of: { role, name }, { text }.'],
  Question: ['Question', 'One of: { "kind": "rating" }, { "kind": "nps" }, { "kind": "choice", options }, { "kind": "text" }.'],
};

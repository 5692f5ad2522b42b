// Events → xAPI 1.0.3 statements (pure). The statement id is the event id, so a resend is the same statement
// and a conformant LRS stores it once.
import type { EventRow, XapiConfig } from './types.ts';

const ADL = 'http://adlnet.gov/expapi/verbs/';

/** Which events become statements, and with which ADL verb. Other types (tooltips, surveys…) are not sent. */
export const XAPI_VERBS = {
  guide_started: 'initialized',
  step_viewed: 'experienced',
  step_completed: 'progressed',
  checklist_item_completed: 'progressed',
  guide_completed: 'completed',
  checklist_completed: 'completed',
  guide_dismissed: 'exited',
} as const satisfies Record<string, string>;

export interface Activity {
  objectType: 'Activity';
  id: string;
  definition: { type: string; name: Record<string, string> };
}

export interface Statement {
  id: string;
  actor: { objectType: 'Agent'; account: { homePage: string; name: string } };
  verb: { id: string; display: Record<string, string> };
  object: Activity;
  result?: { completion: boolean };
  context: {
    registration?: string;
    platform: string;
    contextActivities?: { parent: Activity[] };
    extensions?: Record<string, unknown>;
  };
  timestamp: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MODULE = 'http://adlnet.gov/expapi/activities/module';
const LESSON = 'http://adlnet.gov/expapi/activities/lesson';

const activity = (id: string, type: string, name: string): Activity => ({
  objectType: 'Activity',
  id,
  // `und`: the ids are authors' identifiers, in no particular language.
  definition: { type, name: { und: name } },
});

const seg = encodeURIComponent;
const trim = (s: string) => s.replace(/\/+$/, '');

/** Resolved IRIs for one app: the actor's home page and the activities' base. */
export interface XapiIris {
  homePage: string;
  activityBase: string;
}

export function xapiIris(app: string, config: XapiConfig, defaultHomePage: string): XapiIris {
  const homePage = config.homePage ?? defaultHomePage;
  return { homePage, activityBase: trim(config.activityBase ?? `${trim(homePage)}/apps/${seg(app)}`) };
}

/**
 * One statement, or null when the event has no verb, no guide, or no user: xAPI records what a learner did,
 * and an anonymous session is nobody's record.
 */
export function toStatement(e: EventRow, iris: XapiIris): Statement | null {
  const verb = XAPI_VERBS[e.type as keyof typeof XAPI_VERBS];
  if (!verb || !e.guide || !e.user_hash) return null;
  const guideIri = `${iris.activityBase}/guides/${seg(e.guide)}`;
  const guide = activity(guideIri, MODULE, e.guide);
  // A step or checklist item is the object, inside its guide; guide-level events are about the guide itself.
  const part =
    e.type === 'checklist_item_completed' && e.item
      ? activity(`${guideIri}/items/${seg(e.item)}`, LESSON, e.item)
      : e.step && e.type !== 'guide_started' && e.type !== 'guide_completed' && e.type !== 'guide_dismissed'
        ? activity(`${guideIri}/steps/${seg(e.step)}`, LESSON, e.step)
        : null;
  const statement: Statement = {
    id: e.id,
    actor: { objectType: 'Agent', account: { homePage: iris.homePage, name: e.user_hash } },
    verb: { id: ADL + verb, display: { 'en-US': verb } },
    object: part ?? guide,
    context: {
      platform: 'Compagnon',
      ...(UUID.test(e.session) ? { registration: e.session.toLowerCase() } : {}),
      ...(part ? { contextActivities: { parent: [guide] } } : {}),
      ...(e.guide_version !== null ? { extensions: { [`${iris.activityBase}/extensions/guide-version`]: e.guide_version } } : {}),
    },
    timestamp: new Date(e.ts).toISOString(),
  };
  if (verb === 'completed') statement.result = { completion: true };
  return statement;
}

/** Statements split into the POST bodies of one delivery each. */
export function statementBatches(events: readonly EventRow[], iris: XapiIris, size: number): Statement[][] {
  const all = events.map((e) => toStatement(e, iris)).filter((s): s is Statement => s !== null);
  const out: Statement[][] = [];
  for (let i = 0; i < all.length; i += size) out.push(all.slice(i, i + size));
  return out;
}

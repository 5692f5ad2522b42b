// What the author built, as a guide bundle: schema-valid by construction (checked with parseBundle, the same
// validation as the SDK, the collector and `compagnon validate`), ready to export or to publish.
import { type Bundle, type BundleError, formatError, parseBundle, type Placement, type Target } from '@compagnon/schema';

export interface PickerStep {
  title: string;
  body?: string;
  /** Absent: a dialog centred on the page. */
  target?: Target;
  placement?: Placement;
  /** `true`: clicking the target moves to the next step. */
  advanceOnClick?: boolean;
  /** A URL pattern of the page the step lives on, for tours that cross pages. */
  url?: string;
}

export interface BundleMeta {
  /** The tour's id: letters, digits, `-` and `_`. */
  id: string;
  title: string;
  description?: string;
  /** The bundle's `app`. */
  app?: string;
  /** The tour's `trigger.url`: a URL pattern, or several. Absent: every page. */
  url?: string | string[];
}

export class InvalidBundleError extends Error {
  constructor(readonly errors: BundleError[]) {
    super(`the tour is not valid:\n${errors.map((e) => formatError(e, 'en')).join('\n')}`);
  }
}

const blank = (s: string | undefined): boolean => !s?.trim();

/** A one-tour bundle; throws an `InvalidBundleError` (every error, as `compagnon validate` words them) if invalid. */
export function buildBundle(steps: readonly PickerStep[], meta: BundleMeta): Bundle {
  const input = {
    version: 1,
    ...(blank(meta.app) ? {} : { app: meta.app!.trim() }),
    guides: [
      {
        id: meta.id.trim(),
        type: 'tour',
        title: meta.title.trim(),
        ...(blank(meta.description) ? {} : { description: meta.description!.trim() }),
        ...(meta.url === undefined || (typeof meta.url == 'string' && blank(meta.url)) ? {} : { trigger: { url: meta.url } }),
        steps: steps.map((s, i) => ({
          id: `step-${i + 1}`,
          title: s.title.trim(),
          ...(blank(s.body) ? {} : { body: s.body!.trim() }),
          ...(s.target === undefined ? {} : { target: s.target }),
          ...(s.target === undefined || !s.placement ? {} : { placement: s.placement }),
          ...(s.target !== undefined && s.advanceOnClick ? { advance: { click: true } } : {}),
          ...(blank(s.url) ? {} : { url: s.url!.trim() }),
        })),
      },
    ],
  };
  const { bundle, errors } = parseBundle(input);
  if (errors.length) throw new InvalidBundleError(errors);
  return bundle;
}

/** The bundle as a file: two-space JSON with a final newline. */
export const exportJson = (bundle: Bundle): string => JSON.stringify(bundle, null, 2) + '\n';

export interface PublishTarget {
  /** The collector's base URL, e.g. `https://guides.example.org`. */
  collector: string;
  app: string;
  /** An admin token (`COMPAGNON_ADMIN_TOKEN` of the collector). */
  token: string;
  fetch?: typeof globalThis.fetch;
}

/** `POST /v1/apps/:app/guides`: stores the bundle as the app's next guide version; resolves with that version. */
export async function publishBundle(bundle: Bundle, to: PublishTarget): Promise<{ version: number }> {
  const endpoint = `${to.collector.replace(/\/+$/, '')}/v1/apps/${encodeURIComponent(to.app)}/guides`;
  const res = await (to.fetch ?? globalThis.fetch)(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${to.token}` },
    body: JSON.stringify(bundle),
  });
  const answer = (await res.json().catch(() => ({}))) as { version?: number; error?: string };
  if (!res.ok) throw new Error(res.status == 401 ? 'the admin token was refused' : (answer.error ?? `HTTP ${res.status}`));
  return { version: answer.version ?? 0 };
}

// The sdk's view of the page, through dom's globals module (the one place that reads browser globals).
import { getDocument, getWindow } from '@compagnon/dom';

export const win = getWindow;
export const doc = getDocument;

export function currentUrl(): { pathname: string; search: string } {
  const loc = getWindow()?.location;
  return { pathname: loc?.pathname ?? '/', search: loc?.search ?? '' };
}

/** `?compagnon-preview=<guide id>`: authors see one guide whatever its audience and progress. */
export function previewId(): string | undefined {
  try {
    return new URLSearchParams(getWindow()?.location.search).get('compagnon-preview') ?? undefined;
  } catch {
    return undefined;
  }
}

/** The page URL as reported in events: without query string and fragment unless asked. */
export function reportedUrl(keepQuery: boolean): string | undefined {
  const loc = getWindow()?.location;
  if (!loc) return undefined;
  return keepQuery ? loc.href : loc.origin + loc.pathname;
}

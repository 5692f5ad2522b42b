// What the UI may follow or load. Whitespace and control characters are refused everywhere because URL parsers
// drop them (" java\tscript:" is still a script URL). Lowercase schemes only: JSON Schema patterns carry no `i`
// flag, and both validators must agree. A relative URL is one that does not start with a scheme (`/a`, `page#top`).
// messages.ts tells authors each pattern's rule.

/** Links the UI follows: http(s), mailto or relative, never `javascript:`. */
export const HREF_PATTERN = /^(?:(?:https?|mailto):|(?![A-Za-z][A-Za-z0-9+.-]*:))[^\s\x00-\x1f\x7f]*$/;
/** Resource-centre links: http(s) or relative. */
export const PAGE_PATTERN = /^(?:https?:|(?![A-Za-z][A-Za-z0-9+.-]*:))[^\s\x00-\x1f\x7f]*$/;
/** What the UI loads (images, videos, photos): absolute http(s) only. */
export const HTTP_PATTERN = /^https?:\/\/[^\s\x00-\x1f\x7f]+$/;
/** How to reach an ambassador: mailto:, tel: or http(s). */
export const CONTACT_PATTERN = /^(?:https?:\/\/|mailto:|tel:)[^\s\x00-\x1f\x7f]+$/;

/** ISO 8601 date, or date-time with optional seconds, fraction and offset (without offset: local time). */
export const DATE_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?$/;

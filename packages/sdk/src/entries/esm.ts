export { createCompagnon } from '../create.ts';
export type { CompagnonApi, CompagnonOptions, CompagnonError, DebugInfo, Listener } from '../api.ts';
export type { Bundle, Guide, CompagnonEvent, EventType, Locale } from '@compagnon/schema';
export type { UserProfile } from '@compagnon/core';

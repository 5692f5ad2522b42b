// Types of tooling/demo-data.mjs, for the TypeScript tests that import it.
import type { Bundle, CompagnonEvent } from '@compagnon/schema';

export const DEMO_APP: string;
export const DEMO_WRITE_KEY: string;
export const DEMO_SEED: number;
export const GUIDES_FILE: string;

export type ResolvePopulations = (populations: Record<string, unknown>, ctx: { user: Record<string, unknown> | undefined; now: number }) => string[];
export interface RosterRecord { id: string; department: string; isManager: boolean; hiredAt: string; site: string; lastSeenAt: string }
export interface Demo { app: string; roster: RosterRecord[]; events: CompagnonEvent[]; guides: { id: string; title: string }[] }

export function prng(seed: number): () => number;
export function personaRoster(now: number): RosterRecord[];
export function loadResolvePopulations(): Promise<ResolvePopulations>;
export function generateDemo(options: {
  bundle: Bundle | Record<string, unknown>;
  resolvePopulations: ResolvePopulations;
  now?: number;
  people?: number;
  days?: number;
  seed?: number;
  site?: string;
}): Demo;
export function publishIfChanged(options: { collector: string; adminToken: string; app: string; bundle: unknown }): Promise<{ published: boolean; version: number | undefined }>;
export function sendDemo(options: { collector: string; adminToken: string; writeKey?: string; demo: Demo; concurrency?: number }): Promise<{
  events: { accepted: number; duplicates: number; rejected: number };
  roster: number;
  batches: number;
}>;
export function readBundle(file?: string): Record<string, unknown>;

// Rows as the database gives them, for the forwarding tests.
import type { AppRow, EventRow } from '../src/forwarding/types.ts';

export const T0 = Date.UTC(2025, 0, 15, 9, 30);

export function eventRow(over: Partial<EventRow> = {}): EventRow {
  return {
    id: '5f0c8e9a-1b2c-4d3e-8f40-0123456789ab',
    app: 'intranet',
    type: 'guide_completed',
    ts: T0,
    user_hash: 'a'.repeat(64),
    session: '0b6f1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
    guide: 'expense-tour',
    guide_version: 3,
    step: null,
    item: null,
    populations: '["new-hires"]',
    url: 'https://intranet.example/expenses',
    props: null,
    received_at: T0 + 1000,
    ...over,
  };
}

export function appRow(over: Partial<AppRow> = {}): AppRow {
  return {
    id: 'intranet',
    name: 'Intranet',
    secret: 'f'.repeat(64),
    write_keys: '[]',
    origins: '[]',
    retention_days: null,
    k_anonymity: 5,
    xapi: null,
    webhooks: null,
    created_at: T0,
    ...over,
  };
}

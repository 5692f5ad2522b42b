export { type CreateDbOptions, DEFAULT_DB, createDb, isPostgresUrl } from './create.ts';
export { migrate } from './migrate.ts';
export type { AppsTable, Database, Db, DeliveriesTable, Dialect, EventsTable, GuideVersionsTable, RosterTable } from './types.ts';

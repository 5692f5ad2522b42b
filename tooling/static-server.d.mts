export interface StaticServerOptions {
  root: string;
  /** URL path → absolute file path (e.g. `/compagnon.iife.js` → the built IIFE). */
  routes?: Record<string, string>;
  port?: number;
  host?: string;
  headers?: Record<string, string> | ((path: string) => Record<string, string> | undefined);
}
export interface StaticServer { url: string; port: number; close(): Promise<void> }
export function createStaticServer(options: StaticServerOptions): Promise<StaticServer>;
export function contentType(file: string): string;
export function resolveUnder(root: string, pathname: string): string | null;

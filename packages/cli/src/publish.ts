// `compagnon publish <file> --app <id>`: validates locally (nothing is sent when the file has errors), then
// stores it as the app's next guide version on the collector.
import type { Io } from './io.ts';
import { checkFile } from './validate.ts';

export interface PublishOptions {
  file: string;
  app: string;
  /** @default http://127.0.0.1:4320 */
  url: string;
  /** @default $COMPAGNON_ADMIN_TOKEN */
  token: string | undefined;
}

interface PublishAnswer {
  version?: number;
  etag?: string;
  unchanged?: boolean;
  error?: string;
  errors?: { text?: string; path?: string; message?: string }[];
}

export async function publish(o: PublishOptions, io: Io): Promise<number> {
  if (!o.token) {
    io.stderr('publish: an admin token is needed: --token <t> (or --admin-token), or COMPAGNON_ADMIN_TOKEN');
    return 2;
  }
  const checked = await checkFile(o.file, io);
  if (!checked.ok) {
    io.stderr(`${o.file}: not published: fix the errors above first`);
    return 1;
  }
  const endpoint = `${o.url.replace(/\/+$/, '')}/v1/apps/${encodeURIComponent(o.app)}/guides`;
  let res: Response;
  try {
    res = await io.fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${o.token}` },
      // The file as written (the collector validates again and keeps what it was given).
      body: JSON.stringify(checked.value),
    });
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : '';
    io.stderr(`publish: cannot reach the collector at ${o.url}${cause}: is it running? (compagnon serve)`);
    return 1;
  }
  const answer = (await res.json().catch(() => ({}))) as PublishAnswer;
  if (!res.ok) {
    const why = res.status === 401 ? 'the admin token was refused' : (answer.error ?? `HTTP ${res.status}`);
    io.stderr(`publish: ${why}`);
    for (const e of answer.errors ?? []) io.stderr(`  ${o.file}: ${e.text ?? `${e.path}: ${e.message}`}`);
    return 1;
  }
  const tag = answer.etag ? ` (ETag ${answer.etag})` : '';
  io.stdout(answer.unchanged
    ? `Unchanged: ${o.app}'s version ${answer.version} already holds ${o.file}${tag}`
    : `Published ${o.file} to ${o.app}: version ${answer.version}${tag}`);
  return 0;
}

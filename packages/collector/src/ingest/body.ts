// The events body, read by hand rather than by Fastify's JSON parser: it may be gzip-compressed, and the
// 1 MiB limit applies to what it decompresses to (a few KiB of gzip can inflate to gigabytes: we stop at the
// limit instead of finding out).
import type { IncomingMessage } from 'node:http';
import { createGunzip, createInflate } from 'node:zlib';
import type { Readable, Transform } from 'node:stream';
import { httpError } from '../http/errors.ts';

/** 1 MiB, after decompression: the architecture's ceiling for one batch. */
export const MAX_BODY = 1024 * 1024;

/** The body as text; rejects with 413 over `limit`, 415 for an unknown encoding, 400 for broken gzip. */
export function readBody(request: IncomingMessage | Readable, encoding: string | undefined, limit = MAX_BODY): Promise<string> {
  const raw = request as Readable;
  const coding = (encoding ?? 'identity').trim().toLowerCase();
  let inflater: Transform | undefined;
  if (coding === 'gzip' || coding === 'x-gzip') inflater = createGunzip();
  else if (coding === 'deflate') inflater = createInflate();
  else if (coding !== 'identity' && coding !== '') return Promise.reject(httpError(415, `unsupported content-encoding "${coding}": send identity or gzip`));
  const source: Readable = inflater ? raw.pipe(inflater) : raw;
  const length = Number((request as IncomingMessage).headers?.['content-length']);
  if (source === raw && length > limit) return Promise.reject(httpError(413, `body of ${length} bytes: at most ${limit} bytes per batch`));

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: Error | undefined) => {
      if (settled) return;
      settled = true;
      source.removeListener('data', onData);
      if (error) {
        if (inflater) {
          raw.unpipe(inflater);
          inflater.destroy();
        }
        // Whatever is left is read and discarded, so the answer reaches the sender before the connection ends.
        raw.on('data', () => {});
        raw.resume();
        reject(error);
      } else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        const after = source === raw ? '' : ' after decompression';
        return finish(httpError(413, `body over ${limit} bytes${after}: at most ${limit} bytes per batch`));
      }
      chunks.push(chunk);
    };
    source.on('data', onData);
    source.once('end', () => finish(undefined));
    source.once('error', (e) =>
      finish(source === raw ? httpError(400, `body could not be read: ${e.message}`) : httpError(400, `body is not valid ${coding}: ${e.message}`, e)),
    );
    if (source !== raw) raw.once('error', (e) => finish(httpError(400, `body could not be read: ${e.message}`)));
  });
}

/** JSON.parse with a 400 that says why. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') throw httpError(400, 'empty body: expected { events: [...] }');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw httpError(400, `body is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

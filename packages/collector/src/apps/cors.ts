// CORS for the browser-facing routes (ingest, guides). Senders are host pages and the extension's service
// worker (`chrome-extension://<id>`), each allowed per app. The Allow-Origin header is only ever the request's
// own origin, when admitted: a foreign page can neither read answers nor get its preflight through.
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface CorsOptions {
  methods: string;
}

const ALLOW_HEADERS = 'content-type, authorization, content-encoding, if-none-match';
// Retry-After is not a CORS-safelisted response header: without this the SDK cannot honour it cross-origin.
const EXPOSE_HEADERS = 'Retry-After, ETag';

/** Headers every answer carries, whatever the origin. */
export function varyOrigin(reply: FastifyReply): void {
  reply.header('Vary', 'Origin');
}

export function allowOrigin(request: FastifyRequest, reply: FastifyReply, { methods }: CorsOptions): void {
  const origin = request.headers.origin;
  if (!origin) return;
  reply.header('Access-Control-Allow-Origin', origin);
  reply.header('Access-Control-Allow-Methods', methods);
  reply.header('Access-Control-Allow-Headers', ALLOW_HEADERS);
  reply.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  reply.header('Access-Control-Max-Age', '600');
  // Chromium's Private Network Access preflight, for pages served from a less private address than ours.
  if (request.headers['access-control-request-private-network']) reply.header('Access-Control-Allow-Private-Network', 'true');
}

/** Takes back an Allow-Origin set before the app (hence its allowlist) was known. */
export function disallowOrigin(reply: FastifyReply): void {
  for (const h of ['Access-Control-Allow-Origin', 'Access-Control-Allow-Private-Network', 'Access-Control-Expose-Headers'])
    reply.removeHeader(h);
}

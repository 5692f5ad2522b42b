export { enqueueForwarding, deliveriesFor, XAPI_BATCH } from './enqueue.ts';
export { startForwarding, claimDue, type Forwarding, type ForwardingOptions } from './worker.ts';
export { forwardingRoutes, type ForwardingRoutesOptions } from './routes.ts';
export { verifySignature, signatureHeader, SIGNATURE_HEADER } from './signature.ts';
export { toStatement, XAPI_VERBS, type Statement } from './xapi.ts';
export type { XapiConfig, WebhookConfig, WebhookBody, ForwardedEvent } from './types.ts';

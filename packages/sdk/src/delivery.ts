import type { CompagnonEvent } from '@compagnon/schema';
import { createOutbox, isUrgent, type Platform, type Transport } from '@compagnon/core';
import { createFetchTransport, createIdbOutboxStore, createRescueStore, electLeader, type TabChannel } from '@compagnon/dom';
import type { CompagnonError } from './api.ts';

/**
 * Events to the collector: persisted in the IndexedDB outbox before any send, flushed by one leader tab
 * (Web Locks; every tab where locks are missing), beaconed on page hide (and what was still being written kept in
 * localStorage for the next page), resent until a 2xx acknowledges them.
 */
export function createDelivery(o: {
  app: string; url: string | undefined; key: string | undefined; platform: Platform; channel: TabChannel;
  /** Replaces the fetch transport to `url`. */
  transport?: Transport | undefined;
  fail(error: CompagnonError): void;
}) {
  const { platform, channel } = o;
  const store = createIdbOutboxStore({ log: platform.log, app: o.app });
  const leader = electLeader(`compagnon:${o.app}:outbox`);
  const outbox = createOutbox({
    ...platform, store, key: o.key, isLeader: leader.isLeader, rescue: createRescueStore(o.app, platform.log),
    transport: o.transport ?? createFetchTransport({ url: o.url!, key: o.key }),
    onRejected: (rejected) => {
      for (const r of rejected) o.fail({ code: 'rejected', message: `event ${r.event.type} rejected: ${r.reason}` });
    },
    onError: (message, status) => o.fail({ code: 'delivery', message, status }),
    onAck: () => {},
  });
  const disposers = [
    leader.onChange((isLeader) => isLeader && outbox.kick()),
    channel.subscribe((m) => {
      const msg = m as { type?: string; urgent?: boolean };
      if (msg.type === 'outbox') outbox.kick(msg.urgent);
    }),
  ];
  return {
    send(event: CompagnonEvent) {
      // Tell the leader tab once the event is safely stored, so it flushes (at once for completions).
      void outbox.enqueue([event]).then(() => channel.post({ type: 'outbox', urgent: isUrgent(event) }));
    },
    /** Synchronous, on page hide: beacons what is not acknowledged yet. */
    flushOnHide: () => outbox.flushOnHide(),
    stats: () => outbox.stats(),
    dispose() {
      for (const d of disposers) d();
      outbox.dispose();
      leader.dispose();
      store.close();
    },
  };
}

export type Delivery = ReturnType<typeof createDelivery>;

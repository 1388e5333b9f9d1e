// One small in-process bus for domain events. Two kinds of subscriber:
//  - on():          work done once, in the process where the event happened
//                   (re-render a site after its address changed, wake a queue);
//  - onEverywhere(): per-process state every Atrium process keeps (the serving
//                   cache), also called for events that other processes emitted
//                   and that reached this one through the change log.
// emit() waits for the local subscribers, so a request that changes something
// answers after its consequences (e.g. the re-render) are done. A failing
// subscriber is logged with the event and never fails the emitter.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { CROSS_PROCESS, type DomainEvent, type EventOf, type EventType } from './events.js';

type Handler<T extends EventType> = (event: EventOf<T>) => void | Promise<void>;
type AnyHandler = (event: DomainEvent) => void | Promise<void>;

/** Carries cross-process events to the other processes. */
export interface EventTransport {
  publish(origin: string, event: DomainEvent): Promise<void>;
}

export class EventBus {
  /** Identifies this process's bus in the change log, so it skips its own events there. */
  readonly origin = randomBytes(9).toString('base64url');
  private readonly local = new Map<EventType, AnyHandler[]>();
  private readonly everywhere = new Map<EventType, AnyHandler[]>();
  private transport: EventTransport | undefined;

  constructor(private readonly log: Logger) {}

  on<T extends EventType>(type: T, handler: Handler<T>): () => void {
    return add(this.local, type, handler as AnyHandler);
  }

  onEverywhere<T extends EventType>(type: T, handler: Handler<T>): () => void {
    return add(this.everywhere, type, handler as AnyHandler);
  }

  connect(transport: EventTransport) {
    this.transport = transport;
  }

  /** Announces an event: local subscribers run (and are awaited); cross-process events go to the other processes. */
  async emit(event: DomainEvent): Promise<void> {
    if (CROSS_PROCESS.has(event.type) && this.transport) {
      try {
        await this.transport.publish(this.origin, event);
      } catch (err) {
        // The other processes catch up with their next successful poll of the database.
        this.log.error({ err, event: event.type }, 'could not tell other processes about an event');
      }
    }
    await this.run([...(this.everywhere.get(event.type) ?? []), ...(this.local.get(event.type) ?? [])], event);
  }

  /** Delivers an event that another process emitted: only the per-process subscribers run. */
  async receive(event: DomainEvent): Promise<void> {
    await this.run(this.everywhere.get(event.type) ?? [], event);
  }

  private async run(handlers: AnyHandler[], event: DomainEvent) {
    for (const handler of handlers) {
      try {
        await handler(event);
      } catch (err) {
        this.log.error({ err, event: event.type, site: 'siteId' in event ? event.siteId : undefined }, 'an event subscriber failed');
      }
    }
  }
}

function add(map: Map<EventType, AnyHandler[]>, type: EventType, handler: AnyHandler) {
  const list = map.get(type) ?? [];
  list.push(handler);
  map.set(type, list);
  return () => {
    const i = list.indexOf(handler);
    if (i >= 0) list.splice(i, 1);
  };
}

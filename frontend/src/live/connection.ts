/**
 * The one shared STOMP client (brokerURL ws(s)://host/ws). It connects when the first live page needs it,
 * reconnects on its own, keeps every subscription across reconnects and tells the page its status.
 */
import { Client, type IMessage, type StompSubscription } from '@stomp/stompjs';
import { createStore } from '../store';

export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting';

export interface LiveConnection {
  /** A subscription that lives until the returned function is called, renewed after every reconnect. */
  subscribe(destination: string, onMessage: (body: unknown) => void): () => void;
  /** One answer (a snapshot from /app/…), then unsubscribed. */
  once(destination: string, onMessage: (body: unknown) => void): () => void;
  publish(destination: string, body: unknown): void;
  /** Called on every (re)connect; `again` is false the first time. */
  onConnect(listener: (again: boolean) => void): () => void;
  isOpen(): boolean;
}

export const connectionStatus = createStore<ConnectionStatus>('idle');

interface Sub {
  destination: string;
  onMessage: (body: unknown) => void;
  once: boolean;
  stomp: StompSubscription | null;
}

function parse(message: IMessage): unknown {
  try {
    return JSON.parse(message.body);
  } catch {
    return message.body;
  }
}

export function brokerUrl(loc: Location = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}

class StompConnection implements LiveConnection {
  private client: Client | null = null;
  private subs = new Set<Sub>();
  private connectListeners = new Set<(again: boolean) => void>();
  private connectedBefore = false;
  private pendingPublishes: { destination: string; body: string }[] = [];

  private ensure() {
    if (this.client) return;
    connectionStatus.set('connecting');
    const client = new Client({
      brokerURL: brokerUrl(),
      reconnectDelay: 1500,
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000,
      connectionTimeout: 8000,
    });
    client.onConnect = () => {
      connectionStatus.set('open');
      const again = this.connectedBefore;
      this.connectedBefore = true;
      for (const sub of this.subs) this.attach(sub);
      const queued = this.pendingPublishes;
      this.pendingPublishes = [];
      queued.forEach((p) => client.publish(p));
      this.connectListeners.forEach((l) => l(again));
    };
    const lost = () => {
      for (const sub of this.subs) sub.stomp = null;
      if (this.client) connectionStatus.set(this.connectedBefore ? 'reconnecting' : 'connecting');
    };
    client.onWebSocketClose = lost;
    client.onStompError = lost;
    this.client = client;
    client.activate();
  }

  private attach(sub: Sub) {
    const client = this.client;
    if (!client || !client.connected) return;
    sub.stomp = client.subscribe(sub.destination, (message) => {
      if (sub.once) {
        this.drop(sub);
      }
      sub.onMessage(parse(message));
    });
  }

  private drop(sub: Sub) {
    this.subs.delete(sub);
    if (sub.stomp && this.client?.connected) {
      try {
        sub.stomp.unsubscribe();
      } catch {
        // the connection went away meanwhile
      }
    }
    sub.stomp = null;
  }

  private add(destination: string, onMessage: (body: unknown) => void, once: boolean) {
    this.ensure();
    const sub: Sub = { destination, onMessage, once, stomp: null };
    this.subs.add(sub);
    this.attach(sub);
    return () => this.drop(sub);
  }

  subscribe(destination: string, onMessage: (body: unknown) => void) {
    return this.add(destination, onMessage, false);
  }

  once(destination: string, onMessage: (body: unknown) => void) {
    return this.add(destination, onMessage, true);
  }

  publish(destination: string, body: unknown) {
    this.ensure();
    const frame = { destination, body: JSON.stringify(body) };
    if (this.client?.connected) this.client.publish(frame);
    else this.pendingPublishes.push(frame);
  }

  onConnect(listener: (again: boolean) => void) {
    this.connectListeners.add(listener);
    return () => this.connectListeners.delete(listener);
  }

  isOpen() {
    return !!this.client?.connected;
  }

  /** On logout: close the socket (a new login opens a new one). */
  async close() {
    const client = this.client;
    this.client = null;
    this.subs.clear();
    this.connectedBefore = false;
    connectionStatus.set('idle');
    if (client) await client.deactivate();
  }
}

export const live = new StompConnection();

import type { LiveConnection } from './connection';
import { openLiveDoc } from './liveDoc';

/** A connection double: records subscriptions and lets the test deliver frames and reconnects. */
function fakeConnection(open = true) {
  const subs = new Map<string, Set<(b: unknown) => void>>();
  const connectListeners = new Set<(again: boolean) => void>();
  const order: string[] = [];
  let isOpen = open;
  const add = (d: string, f: (b: unknown) => void) => {
    order.push(d);
    if (!subs.has(d)) subs.set(d, new Set());
    subs.get(d)!.add(f);
    return () => subs.get(d)!.delete(f);
  };
  const conn: LiveConnection = {
    subscribe: add,
    once: (d, f) => {
      const stop = add(d, (b) => {
        stop();
        f(b);
      });
      return stop;
    },
    publish: vi.fn(),
    onConnect: (l) => {
      connectListeners.add(l);
      return () => connectListeners.delete(l);
    },
    isOpen: () => isOpen,
  };
  return {
    conn,
    order,
    deliver: (d: string, body: unknown) => [...(subs.get(d) ?? [])].forEach((f) => f(body)),
    count: (d: string) => subs.get(d)?.size ?? 0,
    connect: (again: boolean) => {
      isOpen = true;
      connectListeners.forEach((l) => l(again));
    },
  };
}

describe('openLiveDoc', () => {
  it('subscribes to the topic before asking for the snapshot, then applies messages', () => {
    const f = fakeConnection();
    const seen: unknown[] = [];
    const h = openLiveDoc(f.conn, {
      topic: '/topic/meetings/m1',
      snapshotDestination: '/app/meetings/m1',
      changes: async () => [],
      snapshot: async () => ({ version: 0 }),
    }, (d) => seen.push(d));
    expect(f.order).toEqual(['/topic/meetings/m1', '/app/meetings/m1']);
    f.deliver('/topic/meetings/m1', { version: 3, patch: [{ op: 'replace', path: '/title', value: 'B' }] });
    f.deliver('/app/meetings/m1', { version: 2, title: 'A' });
    expect(h.doc.current).toEqual({ version: 3, title: 'B' });
    expect(f.count('/app/meetings/m1')).toBe(0);
    h.stop();
    expect(f.count('/topic/meetings/m1')).toBe(0);
  });

  it('catches up over HTTP after a reconnect', async () => {
    const f = fakeConnection();
    const changes = vi.fn(async () => [{ version: 3, patch: [{ op: 'replace' as const, path: '/title', value: 'C' }] }]);
    const h = openLiveDoc(f.conn, {
      topic: '/topic/funds/f1',
      snapshotDestination: '/app/funds/f1',
      changes,
      snapshot: async () => ({ version: 0 }),
    }, () => undefined);
    f.deliver('/app/funds/f1', { version: 2, title: 'A' });
    f.connect(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(changes).toHaveBeenCalledWith(2);
    expect(h.doc.current).toEqual({ version: 3, title: 'C' });
    h.stop();
  });

  it('takes the snapshot over HTTP while the socket is not open yet', async () => {
    const f = fakeConnection(false);
    const h = openLiveDoc(f.conn, {
      topic: '/topic/funds/f1',
      snapshotDestination: '/app/funds/f1',
      changes: async () => [],
      snapshot: async () => ({ version: 4, title: 'http' }),
    }, () => undefined);
    await new Promise((r) => setTimeout(r, 0));
    expect(h.doc.current).toEqual({ version: 4, title: 'http' });
    h.stop();
  });
});

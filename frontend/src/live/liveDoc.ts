/**
 * Opens a live read model: subscribes to its topic (messages buffered), asks for the snapshot (/app/…),
 * applies messages by version and catches up after every reconnect. `stop()` unsubscribes.
 */
import type { LiveConnection } from './connection';
import { VersionedDoc, type CatchUp, type Listener, type Versioned, type VersionedChange } from './versioned';

export interface LiveDocOptions<T extends Versioned> extends CatchUp<T> {
  topic: string;
  snapshotDestination: string;
}

export interface LiveDocHandle<T extends Versioned> {
  doc: VersionedDoc<T>;
  stop(): void;
}

export function openLiveDoc<T extends Versioned>(
  conn: LiveConnection,
  options: LiveDocOptions<T>,
  listener: Listener<T>,
  onError?: (e: unknown) => void,
): LiveDocHandle<T> {
  const doc = new VersionedDoc<T>(options);
  doc.listen(listener);
  let stopSnapshot: (() => void) | null = null;

  const requestSnapshot = () => {
    stopSnapshot?.();
    stopSnapshot = conn.once(options.snapshotDestination, (body) => {
      stopSnapshot = null;
      if (body && typeof body === 'object' && 'version' in body) doc.snapshot(body as T);
      else onError?.(body);
    });
  };

  const stopTopic = conn.subscribe(options.topic, (body) => {
    if (body && typeof body === 'object' && 'version' in body) doc.receive(body as VersionedChange);
  });
  // On every (re)connect: catch up from the version we have (it may have come over HTTP while the socket was
  // down), or ask for the snapshot if we have nothing yet.
  const stopConnect = conn.onConnect(() => {
    if (doc.current) void doc.catchUp();
    else requestSnapshot();
  });
  if (conn.isOpen()) requestSnapshot();
  // Not connected (yet): the onConnect above asks for the snapshot; meanwhile take it over HTTP so the page
  // shows something even while the socket is down.
  else void doc.resync().catch(onError);

  return {
    doc,
    stop() {
      stopSnapshot?.();
      stopTopic();
      stopConnect();
      doc.stop();
    },
  };
}

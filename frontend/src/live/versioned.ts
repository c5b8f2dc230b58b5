/**
 * A read model kept current from live messages, by version (API.md "Live"): a message whose version is
 * current + 1 is applied (its RFC 6902 patch); one at or below current is a duplicate and ignored; one further
 * ahead means messages were missed, so the missed ones are fetched (GET …/changes?since=current) and applied in
 * order, or, if that fails, a fresh snapshot is taken. Messages that arrive before the first snapshot or during a
 * catch-up wait in a buffer.
 */
import { applyPatch, type Operation } from 'fast-json-patch';

export interface VersionedChange {
  version: number;
  patch: Operation[];
  type?: string;
  actor?: string;
  at?: string;
}

export interface Versioned {
  version: number;
}

export interface CatchUp<T extends Versioned> {
  changes(since: number): Promise<VersionedChange[]>;
  snapshot(): Promise<T>;
}

export type Listener<T> = (doc: T, change: VersionedChange | null) => void;

export class VersionedDoc<T extends Versioned> {
  private doc: T | null = null;
  private buffer: VersionedChange[] = [];
  private catchingUp: Promise<void> | null = null;
  private listeners = new Set<Listener<T>>();
  private stopped = false;

  constructor(private readonly source: CatchUp<T>) {}

  get current(): T | null {
    return this.doc;
  }

  get version(): number {
    return this.doc ? this.doc.version : -1;
  }

  listen(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop() {
    this.stopped = true;
    this.listeners.clear();
    this.buffer = [];
  }

  /** A whole read model (from /app/… on subscribe, or fetched). Older than what we have: ignored. */
  snapshot(doc: T) {
    if (this.stopped) return;
    if (this.doc && doc.version < this.doc.version) return;
    this.doc = doc;
    this.emit(null);
    this.drain();
  }

  /** One live message. */
  receive(change: VersionedChange) {
    if (this.stopped) return;
    if (!this.doc || this.catchingUp) {
      this.buffer.push(change);
      return;
    }
    if (change.version <= this.doc.version) return;
    if (change.version === this.doc.version + 1) {
      if (!this.apply(change)) void this.resync();
      this.drain();
      return;
    }
    this.buffer.push(change);
    void this.catchUp();
  }

  /** After a reconnect: fetch what was missed while away. */
  catchUp(): Promise<void> {
    if (this.catchingUp) return this.catchingUp;
    if (!this.doc) return this.resync();
    this.catchingUp = (async () => {
      try {
        const missed = await this.source.changes(this.doc!.version);
        for (const c of [...missed].sort((a, b) => a.version - b.version)) {
          if (this.stopped || !this.doc) return;
          if (c.version <= this.doc.version) continue;
          if (c.version !== this.doc.version + 1 || !this.apply(c)) throw new Error('gap in changes');
        }
      } catch {
        await this.fetchSnapshot();
      } finally {
        this.catchingUp = null;
      }
      this.drain();
    })();
    return this.catchingUp;
  }

  /** Replace the document with a fresh snapshot fetched over HTTP. */
  resync(): Promise<void> {
    if (this.catchingUp) return this.catchingUp;
    this.catchingUp = (async () => {
      try {
        await this.fetchSnapshot();
      } finally {
        this.catchingUp = null;
      }
      this.drain();
    })();
    return this.catchingUp;
  }

  private async fetchSnapshot() {
    try {
      const fresh = await this.source.snapshot();
      if (this.stopped) return;
      if (!this.doc || fresh.version >= this.doc.version) {
        this.doc = fresh;
        this.emit(null);
      }
    } catch {
      // keep what we have; the next message or reconnect tries again
    }
  }

  /** Apply buffered messages that follow on from the current version; catch up if a gap remains. */
  private drain() {
    if (!this.doc || this.catchingUp || this.stopped) return;
    this.buffer.sort((a, b) => a.version - b.version);
    while (this.buffer.length && this.doc) {
      const next = this.buffer[0];
      if (next.version <= this.doc.version) {
        this.buffer.shift();
      } else if (next.version === this.doc.version + 1) {
        this.buffer.shift();
        if (!this.apply(next)) {
          void this.resync();
          return;
        }
      } else {
        void this.catchUp();
        return;
      }
    }
  }

  private apply(change: VersionedChange): boolean {
    try {
      const next = applyPatch(this.doc, change.patch ?? [], false, false).newDocument as T;
      next.version = change.version;
      this.doc = next;
      this.emit(change);
      return true;
    } catch {
      return false;
    }
  }

  private emit(change: VersionedChange | null) {
    const doc = this.doc;
    if (!doc) return;
    this.listeners.forEach((l) => l(doc, change));
  }
}

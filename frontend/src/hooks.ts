import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, type Change, type FundStatus, type Minutes } from './api';
import { live, type LiveConnection } from './live/connection';
import { openLiveDoc } from './live/liveDoc';
import type { VersionedChange } from './live/versioned';

export interface Async<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => alive && setState({ data, loading: false }),
      (error) => alive && setState({ error, loading: false }),
    );
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export interface LiveState<T> {
  doc: T | null;
  last: VersionedChange | null;
  error: unknown;
}

/** A live read model for as long as the component is shown: subscribed on mount, unsubscribed on unmount. */
export function useLiveDoc<T extends { version: number }>(
  key: string,
  open: (conn: LiveConnection, onDoc: (doc: T, change: VersionedChange | null) => void, onError: (e: unknown) => void) => () => void,
  conn: LiveConnection = live,
): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ doc: null, last: null, error: null });
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    setState({ doc: null, last: null, error: null });
    return openRef.current(
      conn,
      (doc, change) => setState((s) => ({ doc, last: change ?? s.last, error: null })),
      (error) => setState((s) => ({ ...s, error })),
    );
  }, [key, conn]);
  return state;
}

export function useLiveMeeting(id: string): LiveState<Minutes> {
  return useLiveDoc<Minutes>(`meeting:${id}`, (conn, onDoc, onError) => {
    const handle = openLiveDoc<Minutes>(
      conn,
      {
        topic: `/topic/meetings/${id}`,
        snapshotDestination: `/app/meetings/${id}`,
        snapshot: () => api.minutes(id).catch((e) => { onError(e); throw e; }),
        changes: (since) => api.meetingChanges(id, since) as Promise<Change[]>,
      },
      onDoc,
      onError,
    );
    return handle.stop;
  });
}

export function useLiveFund(id: string): LiveState<FundStatus> {
  return useLiveDoc<FundStatus>(`fund:${id}`, (conn, onDoc, onError) => {
    const handle = openLiveDoc<FundStatus>(
      conn,
      {
        topic: `/topic/funds/${id}`,
        snapshotDestination: `/app/funds/${id}`,
        snapshot: () => api.fundStatus(id).catch((e) => { onError(e); throw e; }),
        changes: (since) => api.fundChanges(id, since) as Promise<Change[]>,
      },
      onDoc,
      onError,
    );
    return handle.stop;
  });
}

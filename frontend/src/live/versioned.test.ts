import { VersionedDoc, type VersionedChange } from './versioned';

interface Doc {
  version: number;
  text: string;
  list: string[];
}

const change = (version: number, text: string): VersionedChange => ({
  version,
  patch: [{ op: 'replace', path: '/text', value: text }],
});

function setup(overrides: Partial<{ changes: (since: number) => Promise<VersionedChange[]>; snapshot: () => Promise<Doc> }> = {}) {
  const source = {
    changes: vi.fn(overrides.changes ?? (async () => [] as VersionedChange[])),
    snapshot: vi.fn(overrides.snapshot ?? (async () => ({ version: 0, text: '', list: [] }))),
  };
  const doc = new VersionedDoc<Doc>(source);
  const seen: Doc[] = [];
  doc.listen((d) => seen.push(d));
  return { doc, source, seen };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('VersionedDoc', () => {
  it('applies the next version and ignores duplicates', () => {
    const { doc, seen } = setup();
    doc.snapshot({ version: 3, text: 'a', list: [] });
    doc.receive(change(4, 'b'));
    doc.receive(change(4, 'b-again'));
    doc.receive(change(2, 'old'));
    expect(doc.current).toEqual({ version: 4, text: 'b', list: [] });
    expect(seen).toHaveLength(2);
  });

  it('never mutates a document it already handed out', () => {
    const { doc, seen } = setup();
    doc.snapshot({ version: 1, text: 'a', list: [] });
    doc.receive({ version: 2, patch: [{ op: 'add', path: '/list/-', value: 'x' }] });
    expect(seen[0].list).toEqual([]);
    expect(seen[1].list).toEqual(['x']);
  });

  it('buffers messages that come before the snapshot and applies the newer ones', () => {
    const { doc } = setup();
    doc.receive(change(5, 'five'));
    doc.receive(change(6, 'six'));
    doc.snapshot({ version: 5, text: 'five', list: [] });
    expect(doc.current).toMatchObject({ version: 6, text: 'six' });
  });

  it('fetches missed changes on a gap and applies them in order', async () => {
    const { doc, source } = setup({
      changes: async (since) => (since === 1 ? [change(3, 'three'), change(2, 'two')] : []),
    });
    doc.snapshot({ version: 1, text: 'one', list: [] });
    doc.receive(change(4, 'four'));
    await flush();
    expect(source.changes).toHaveBeenCalledWith(1);
    expect(doc.current).toMatchObject({ version: 4, text: 'four' });
  });

  it('takes a fresh snapshot when catching up fails', async () => {
    const { doc, source } = setup({
      changes: async () => {
        throw new Error('offline');
      },
      snapshot: async () => ({ version: 9, text: 'fresh', list: [] }),
    });
    doc.snapshot({ version: 1, text: 'one', list: [] });
    doc.receive(change(5, 'five'));
    await flush();
    await flush();
    expect(source.snapshot).toHaveBeenCalled();
    expect(doc.current).toMatchObject({ version: 9, text: 'fresh' });
  });

  it('takes a snapshot when the changes still leave a gap', async () => {
    const { doc, source } = setup({
      changes: async () => [change(3, 'three')],
      snapshot: async () => ({ version: 4, text: 'snap', list: [] }),
    });
    doc.snapshot({ version: 1, text: 'one', list: [] });
    doc.receive(change(4, 'four'));
    await flush();
    await flush();
    expect(source.snapshot).toHaveBeenCalled();
    expect(doc.current).toMatchObject({ version: 4, text: 'snap' });
  });

  it('resyncs when a patch does not apply', async () => {
    const { doc, source } = setup({ snapshot: async () => ({ version: 2, text: 'ok', list: [] }) });
    doc.snapshot({ version: 1, text: 'one', list: [] });
    doc.receive({ version: 2, patch: [{ op: 'test', path: '/text', value: 'not-this' }] });
    await flush();
    expect(source.snapshot).toHaveBeenCalled();
    expect(doc.current).toMatchObject({ version: 2, text: 'ok' });
  });

  it('catches up after a reconnect from the version it has', async () => {
    const { doc, source } = setup({ changes: async () => [change(8, 'eight')] });
    doc.snapshot({ version: 7, text: 'seven', list: [] });
    await doc.catchUp();
    expect(source.changes).toHaveBeenCalledWith(7);
    expect(doc.current).toMatchObject({ version: 8, text: 'eight' });
  });

  it('ignores an older snapshot', () => {
    const { doc } = setup();
    doc.snapshot({ version: 5, text: 'five', list: [] });
    doc.snapshot({ version: 4, text: 'four', list: [] });
    expect(doc.current?.text).toBe('five');
  });
});

import { api, ApiError, csrfToken } from './api';

describe('api', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  it('reads the CSRF cookie', () => {
    expect(csrfToken('a=1; XSRF-TOKEN=abc%3D; b=2')).toBe('abc=');
    expect(csrfToken('a=1')).toBeNull();
  });

  it('sends the CSRF header and X-Requested-With on writes', async () => {
    document.cookie = 'XSRF-TOKEN=tok123';
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ revision: 2 }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const res = await api.recordDecision('m1', 'i1', { text: 'x', outcome: 'APPROVED', baseRevision: 1 });
    expect(res).toEqual({ revision: 2 });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/meetings/m1/agenda/i1/decision');
    expect(init.method).toBe('PUT');
    const headers = init.headers as Record<string, string>;
    expect(headers['X-XSRF-TOKEN']).toBe('tok123');
    expect(headers['X-Requested-With']).toBe('XMLHttpRequest');
    expect(JSON.parse(init.body as string)).toEqual({ text: 'x', outcome: 'APPROVED', baseRevision: 1 });
  });

  it('logs in with a form post', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    await api.login('anne', 'secret pw');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/login');
    expect(String(init.body)).toBe('username=anne&password=secret+pw');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/x-www-form-urlencoded');
  });

  it('turns problem+json into an ApiError carrying the body', async () => {
    const body = { title: 'Conflict', status: 409, detail: 'overlap', current: { revision: 3, text: 'theirs', outcome: null } };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status: 409, headers: { 'Content-Type': 'application/problem+json' } })));
    const err = await api.recordDecision('m', 'i', { text: 'mine', outcome: 'NOTED', baseRevision: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(409);
    expect(err.problem.current).toEqual({ revision: 3, text: 'theirs', outcome: null });
  });
});

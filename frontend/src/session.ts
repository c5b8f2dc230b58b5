/** Who is signed in; `undefined` while we ask, `null` when nobody is. */
import { api, ApiError, setUnauthorizedHandler, type Me } from './api';
import { live } from './live/connection';
import { navigate } from './router';
import { createStore } from './store';

export const me = createStore<Me | null | undefined>(undefined);

export function toLogin() {
  const here = window.location.pathname + window.location.search;
  me.set(null);
  void live.close();
  if (window.location.pathname !== '/login') navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
}

export async function loadMe() {
  try {
    me.set(await api.me());
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) toLogin();
    else me.set(null);
  }
}

export async function logIn(username: string, password: string): Promise<boolean> {
  // The CSRF cookie is set by any earlier response (GET /api/me); Spring renews it on login.
  try {
    await api.login(username, password);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return false;
    if (e instanceof ApiError && e.status === 403) {
      // no CSRF cookie yet: fetch one and try once more
      await api.me().catch(() => undefined);
      try {
        await api.login(username, password);
      } catch (e2) {
        if (e2 instanceof ApiError && (e2.status === 401 || e2.status === 403)) return false;
        throw e2;
      }
    } else throw e;
  }
  me.set(await api.me());
  return true;
}

export async function logOut() {
  await api.logout().catch(() => undefined);
  await live.close();
  me.set(null);
  navigate('/login', { replace: true });
}

setUnauthorizedHandler(() => {
  if (me.get() !== null) toLogin();
});

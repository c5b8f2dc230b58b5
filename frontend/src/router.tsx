/** Deep-linkable pages on the History API: no full reloads, and the server answers every route with index.html. */
import type { JSX } from 'preact';
import { createStore, useStore } from './store';

export type Route =
  | { page: 'committees' }
  | { page: 'login'; next: string }
  | { page: 'committee'; id: string }
  | { page: 'meeting'; id: string; item: string | null }
  | { page: 'fund'; id: string }
  | { page: 'notFound' };

export function parseRoute(pathname: string, search = ''): Route {
  const params = new URLSearchParams(search);
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'committees' };
  if (parts.length === 1 && parts[0] === 'committees') return { page: 'committees' };
  if (parts.length === 1 && parts[0] === 'login') {
    const next = params.get('next');
    return { page: 'login', next: next && next.startsWith('/') && !next.startsWith('//') ? next : '/' };
  }
  if (parts.length === 2 && parts[0] === 'committees') return { page: 'committee', id: parts[1] };
  if (parts.length === 2 && parts[0] === 'meetings') return { page: 'meeting', id: parts[1], item: params.get('item') };
  if (parts.length === 2 && parts[0] === 'funds') return { page: 'fund', id: parts[1] };
  return { page: 'notFound' };
}

const currentLocation = () => ({ path: window.location.pathname, search: window.location.search });
export const location = createStore(currentLocation());

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => location.set(currentLocation()));
}

export function navigate(to: string, options: { replace?: boolean } = {}) {
  const url = new URL(to, window.location.origin);
  if (options.replace) window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  else window.history.pushState(null, '', url.pathname + url.search + url.hash);
  location.set(currentLocation());
}

export function useRoute(): Route {
  const loc = useStore(location);
  return parseRoute(loc.path, loc.search);
}

/** An ordinary link that navigates in-page on a plain left click (new tabs etc. still work). */
export function Link(props: JSX.HTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const onClick = (e: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
    props.onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(props.href);
  };
  return <a {...props} onClick={onClick} />;
}

// A small History API router: pages live under /ui/..., links are plain <a href> intercepted here.
import { useEffect, useState } from 'preact/hooks';

export const root = '/ui';
const listeners = new Set();

export function navigate(href, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  listeners.forEach((l) => l());
}

window.addEventListener('popstate', () => listeners.forEach((l) => l()));
document.addEventListener('click', (event) => {
  const a = event.target.closest?.('a[href]');
  if (!a || a.target || a.hasAttribute('download') || event.defaultPrevented || event.button !== 0
    || event.metaKey || event.ctrlKey || event.shiftKey || !a.getAttribute('href').startsWith(root + '/')) return;
  event.preventDefault();
  navigate(a.getAttribute('href'));
});

export function useLocation() {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((t) => t + 1);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return { path: location.pathname.slice(root.length) || '/', query: new URLSearchParams(location.search) };
}

/** Matches `/flows/:namespace/:id` style patterns; returns the decoded parameters or null. */
export function match(pattern, path) {
  const p = pattern.split('/');
  const s = path.replace(/\/$/, '').split('/');
  if (p.length !== s.length) return null;
  const params = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

export const href = (...parts) => root + '/' + parts.map((p) => encodeURIComponent(p)).join('/');

/** Keeps a page's filters in the address bar, so a filtered list can be bookmarked and the back button works. */
export function setQuery(values) {
  const query = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') query.delete(k);
    else query.set(k, v);
  }
  const text = query.toString();
  navigate(location.pathname + (text ? '?' + text : ''), { replace: true });
}

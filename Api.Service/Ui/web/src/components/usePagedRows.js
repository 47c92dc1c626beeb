import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/**
 * Rows of a server-paged list (`{results, total}`), fetched a page at a time as they scroll into view. The list
 * holds at most `keep` pages, so a million rows cost a few pages of memory. `refresh()` reloads the pages in view
 * and the total (live updates); changing `key` (the filters) starts over.
 */
export function usePagedRows(fetchPage, key, { pageSize = 100, keep = 12 } = {}) {
  const [state, setState] = useState({ total: null, pages: new Map(), error: null });
  const range = useRef([0, 0]);
  const loading = useRef(new Set());
  const generation = useRef(0);

  const load = useCallback(async (page, gen) => {
    if (loading.current.has(page)) return;
    loading.current.add(page);
    try {
      const result = await fetchPage(page, pageSize);
      if (gen !== generation.current) return;
      setState((s) => {
        const pages = new Map(s.pages);
        pages.set(page, result.results || []);
        while (pages.size > keep) {
          const [first, last] = range.current;
          const far = [...pages.keys()].sort((a, b) => distance(b, first, last, pageSize) - distance(a, first, last, pageSize))[0];
          pages.delete(far);
        }
        return { total: result.total ?? (result.results || []).length, pages, error: null };
      });
    } catch (error) {
      if (gen === generation.current) setState((s) => ({ ...s, error }));
    } finally {
      loading.current.delete(page);
    }
  }, [fetchPage, pageSize, keep]);

  const visiblePages = () => {
    const [first, last] = range.current;
    const pages = [];
    for (let p = Math.floor(first / pageSize) + 1; p <= Math.floor(Math.max(first, last - 1) / pageSize) + 1; p++) pages.push(p);
    return pages;
  };

  useEffect(() => {
    generation.current++;
    loading.current = new Set();
    setState({ total: null, pages: new Map(), error: null });
    load(1, generation.current);
  }, [key]);

  const onRange = useCallback((first, last) => {
    range.current = [first, last];
    setState((s) => {
      for (const p of visiblePages()) if (!s.pages.has(p)) load(p, generation.current);
      return s;
    });
  }, [load]);

  const refresh = useCallback(() => {
    for (const p of visiblePages()) load(p, generation.current);
  }, [load]);

  const row = (i) => state.pages.get(Math.floor(i / pageSize) + 1)?.[i % pageSize];
  return { total: state.total, error: state.error, row, onRange, refresh };
}

const distance = (page, first, last, size) => {
  const start = (page - 1) * size;
  return start > last ? start - last : first > start + size ? first - start - size : 0;
};

/** Calls `tick` every `ms` while the tab is visible. */
export function useInterval(tick, ms) {
  useEffect(() => {
    if (!ms) return undefined;
    const id = setInterval(() => { if (document.visibilityState === 'visible') tick(); }, ms);
    return () => clearInterval(id);
  }, [tick, ms]);
}

import { useCallback } from 'preact/hooks';
import { get } from '../api.js';
import { formatDate } from '../format.js';
import { href, setQuery, useLocation } from '../router.js';
import { ErrorBox } from '../components/ErrorBox.jsx';
import { VirtualList } from '../components/VirtualList.jsx';
import { usePagedRows } from '../components/usePagedRows.js';

/** Flows: search by text and namespace (prefix), server-paged and virtualised. */
export function FlowsPage() {
  const { query } = useLocation();
  const q = query.get('q') || '';
  const namespace = query.get('namespace') || '';
  const fetchPage = useCallback((page, size) => get('/flows/search', { q, namespace, page, size, sort: 'namespace:asc' }), [q, namespace]);
  const rows = usePagedRows(fetchPage, `${q}|${namespace}`);

  return (
    <section class="page">
      <header class="page-header">
        <h1>Flows</h1>
        <a class="button primary" href="/ui/flows/new">Create flow</a>
      </header>
      <div class="filters">
        <input type="search" placeholder="Search flows" value={q} onInput={(e) => setQuery({ q: e.currentTarget.value })} aria-label="Search flows" />
        <input type="search" placeholder="Namespace" value={namespace} onInput={(e) => setQuery({ namespace: e.currentTarget.value })} aria-label="Namespace" />
        <span class="total">{rows.total ?? '…'} flows</span>
      </div>
      <ErrorBox error={rows.error} />
      <div class="table">
        <div class="row head flows-row"><span>Id</span><span>Namespace</span><span>Revision</span><span>Updated</span><span>Labels</span><span>Status</span></div>
        <VirtualList class="table-body" count={rows.total ?? 0} rowHeight={36} onRange={rows.onRange} renderRow={(i) => {
          const flow = rows.row(i);
          if (!flow) return <div class="row flows-row loading" key={i}><span>…</span></div>;
          return (
            <div class="row flows-row" key={i}>
              <span><a href={href('flows', flow.namespace, flow.id)}>{flow.id}</a></span>
              <span><a href={`/ui/flows?namespace=${encodeURIComponent(flow.namespace)}`}>{flow.namespace}</a></span>
              <span>{flow.revision}</span>
              <span>{formatDate(flow.updated)}</span>
              <span class="labels">{(flow.labels || []).map((l) => <span class="label" key={l.key}>{l.key}:{l.value}</span>)}</span>
              <span>{flow.disabled ? <span class="badge state-killed">disabled</span> : <span class="badge state-success">enabled</span>}</span>
            </div>
          );
        }} />
      </div>
    </section>
  );
}

import { useCallback } from 'preact/hooks';
import { get } from '../api.js';
import { allStates, formatDate, formatDuration, span } from '../format.js';
import { href, setQuery, useLocation } from '../router.js';
import { ErrorBox } from '../components/ErrorBox.jsx';
import { StateBadge } from '../components/StateBadge.jsx';
import { VirtualList } from '../components/VirtualList.jsx';
import { useInterval, usePagedRows } from '../components/usePagedRows.js';

const filterNames = ['namespace', 'flowId', 'state', 'startDate', 'endDate', 'labels'];
const toIso = (local) => (local ? new Date(local).toISOString() : '');

/**
 * Executions: filters kept in the address bar, server paging with the Api's total, rows virtualised and fetched a
 * page at a time as they scroll into view, and the pages in view refreshed every few seconds (live).
 * `fixed` pins filters (a flow's own executions tab).
 */
export function ExecutionsPage({ fixed = {} }) {
  const { query } = useLocation();
  const filters = Object.fromEntries(filterNames.map((n) => [n, fixed[n] ?? query.get(n) ?? '']));
  const key = JSON.stringify(filters);
  const fetchPage = useCallback((page, size) => get('/executions/search', {
    namespace: filters.namespace,
    flowId: filters.flowId,
    state: filters.state,
    startDate: toIso(filters.startDate),
    endDate: toIso(filters.endDate),
    labels: filters.labels.split(',').map((l) => l.trim()).filter(Boolean),
    page,
    size,
    sort: 'state.startDate:desc',
  }), [key]);
  const rows = usePagedRows(fetchPage, key);
  useInterval(rows.refresh, 3000);

  const input = (name, props = {}) => (
    <input {...props} value={filters[name]} aria-label={name} disabled={name in fixed}
      onChange={(e) => setQuery({ [name]: e.currentTarget.value })} />
  );
  return (
    <section class={fixed.flowId ? '' : 'page'}>
      {!fixed.flowId && <header class="page-header"><h1>Executions</h1></header>}
      <div class="filters">
        {!fixed.namespace && input('namespace', { type: 'search', placeholder: 'Namespace' })}
        {!fixed.flowId && input('flowId', { type: 'search', placeholder: 'Flow' })}
        <select aria-label="state" value={filters.state} onChange={(e) => setQuery({ state: e.currentTarget.value })}>
          <option value="">Any state</option>
          {allStates.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <label>From {input('startDate', { type: 'datetime-local' })}</label>
        <label>To {input('endDate', { type: 'datetime-local' })}</label>
        {input('labels', { type: 'search', placeholder: 'Labels key:value, …' })}
        <span class="total" data-testid="executions-total">{rows.total ?? '…'} executions</span>
      </div>
      <ErrorBox error={rows.error} />
      <div class="table">
        <div class="row head executions-row"><span>Id</span><span>Start</span><span>End</span><span>Duration</span><span>Namespace</span><span>Flow</span><span>Labels</span><span>State</span></div>
        <VirtualList class="table-body" count={rows.total ?? 0} rowHeight={36} onRange={rows.onRange} renderRow={(i) => {
          const e = rows.row(i);
          if (!e) return <div class="row executions-row loading" key={i}><span>…</span></div>;
          const { duration } = span(e.state);
          return (
            <div class="row executions-row" key={i} data-execution={e.id}>
              <span class="mono"><a href={href('executions', e.id)}>{e.id}</a></span>
              <span>{formatDate(e.state.startDate)}</span>
              <span>{formatDate(e.state.endDate)}</span>
              <span>{formatDuration(duration)}</span>
              <span>{e.namespace}</span>
              <span><a href={href('flows', e.namespace, e.flowId)}>{e.flowId}</a></span>
              <span class="labels">{(e.labels || []).map((l) => <span class="label" key={l.key}>{l.key}:{l.value}</span>)}</span>
              <span><StateBadge state={e.state.current} /></span>
            </div>
          );
        }} />
      </div>
    </section>
  );
}

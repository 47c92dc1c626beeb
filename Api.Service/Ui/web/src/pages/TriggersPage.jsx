import { useCallback, useState } from 'preact/hooks';
import { get, post, put } from '../api.js';
import { formatDate } from '../format.js';
import { href, setQuery, useLocation } from '../router.js';
import { ErrorBox } from '../components/ErrorBox.jsx';
import { VirtualList } from '../components/VirtualList.jsx';
import { useInterval, usePagedRows } from '../components/usePagedRows.js';

const SCHEDULE = 'io.kestra.plugin.core.trigger.Schedule';
const keyOf = (t) => ({ namespace: t.namespace, flowId: t.flowId, triggerId: t.triggerId });
const triggerPath = (t) => `/triggers/${encodeURIComponent(t.namespace)}/${encodeURIComponent(t.flowId)}/${encodeURIComponent(t.triggerId)}`;

/** Backfill of a schedule trigger: the period to run again, through Kestra's `PUT /triggers` with a `backfill`. */
function Backfill({ trigger, done, onError }) {
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const submit = async (e) => {
    e.preventDefault();
    try {
      await put('/triggers', { ...keyOf(trigger), backfill: { start: new Date(start).toISOString(), end: end ? new Date(end).toISOString() : null } });
      done();
    } catch (error) { onError(error); }
  };
  return (
    <form class="backfill" onSubmit={submit}>
      <label>From <input type="datetime-local" required value={start} onInput={(e) => setStart(e.currentTarget.value)} /></label>
      <label>To <input type="datetime-local" value={end} onInput={(e) => setEnd(e.currentTarget.value)} /></label>
      <button class="primary" type="submit">Start backfill</button>
      <button type="button" onClick={done}>Cancel</button>
    </form>
  );
}

/** Triggers: next fire, lock (the execution holding it), enable/disable, unlock and backfill; refreshed every 5 s. */
export function TriggersPage() {
  const { query } = useLocation();
  const namespace = query.get('namespace') || '';
  const [error, setError] = useState(null);
  const [backfilling, setBackfilling] = useState(null);
  // Search items are Kestra's {triggerContext, abstractTrigger}; a row is the context with the trigger's type.
  const fetchPage = useCallback((page, size) => get('/triggers/search', { namespace, page, size, sort: 'triggerId:asc' })
    .then((p) => ({ ...p, results: (p.results || []).map((r) => ({ ...r.triggerContext, type: r.abstractTrigger?.type })) })), [namespace]);
  const rows = usePagedRows(fetchPage, namespace);
  useInterval(rows.refresh, 5000);

  const act = async (action) => {
    setError(null);
    try { await action(); rows.refresh(); } catch (e) { setError(e); }
  };
  return (
    <section class="page">
      <header class="page-header"><h1>Triggers</h1></header>
      <div class="filters">
        <input type="search" placeholder="Namespace" aria-label="Namespace" value={namespace} onInput={(e) => setQuery({ namespace: e.currentTarget.value })} />
        <span class="total">{rows.total ?? '…'} triggers</span>
      </div>
      <ErrorBox error={error || rows.error} />
      {backfilling && <Backfill trigger={backfilling} onError={setError} done={() => { setBackfilling(null); rows.refresh(); }} />}
      <div class="table">
        <div class="row head triggers-row"><span>Trigger</span><span>Flow</span><span>Next fire</span><span>Last</span><span>Lock</span><span>Backfill</span><span>Actions</span></div>
        <VirtualList class="table-body" count={rows.total ?? 0} rowHeight={40} onRange={rows.onRange} renderRow={(i) => {
          const t = rows.row(i);
          if (!t) return <div class="row triggers-row loading" key={i}><span>…</span></div>;
          return (
            <div class="row triggers-row" key={i}>
              <span>{t.triggerId}</span>
              <span><a href={href('flows', t.namespace, t.flowId)}>{t.namespace}.{t.flowId}</a></span>
              <span>{formatDate(t.nextExecutionDate)}</span>
              <span>{formatDate(t.date)}</span>
              <span>{t.executionId ? <a class="mono" href={href('executions', t.executionId)}>locked by {t.executionId}</a> : t.evaluateRunningDate ? <span>evaluating</span> : <span class="muted">unlocked</span>}</span>
              <span>{t.backfill ? `${formatDate(t.backfill.currentDate || t.backfill.start)} → ${formatDate(t.backfill.end) || 'now'}${t.backfill.paused ? ' (paused)' : ''}` : ''}</span>
              <span class="row-actions">
                <button onClick={() => act(() => put('/triggers', { ...keyOf(t), disabled: !t.disabled }))}>{t.disabled ? 'Enable' : 'Disable'}</button>
                {(t.executionId || t.evaluateRunningDate) && <button onClick={() => act(() => post(`${triggerPath(t)}/unlock`))}>Unlock</button>}
                {!t.backfill && t.type === SCHEDULE && <button onClick={() => setBackfilling(t)}>Backfill</button>}
                {t.backfill && <button onClick={() => act(() => put(`/triggers/backfill/${t.backfill.paused ? 'unpause' : 'pause'}`, keyOf(t)))}>{t.backfill.paused ? 'Resume backfill' : 'Pause backfill'}</button>}
                {t.backfill && <button onClick={() => act(() => post('/triggers/backfill/delete', keyOf(t)))}>Delete backfill</button>}
              </span>
            </div>
          );
        }} />
      </div>
    </section>
  );
}

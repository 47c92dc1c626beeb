import { useEffect, useState } from 'preact/hooks';
import { get } from '../api.js';
import { formatDate, formatDuration, isTerminal, span } from '../format.js';
import { href, setQuery, useLocation } from '../router.js';
import { ErrorBox } from '../components/ErrorBox.jsx';
import { StateBadge } from '../components/StateBadge.jsx';
import { Topology } from '../pages/Topology.jsx';
import { Actions } from './Actions.jsx';
import { Gantt } from './Gantt.jsx';
import { LogsView } from './LogsView.jsx';
import { OutputsView, Value } from './OutputsView.jsx';
import { useExecution } from './useExecution.js';

const tabs = [['gantt', 'Gantt'], ['logs', 'Logs'], ['outputs', 'Outputs'], ['overview', 'Overview'], ['topology', 'Topology']];

/** The clock while the execution runs, so its duration and the running bars grow. */
function useNow(running) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return running ? now : Date.now();
}

/** Executions this one started (subflows), found through Kestra's `triggerExecutionId` filter where the Api has it. */
function useChildren(id) {
  const [children, setChildren] = useState([]);
  useEffect(() => {
    get('/executions/search', { 'filters[triggerExecutionId][EQUALS]': id, size: 50 }).then((r) => setChildren(r.results || []), () => setChildren([]));
  }, [id]);
  return children;
}

export function ExecutionPage({ id }) {
  const { query } = useLocation();
  const tab = query.get('tab') || 'gantt';
  const { execution, error, again } = useExecution(id);
  const [actionError, setActionError] = useState(null);
  const [selected, setSelected] = useState(null);
  const [flow, setFlow] = useState(null);
  const children = useChildren(id);
  const running = execution && !isTerminal(execution.state.current);
  const now = useNow(running);

  useEffect(() => {
    if (!execution || flow) return;
    get(`/flows/${encodeURIComponent(execution.namespace)}/${encodeURIComponent(execution.flowId)}`, { revision: execution.flowRevision }).then(setFlow, () => {});
  }, [execution?.namespace, execution?.flowId]);

  if (error) return <section class="page"><ErrorBox error={error} /></section>;
  if (!execution) return <section class="page"><p class="muted">Loading…</p></section>;
  const { start, end, duration } = span(execution.state, now);
  const selectedRun = execution.taskRunList?.find((r) => r.id === selected);
  const parent = execution.parentId || execution.trigger?.variables?.executionId;
  const states = Object.fromEntries((execution.taskRunList || []).map((r) => [r.taskId, r.state.current]));

  return (
    <section class="page execution-page">
      <header class="page-header">
        <h1 class="mono">{execution.id}</h1>
        <StateBadge state={execution.state.current} />
        <div class="spacer" />
        <Actions execution={execution} flow={flow} selectedRun={selectedRun} onChanged={again} onError={setActionError} />
      </header>
      <div class="facts">
        <span>Flow <a href={href('flows', execution.namespace, execution.flowId)}>{execution.namespace}.{execution.flowId}</a> rev {execution.flowRevision}</span>
        <span>Started {formatDate(start)}</span>
        {end && !running && <span>Ended {formatDate(end)}</span>}
        <span>Duration <strong data-testid="duration">{formatDuration(duration)}</strong></span>
        {parent && <span>Parent <a class="mono" href={href('executions', parent)}>{parent}</a></span>}
        {execution.originalId && execution.originalId !== execution.id && <span>Replay of <a class="mono" href={href('executions', execution.originalId)}>{execution.originalId}</a></span>}
        {children.length > 0 && <span>Children {children.map((c) => <a class="mono" key={c.id} href={href('executions', c.id)}>{c.id} </a>)}</span>}
        {(execution.labels || []).map((l) => <span class="label" key={l.key}>{l.key}:{l.value}</span>)}
      </div>
      <ErrorBox error={actionError} />
      <nav class="tabs">
        {tabs.map(([key, label]) => <a key={key} class={tab === key ? 'active' : ''} href={href('executions', id) + `?tab=${key}`}>{label}</a>)}
        {selectedRun && <span class="selected-run">Selected: {selectedRun.taskId}{selectedRun.value != null ? ` [${selectedRun.value}]` : ''} <button onClick={() => setSelected(null)}>×</button></span>}
      </nav>
      {tab === 'gantt' && (
        <div class="gantt-layout">
          <Gantt execution={execution} selected={selected} onSelect={setSelected} now={now} />
          {selectedRun && <div class="gantt-detail"><button onClick={() => setQuery({ tab: 'logs' })}>Logs of this task run</button> <button onClick={() => setQuery({ tab: 'outputs' })}>Outputs</button></div>}
        </div>
      )}
      {tab === 'logs' && <LogsView execution={execution} taskRunId={selected} onClearTaskRun={() => setSelected(null)} />}
      {tab === 'outputs' && <OutputsView execution={execution} taskRunId={selected} />}
      {tab === 'overview' && (
        <div class="overview">
          <section class="card"><h3>Inputs</h3><Value executionId={execution.id} value={execution.inputs || {}} /></section>
          <section class="card"><h3>Trigger</h3><Value executionId={execution.id} value={execution.trigger || {}} /></section>
          <section class="card"><h3>State history</h3>
            <ol>{(execution.state.histories || []).map((h, i) => <li key={i}>{formatDate(h.date)} <strong>{h.state}</strong></li>)}</ol>
          </section>
        </div>
      )}
      {tab === 'topology' && <Topology flow={flow} states={states} />}
    </section>
  );
}

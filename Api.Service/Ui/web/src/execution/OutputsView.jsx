import { fileUrl } from '../api.js';
import { StateBadge } from '../components/StateBadge.jsx';

/** A value as JSON, with every internal-storage URI (kestra://...) turned into a download link. */
export function Value({ executionId, value }) {
  if (typeof value === 'string' && value.startsWith('kestra://')) {
    return <a class="file-link" href={fileUrl(executionId, value)} download>{value.split('/').at(-1)} ⤓</a>;
  }
  if (value && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    return (
      <dl class="value-tree">
        {entries.map(([k, v]) => <div key={k}><dt>{k}</dt><dd><Value executionId={executionId} value={v} /></dd></div>)}
      </dl>
    );
  }
  return <span class="mono">{JSON.stringify(value)}</span>;
}

/** Outputs per task run (and the execution's own outputs), the selected run first. */
export function OutputsView({ execution, taskRunId }) {
  const runs = (execution.taskRunList || []).filter((r) => r.outputs && Object.keys(r.outputs).length && (!taskRunId || r.id === taskRunId));
  return (
    <div class="outputs" data-testid="outputs">
      {execution.outputs && Object.keys(execution.outputs).length > 0 && (
        <section class="card"><h3>Flow outputs</h3><Value executionId={execution.id} value={execution.outputs} /></section>
      )}
      {runs.length === 0 && <p class="muted">No task run has outputs{taskRunId ? ' for this task run' : ''}.</p>}
      {runs.map((r) => (
        <section class="card" key={r.id} data-task-run={r.id}>
          <h3>{r.taskId}{r.value !== null && r.value !== undefined ? ` [${r.value}]` : ''} <StateBadge state={r.state.current} /></h3>
          <Value executionId={execution.id} value={r.outputs} />
        </section>
      ))}
    </div>
  );
}

import { useMemo, useState } from 'preact/hooks';
import { formatDuration, span, stateClass } from '../format.js';
import { StateBadge } from '../components/StateBadge.jsx';
import { VirtualList } from '../components/VirtualList.jsx';
import { taskRunRows } from './taskRunTree.js';

/** Where an attempt's bar starts and ends: its own state histories, else its task run's. */
function attemptSpans(run, now) {
  const attempts = run.attempts || [];
  if (!attempts.length) return [{ ...span(run.state, now), state: run.state.current }];
  return attempts.map((a) => {
    // Kite's rows keep an attempt as {state, startDate, endDate}; Kestra's as {state: {current, histories, ...}}.
    if (typeof a.state === 'string') {
      const start = Date.parse(a.startDate);
      const end = a.endDate ? Date.parse(a.endDate) : span(run.state, now).end;
      return { start, end, state: a.state };
    }
    const histories = a.state?.histories || [];
    const start = a.state?.startDate ? Date.parse(a.state.startDate) : histories.length ? Date.parse(histories[0].date) : span(run.state, now).start;
    const s = span(a.state, now);
    return { start, end: s.end ?? now, state: a.state?.current || run.state.current };
  });
}

/**
 * The timeline of task runs: one row per run, nested under its flowable and loop value, with a bar per attempt
 * placed on the execution's time axis. Rows are virtualised (a 1,000-run execution draws a screenful); a flowable
 * row folds its children. Clicking a row selects it.
 */
export function Gantt({ execution, selected, onSelect, now }) {
  const [collapsed, setCollapsed] = useState(() => new Set());
  const runs = execution.taskRunList || [];
  const rows = useMemo(() => taskRunRows(runs, collapsed), [runs, collapsed]);
  const { start, end } = span(execution.state, now);
  const origin = start ?? now;
  const range = Math.max(1, (end ?? now) - origin);
  const pct = (t) => `${Math.min(100, Math.max(0, ((t - origin) / range) * 100))}%`;

  const toggle = (id) => setCollapsed((c) => {
    const next = new Set(c);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  });

  if (!runs.length) return <p class="muted" data-testid="gantt">No task run yet.</p>;
  return (
    <div class="gantt" data-testid="gantt">
      <div class="gantt-row head"><span class="gantt-label">Task ({runs.length} task runs)</span><span class="gantt-axis"><span>0</span><span>{formatDuration(range)}</span></span><span>Duration</span><span>State</span></div>
      <VirtualList class="gantt-body" count={rows.length} rowHeight={30} renderRow={(i) => {
        const { run, depth, hasChildren } = rows[i];
        const attempts = attemptSpans(run, now);
        const { duration } = span(run.state, now);
        return (
          <div class={'gantt-row' + (selected === run.id ? ' selected' : '')} key={run.id} data-task-run={run.id} data-task-id={run.taskId}
            data-state={run.state.current} onClick={() => onSelect(run.id)}>
            <span class="gantt-label" style={{ paddingLeft: `${8 + depth * 16}px` }}>
              {hasChildren
                ? <button class="fold" onClick={(e) => { e.stopPropagation(); toggle(run.id); }} aria-label="fold">{collapsed.has(run.id) ? '▸' : '▾'}</button>
                : <span class="fold" />}
              <span class="task-id">{run.taskId}</span>
              {run.value !== null && run.value !== undefined && <span class="loop-value">{String(run.value)}</span>}
              {attempts.length > 1 && <span class="muted"> ×{attempts.length}</span>}
            </span>
            <span class="gantt-track">
              {attempts.map((a, n) => (
                <span key={n} class={'gantt-bar ' + stateClass(a.state)} title={`attempt ${n + 1}: ${a.state} ${formatDuration(a.end - a.start)}`}
                  style={{ left: pct(a.start), width: `max(3px, calc(${pct(a.end)} - ${pct(a.start)}))` }} />
              ))}
            </span>
            <span class="gantt-duration">{formatDuration(duration)}</span>
            <StateBadge state={run.state.current} />
          </div>
        );
      }} />
    </div>
  );
}

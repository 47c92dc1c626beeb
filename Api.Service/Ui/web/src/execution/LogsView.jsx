import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { follow, get } from '../api.js';
import { formatDate, isTerminal } from '../format.js';
import { VirtualList } from '../components/VirtualList.jsx';

const levels = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'];
const keyOf = (l) => `${l.timestamp}|${l.taskRunId}|${l.attemptNumber}|${l.level}|${l.message}`;

/**
 * The execution's logs, live: `GET /logs/{id}` then `GET /logs/{id}/follow` (SSE); where the stream is not there,
 * the list is re-read every 1.5 s until the execution ends. Filtered by minimum level, text and task run, in a
 * virtualised list that follows new lines while scrolled to the bottom.
 */
export function LogsView({ execution, taskRunId, onClearTaskRun }) {
  const id = execution.id;
  const running = !isTerminal(execution.state.current);
  const [logs, setLogs] = useState([]);
  const [level, setLevel] = useState('TRACE');
  const [text, setText] = useState('');
  const [error, setError] = useState(null);
  const seen = useRef(new Set());

  const add = (entries) => {
    const fresh = entries.filter((l) => l && !seen.current.has(keyOf(l)));
    if (!fresh.length) return;
    fresh.forEach((l) => seen.current.add(keyOf(l)));
    setLogs((current) => [...current, ...fresh].sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0)));
  };

  const reload = () => get(`/logs/${encodeURIComponent(id)}`).then((list) => { setError(null); add(Array.isArray(list) ? list : list.results || []); }, setError);

  useEffect(() => {
    reload();
    if (!running) return undefined;
    let timer = 0;
    const close = follow(`/logs/${encodeURIComponent(id)}/follow`, (entry) => add(Array.isArray(entry) ? entry : [entry]),
      () => { timer = setInterval(reload, 1500); });
    return () => { close(); clearInterval(timer); };
  }, [id, running]);

  // A last read when the execution ends: lines flushed just before the end are not lost.
  useEffect(() => { if (!running) reload(); }, [running]);

  const shown = useMemo(() => {
    const min = levels.indexOf(level);
    const needle = text.toLowerCase();
    return logs.filter((l) => levels.indexOf(l.level) >= min
      && (!taskRunId || l.taskRunId === taskRunId)
      && (!needle || String(l.message).toLowerCase().includes(needle) || String(l.taskId).toLowerCase().includes(needle)));
  }, [logs, level, text, taskRunId]);

  return (
    <div class="logs" data-testid="logs">
      <div class="filters">
        <select aria-label="minimum level" value={level} onChange={(e) => setLevel(e.currentTarget.value)}>
          {levels.map((l) => <option key={l} value={l}>{l}</option>)}
        </select>
        <input type="search" placeholder="Search logs" aria-label="Search logs" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        {taskRunId && <button onClick={onClearTaskRun}>All task runs</button>}
        <span class="total">{shown.length} of {logs.length} lines</span>
        <a class="button" href={`/api/v1/logs/${encodeURIComponent(id)}/download`} download={`${id}.log`}>Download</a>
      </div>
      {error && <div class="muted">Logs unavailable: {error.message}</div>}
      <VirtualList class="log-body" count={shown.length} rowHeight={24} stick renderRow={(i) => {
        const l = shown[i];
        return (
          <div class={'log-line level-' + String(l.level).toLowerCase()} key={keyOf(l)} title={l.message}>
            <span class="log-time">{formatDate(l.timestamp)}</span>
            <span class="log-level">{l.level}</span>
            <span class="log-task">{l.taskId}</span>
            <span class="log-message">{l.message}</span>
          </div>
        );
      }} />
    </div>
  );
}

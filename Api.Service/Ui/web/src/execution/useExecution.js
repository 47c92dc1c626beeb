import { useEffect, useRef, useState } from 'preact/hooks';
import { follow, get } from '../api.js';
import { isTerminal } from '../format.js';

/**
 * The execution, kept live: it follows `GET /executions/{id}/follow` (Server-Sent Events) and, where that route is
 * not there or the stream drops, polls `GET /executions/{id}` once a second until the execution ends. Updates are
 * applied at most once per animation frame, so a 1,000-task-run execution does not re-render per event.
 * `again()` follows anew after a restart, resume or kill: the executor applies those asynchronously, so a terminal
 * execution is re-read for a while until it moves again.
 */
export function useExecution(id) {
  const [execution, setExecution] = useState(null);
  const [error, setError] = useState(null);
  const [round, setRound] = useState(0);
  const latest = useRef(null);
  const frame = useRef(0);
  const watchUntil = useRef(0);

  useEffect(() => {
    let stopped = false;
    let close = () => {};
    let timer = 0;
    const apply = (e) => {
      if (!e || e.id !== id) return;
      latest.current = e;
      if (!frame.current) frame.current = requestAnimationFrame(() => { frame.current = 0; setExecution(latest.current); });
    };
    const poll = async () => {
      try {
        const e = await get(`/executions/${encodeURIComponent(id)}`);
        apply(e);
        if (!stopped && !isTerminal(e.state.current)) timer = setTimeout(poll, 1000);
      } catch (err) {
        setError(err);
      }
    };
    const start = () => get(`/executions/${encodeURIComponent(id)}`).then((e) => {
      apply(e);
      if (stopped) return;
      if (isTerminal(e.state.current)) {
        if (Date.now() < watchUntil.current) timer = setTimeout(start, 400);
        return;
      }
      close = follow(`/executions/${encodeURIComponent(id)}/follow`, (data) => {
        apply(data);
        if (isTerminal(data?.state?.current)) close();
      }, () => { if (!stopped) poll(); });
    }, setError);
    start();
    return () => { stopped = true; close(); clearTimeout(timer); };
  }, [id, round]);

  return { execution, error, again: () => { watchUntil.current = Date.now() + 15000; setRound((r) => r + 1); } };
}

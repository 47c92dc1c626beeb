import { useState } from 'preact/hooks';
import { call, del, post } from '../api.js';
import { isTerminal } from '../format.js';
import { href, navigate } from '../router.js';

/**
 * Kill, restart, replay (from the selected task run) and resume (with the inputs its form asks for). Each is the
 * Kestra route; the executor applies it, and the page follows the execution as it moves.
 */
export function Actions({ execution, flow, selectedRun, onChanged, onError }) {
  const [resuming, setResuming] = useState(false);
  const [resumeInputs, setResumeInputs] = useState('');
  const openResume = () => {
    // The paused tasks' onResume inputs, as name= lines to fill in.
    const paused = (execution.taskRunList || []).filter((r) => r.state.current === 'PAUSED').map((r) => findTask(flow, r.taskId));
    const names = paused.flatMap((t) => t?.onResume || []).map((i) => `${i.id ?? i.name}=${i.defaults ?? ''}`);
    if (!resumeInputs) setResumeInputs(names.join('\n'));
    setResuming(!resuming);
  };
  const id = encodeURIComponent(execution.id);
  const state = execution.state.current;
  const act = async (action) => {
    onError(null);
    try {
      const result = await action();
      if (result?.id && result.id !== execution.id) navigate(href('executions', result.id));
      else onChanged();
    } catch (e) {
      onError(e);
    }
  };
  const resume = () => act(() => {
    const form = new FormData();
    for (const line of resumeInputs.split('\n').map((l) => l.trim()).filter(Boolean)) {
      const at = line.indexOf('=');
      if (at > 0) form.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
    }
    setResuming(false);
    return call('POST', `/executions/${id}/resume`, { body: form });
  });

  return (
    <div class="actions">
      {!isTerminal(state) && <button class="danger" onClick={() => act(() => del(`/executions/${id}/kill`))}>Kill</button>}
      {['FAILED', 'KILLED', 'PAUSED'].includes(state) && <button onClick={() => act(() => post(`/executions/${id}/restart`))}>Restart</button>}
      {isTerminal(state) && (
        <button onClick={() => act(() => call('POST', `/executions/${id}/replay`, { query: { taskRunId: selectedRun?.id } }))}>
          {selectedRun ? `Replay from ${selectedRun.taskId}` : 'Replay'}
        </button>
      )}
      {state === 'PAUSED' && <button class="primary" onClick={openResume}>Resume…</button>}
      {resuming && (
        <div class="resume-form">
          <label for="resume-inputs">Inputs <span class="muted">name=value, one a line</span></label>
          <textarea id="resume-inputs" rows={3} value={resumeInputs} onInput={(e) => setResumeInputs(e.currentTarget.value)} />
          <button class="primary" onClick={resume}>Resume</button>
        </div>
      )}
    </div>
  );
}

/** The task of that id anywhere in the flow (inside flowables too). */
function findTask(node, id) {
  if (!node || typeof node !== 'object') return null;
  if (node.id === id && typeof node.type === 'string') return node;
  for (const value of Object.values(node)) {
    const found = Array.isArray(value) ? value.map((v) => findTask(v, id)).find(Boolean) : typeof value === 'object' ? findTask(value, id) : null;
    if (found) return found;
  }
  return null;
}

// How dates, durations and states read on every page.
const pad = (n, w = 2) => String(n).padStart(w, '0');

export function formatDate(value) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function formatDuration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '';
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 2 : 1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${Math.floor(s % 60)}s`;
  const h = Math.floor(m / 60);
  return `${h}h ${m % 60}m`;
}

export const terminalStates = new Set(['SUCCESS', 'WARNING', 'FAILED', 'KILLED', 'CANCELLED', 'SKIPPED', 'RETRIED', 'RESUBMITTED']);
export const isTerminal = (state) => terminalStates.has(state);
export const allStates = ['CREATED', 'QUEUED', 'RUNNING', 'PAUSED', 'RESTARTED', 'KILLING', 'SUCCESS', 'WARNING', 'FAILED', 'KILLED', 'CANCELLED', 'RETRYING', 'RETRIED', 'SKIPPED'];

/** Start, end (now while running) and duration of anything with Kestra's `state` object. */
export function span(state, now = Date.now()) {
  const start = state?.startDate ? Date.parse(state.startDate) : firstHistory(state);
  const end = state?.endDate ? Date.parse(state.endDate) : (isTerminal(state?.current) ? lastHistory(state) : now);
  return { start, end, duration: start ? end - start : null };
}

const firstHistory = (state) => (state?.histories?.length ? Date.parse(state.histories[0].date) : null);
const lastHistory = (state) => (state?.histories?.length ? Date.parse(state.histories.at(-1).date) : Date.now());

export const stateClass = (state) => 'state-' + String(state || 'CREATED').toLowerCase();

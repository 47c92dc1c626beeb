// The Api as the UI calls it: Kestra's routes under /api/v1 on the same origin, so the browser sends the Basic
// account it was given for /ui with every call.
const base = '/api/v1';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || problem?.message || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function read(response) {
  const type = response.headers.get('content-type') || '';
  if (response.status === 204) return null;
  if (type.includes('json')) return response.json();
  return response.text();
}

export async function call(method, path, { body, query, type } = {}) {
  const url = base + path + queryString(query);
  const headers = {};
  let payload = body;
  if (body !== undefined && !(body instanceof FormData) && typeof body !== 'string') {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  } else if (typeof body === 'string') {
    headers['Content-Type'] = type || 'application/x-yaml';
  }
  const response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  const result = await read(response);
  if (!response.ok) throw new ApiError(response.status, typeof result === 'object' ? result : { detail: result || response.statusText });
  return result;
}

export const get = (path, query) => call('GET', path, { query });
export const post = (path, body, options) => call('POST', path, { body, ...options });
export const put = (path, body, options) => call('PUT', path, { body, ...options });
export const del = (path, query) => call('DELETE', path, { query });

/** Query string from an object; arrays repeat the key, empty values are left out. */
export function queryString(query) {
  if (!query) return '';
  const parts = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== '') parts.append(key, v);
    }
  }
  const text = parts.toString();
  return text ? '?' + text : '';
}

export const fileUrl = (executionId, path) => `${base}/executions/${encodeURIComponent(executionId)}/file${queryString({ path })}`;

/**
 * Follows a Server-Sent Events route. Kestra names its events by id (start, progress, end) and may also send them
 * as named events, so both are listened to. Returns a function that closes the stream; `onFail` is called when the
 * route is unreachable (not deployed yet, or the connection dropped), so the caller can fall back to polling.
 */
export function follow(path, onData, onFail) {
  const source = new EventSource(base + path, { withCredentials: true });
  let opened = false;
  const handle = (event) => {
    if (!event.data) return;
    try {
      onData(JSON.parse(event.data), event);
    } catch {
      // A keep-alive or a non-JSON comment line carries nothing to show.
    }
  };
  source.onopen = () => { opened = true; };
  source.onmessage = handle;
  for (const name of ['start', 'progress', 'end', 'log']) source.addEventListener(name, handle);
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED || !opened) {
      source.close();
      onFail?.(opened);
    }
  };
  return () => source.close();
}

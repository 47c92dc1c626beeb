import { useState } from 'preact/hooks';
import { call } from '../api.js';
import { href, navigate } from '../router.js';
import { ErrorBox } from '../components/ErrorBox.jsx';

const inputName = (input) => input.id ?? input.name;
const isRequired = (input) => input.required !== false && input.defaults === undefined;

function initialValue(input) {
  const d = input.defaults;
  if (d === undefined || d === null) return input.type === 'BOOLEAN' || input.type === 'BOOL' ? false : '';
  if (input.type === 'DATETIME' && typeof d === 'string') return d.replace(/Z$/, '').slice(0, 19);
  return typeof d === 'object' ? JSON.stringify(d, null, 2) : d;
}

/** What the browser can check before sending; the Api checks everything again and its answer is shown per input. */
function check(input, value) {
  const empty = value === '' || value === undefined || value === null || (value instanceof FileList && !value.length);
  if (empty) return isRequired(input) ? 'required' : null;
  if (input.type === 'INT' && !/^-?\d+$/.test(String(value))) return 'a whole number';
  if (input.type === 'FLOAT' && Number.isNaN(Number(value))) return 'a number';
  if ((input.type === 'INT' || input.type === 'FLOAT') && input.min !== undefined && Number(value) < input.min) return `at least ${input.min}`;
  if ((input.type === 'INT' || input.type === 'FLOAT') && input.max !== undefined && Number(value) > input.max) return `at most ${input.max}`;
  if (input.type === 'STRING' && input.validator && !new RegExp(`^(?:${input.validator})$`).test(value)) return `must match ${input.validator}`;
  if (input.type === 'JSON') { try { JSON.parse(value); } catch { return 'valid JSON'; } }
  return null;
}

function Field({ input, value, set }) {
  const name = inputName(input);
  const common = { id: 'input-' + name, name, 'aria-label': name };
  switch (input.type) {
    case 'BOOLEAN': case 'BOOL':
      return <input type="checkbox" {...common} checked={value === true || value === 'true'} onChange={(e) => set(e.currentTarget.checked)} />;
    case 'INT': return <input type="number" step="1" {...common} value={value} min={input.min} max={input.max} onInput={(e) => set(e.currentTarget.value)} />;
    case 'FLOAT': return <input type="number" step="any" {...common} value={value} min={input.min} max={input.max} onInput={(e) => set(e.currentTarget.value)} />;
    case 'SELECT': case 'ENUM':
      return (
        <select {...common} value={value} onChange={(e) => set(e.currentTarget.value)}>
          <option value="">—</option>
          {(input.values || []).map((v) => <option value={v} key={v}>{v}</option>)}
        </select>
      );
    case 'MULTISELECT':
      return (
        <select multiple {...common} onChange={(e) => set(JSON.stringify([...e.currentTarget.selectedOptions].map((o) => o.value)))}>
          {(input.values || input.options || []).map((v) => <option value={v} key={v}>{v}</option>)}
        </select>
      );
    case 'DATETIME': return <input type="datetime-local" step="1" {...common} value={value} onInput={(e) => set(e.currentTarget.value)} />;
    case 'DATE': return <input type="date" {...common} value={value} onInput={(e) => set(e.currentTarget.value)} />;
    case 'TIME': return <input type="time" step="1" {...common} value={value} onInput={(e) => set(e.currentTarget.value)} />;
    case 'FILE': return <input type="file" {...common} onChange={(e) => set(e.currentTarget.files)} />;
    case 'SECRET': return <input type="password" {...common} value={value} onInput={(e) => set(e.currentTarget.value)} />;
    case 'JSON': case 'YAML': case 'ARRAY':
      return <textarea rows={4} {...common} value={value} onInput={(e) => set(e.currentTarget.value)} />;
    default: return <input type="text" {...common} value={value} placeholder={input.type === 'DURATION' ? 'PT5M' : ''} onInput={(e) => set(e.currentTarget.value)} />;
  }
}

/** Appends one input to the multipart body the way Kestra's execute form sends it. */
function append(form, input, value) {
  const name = inputName(input);
  if (value instanceof FileList) { if (value.length) form.append(name, value[0]); return; }
  if (value === '' || value === undefined || value === null) return;
  if (input.type === 'DATETIME') form.append(name, new Date(value).toISOString());
  else if (input.type === 'TIME' && String(value).length === 5) form.append(name, value + ':00');
  else form.append(name, String(value));
}

/** The execute form, generated from the flow's inputs (types, defaults, checks, file upload) plus labels. */
export function ExecuteForm({ flow }) {
  const inputs = flow.inputs || [];
  const [values, setValues] = useState(() => Object.fromEntries(inputs.map((i) => [inputName(i), initialValue(i)])));
  const [labels, setLabels] = useState('');
  const [errors, setErrors] = useState({});
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event) => {
    event.preventDefault();
    const found = {};
    for (const input of inputs) {
      const problem = check(input, values[inputName(input)]);
      if (problem) found[inputName(input)] = problem;
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    const form = new FormData();
    for (const input of inputs) append(form, input, values[inputName(input)]);
    const labelList = labels.split('\n').map((l) => l.trim()).filter(Boolean);
    setBusy(true);
    setError(null);
    try {
      const execution = await call('POST', `/executions/${encodeURIComponent(flow.namespace)}/${encodeURIComponent(flow.id)}`, { body: form, query: { labels: labelList } });
      navigate(href('executions', execution.id));
    } catch (e) {
      setError(e);
      setErrors(Object.fromEntries((e.problem?.errors || []).map((x) => [x.input, x.message])));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="execute-form" onSubmit={submit} data-testid="execute-form">
      {flow.disabled && <div class="error-box">This flow is disabled: enable it to run it.</div>}
      {inputs.length === 0 && <p class="muted">This flow has no inputs.</p>}
      {inputs.map((input) => {
        const name = inputName(input);
        return (
          <div class={'field' + (errors[name] ? ' invalid' : '')} key={name}>
            <label for={'input-' + name}>{name}{isRequired(input) && <span class="required">*</span>} <span class="muted">{input.type}</span></label>
            <Field input={input} value={values[name]} set={(v) => setValues((s) => ({ ...s, [name]: v }))} />
            {input.description && <div class="hint">{input.description}</div>}
            {errors[name] && <div class="field-error" data-input-error={name}>{errors[name]}</div>}
          </div>
        );
      })}
      <div class="field">
        <label for="execution-labels">Labels <span class="muted">key:value, one a line</span></label>
        <textarea id="execution-labels" rows={2} value={labels} onInput={(e) => setLabels(e.currentTarget.value)} />
      </div>
      <ErrorBox error={error} />
      <button class="primary" type="submit" disabled={busy || flow.disabled}>Execute</button>
    </form>
  );
}

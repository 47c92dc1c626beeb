import { useEffect, useRef, useState } from 'preact/hooks';
import { del, get, post, put } from '../api.js';
import { href, navigate, setQuery, useLocation } from '../router.js';
import { ErrorBox } from '../components/ErrorBox.jsx';
import { setFlash, takeFlash } from '../flash.js';
import { YamlEditor } from '../editor/YamlEditor.jsx';
import { ExecuteForm } from './ExecuteForm.jsx';
import { ExecutionsPage } from './ExecutionsPage.jsx';
import { Revisions } from './Revisions.jsx';
import { Topology } from './Topology.jsx';

const template = `id: hello
namespace: company.team

inputs:
  - id: name
    type: STRING
    defaults: World

tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: "Hello {{ inputs.name }}!"
`;

const tabs = [['editor', 'Editor'], ['topology', 'Topology'], ['revisions', 'Revisions'], ['executions', 'Executions'], ['execute', 'Execute']];

/** One flow: its YAML editor (or a new flow's), topology, revisions, executions and execute form. */
export function FlowPage({ namespace, id }) {
  const isNew = !id;
  const { query } = useLocation();
  const tab = isNew ? 'editor' : query.get('tab') || 'editor';
  const [flow, setFlow] = useState(null);
  const [source, setSource] = useState(isNew ? template : '');
  const [problems, setProblems] = useState([]);
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState(takeFlash);
  const [version, setVersion] = useState(0);
  const goto = useRef(null);

  useEffect(() => {
    if (isNew) return;
    get(`/flows/${encodeURIComponent(namespace)}/${encodeURIComponent(id)}`, { source: true }).then((f) => {
      setFlow(f);
      setSource(f.source);
    }, setError);
  }, [namespace, id, version]);

  const save = async (text = source) => {
    setError(null);
    setNotice(null);
    try {
      const saved = isNew ? await post('/flows', text) : await put(`/flows/${encodeURIComponent(namespace)}/${encodeURIComponent(id)}`, text);
      setNotice(`Saved revision ${saved.revision}`);
      if (isNew) {
        setFlash(`Saved revision ${saved.revision}`);
        navigate(href('flows', saved.namespace, saved.id), { replace: true });
      } else {
        setFlow(saved);
        setSource(saved.source ?? text);
        setVersion((v) => v + 1);
      }
    } catch (e) {
      setError(e);
    }
  };

  const toggle = async () => {
    setError(null);
    try {
      await post(`/flows/${flow.disabled ? 'enable' : 'disable'}/by-ids`, [{ namespace, id }]);
      setNotice(flow.disabled ? 'Enabled' : 'Disabled');
      setVersion((v) => v + 1);
    } catch (e) { setError(e); }
  };

  const remove = async () => {
    if (!confirm(`Delete flow ${namespace}.${id}? Its revisions and executions are kept.`)) return;
    try {
      await del(`/flows/${encodeURIComponent(namespace)}/${encodeURIComponent(id)}`);
      navigate('/ui/flows');
    } catch (e) { setError(e); }
  };

  const dirty = isNew || (flow && source !== flow.source);
  const errors = problems.filter((p) => p.severity === 'error');
  return (
    <section class="page">
      <header class="page-header">
        <h1>{isNew ? 'New flow' : <><span class="muted">{namespace}.</span>{id}</>}</h1>
        {flow && <span class="muted">revision {flow.revision}</span>}
        {flow?.disabled && <span class="badge state-killed">disabled</span>}
        <div class="spacer" />
        {!isNew && flow && <button onClick={toggle}>{flow.disabled ? 'Enable' : 'Disable'}</button>}
        {!isNew && flow && <button class="danger" onClick={remove}>Delete</button>}
        {!isNew && flow && <a class="button" href={href('flows', namespace, id) + '?tab=execute'}>Execute</a>}
        {tab === 'editor' && <button class="primary" onClick={() => save()} disabled={!dirty} data-testid="save">Save</button>}
      </header>
      {!isNew && (
        <nav class="tabs">
          {tabs.map(([key, label]) => <a key={key} class={tab === key ? 'active' : ''} href={href('flows', namespace, id) + `?tab=${key}`}>{label}</a>)}
        </nav>
      )}
      {notice && <div class="notice" role="status">{notice}</div>}
      <ErrorBox error={error} />
      {tab === 'editor' && (isNew || flow) && (
        <div class="editor-layout">
          <YamlEditor value={source} onChange={setSource} onProblems={setProblems} goto={goto} />
          <div class="problems" data-testid="problems">
            {errors.length === 0
              ? <span class="ok">No problems</span>
              : errors.map((p, i) => <button class="problem" key={i} data-line={p.line} onClick={() => goto.current?.(p.line)}>line {p.line}: {p.message}</button>)}
          </div>
        </div>
      )}
      {tab === 'topology' && flow && <Topology flow={flow} />}
      {tab === 'revisions' && flow && <Revisions namespace={namespace} id={id} version={version} onRestore={(text) => { setQuery({ tab: 'editor' }); save(text); }} />}
      {tab === 'executions' && flow && <ExecutionsPage fixed={{ namespace, flowId: id }} />}
      {tab === 'execute' && flow && <ExecuteForm flow={flow} />}
    </section>
  );
}

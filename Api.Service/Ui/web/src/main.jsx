import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { match, navigate, useLocation } from './router.js';
import { FlowsPage } from './pages/FlowsPage.jsx';
import { FlowPage } from './pages/FlowPage.jsx';
import { ExecutionsPage } from './pages/ExecutionsPage.jsx';
import { TriggersPage } from './pages/TriggersPage.jsx';
import { ExecutionPage } from './execution/ExecutionPage.jsx';
import './styles.css';

function Redirect({ to }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function Page({ path }) {
  if (path === '/' || path === '') return <Redirect to="/ui/flows" />;
  if (path === '/flows') return <FlowsPage />;
  if (path === '/flows/new') return <FlowPage />;
  let p;
  if ((p = match('/flows/:namespace/:id', path))) return <FlowPage key={`${p.namespace}/${p.id}`} {...p} />;
  if (path === '/executions') return <ExecutionsPage />;
  if ((p = match('/executions/:id', path))) return <ExecutionPage key={p.id} {...p} />;
  if (path === '/triggers') return <TriggersPage />;
  return <section class="page"><h1>Not found</h1><p>No page at {path}.</p></section>;
}

function App() {
  const { path } = useLocation();
  const section = path.split('/')[1] || 'flows';
  const link = (name, label) => <a href={`/ui/${name}`} class={section === name ? 'active' : ''}>{label}</a>;
  return (
    <div class="shell">
      <nav class="sidebar">
        <a class="brand" href="/ui/flows"><img src="/ui/favicon.svg" alt="" width="22" height="22" /> Kite</a>
        {link('flows', 'Flows')}
        {link('executions', 'Executions')}
        {link('triggers', 'Triggers')}
        <a href="/scalar/v1" target="_blank" rel="noreferrer">API reference</a>
      </nav>
      <main><Page path={path} /></main>
    </div>
  );
}

render(<App />, document.getElementById('app'));

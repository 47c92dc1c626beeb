import { useEffect, useMemo, useState } from 'preact/hooks';
import { diffLines } from 'diff';
import { get } from '../api.js';
import { formatDate } from '../format.js';
import { ErrorBox } from '../components/ErrorBox.jsx';

/** A flow's revisions, two of them compared line by line; `onRestore` saves an old source as a new revision. */
export function Revisions({ namespace, id, onRestore, version }) {
  const [revisions, setRevisions] = useState(null);
  const [error, setError] = useState(null);
  const [left, setLeft] = useState(null);
  const [right, setRight] = useState(null);

  useEffect(() => {
    get(`/flows/${encodeURIComponent(namespace)}/${encodeURIComponent(id)}/revisions`).then((list) => {
      setRevisions(list);
      setRight(list.at(-1)?.revision ?? null);
      setLeft(list.at(-2)?.revision ?? list.at(-1)?.revision ?? null);
    }, setError);
  }, [namespace, id, version]);

  const byRevision = (r) => revisions?.find((x) => x.revision === Number(r));
  const parts = useMemo(() => {
    const a = byRevision(left);
    const b = byRevision(right);
    return a && b ? diffLines(a.source || '', b.source || '') : [];
  }, [revisions, left, right]);

  if (error) return <ErrorBox error={error} />;
  if (!revisions) return <p class="muted">Loading revisions…</p>;
  const picker = (value, set, label) => (
    <label>{label}{' '}
      <select value={value ?? ''} onChange={(e) => set(Number(e.currentTarget.value))} aria-label={label}>
        {revisions.map((r) => <option value={r.revision} key={r.revision}>revision {r.revision}{r.deleted ? ' (deleted)' : ''} · {formatDate(r.updated)}</option>)}
      </select>
    </label>
  );
  return (
    <div class="revisions">
      <div class="filters">
        {picker(left, setLeft, 'From')}
        {picker(right, setRight, 'To')}
        {onRestore && left !== revisions.at(-1)?.revision && <button onClick={() => onRestore(byRevision(left).source)}>Restore revision {left}</button>}
      </div>
      <pre class="diff" data-testid="revision-diff">
        {parts.flatMap((part, i) => part.value.replace(/\n$/, '').split('\n').map((line, j) => (
          <div key={`${i}-${j}`} class={part.added ? 'diff-added' : part.removed ? 'diff-removed' : 'diff-same'}>
            {part.added ? '+ ' : part.removed ? '- ' : '  '}{line}
          </div>
        )))}
      </pre>
    </div>
  );
}

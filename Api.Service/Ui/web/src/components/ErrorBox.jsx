/** An Api refusal as the user should read it: the problem's detail, and each violation or input error it names. */
export function ErrorBox({ error }) {
  if (!error) return null;
  const problem = error.problem || {};
  const items = [...(problem.violations || []), ...(problem.errors || []), ...(problem.inputs || [])];
  return (
    <div class="error-box" role="alert">
      <strong>{error.status ? `${error.status}: ` : ''}{error.message}</strong>
      {items.length > 0 && (
        <ul>{items.map((v, i) => <li key={i}>{v.path || v.name || v.input || ''}{v.line ? ` (line ${v.line})` : ''} {v.message}</li>)}</ul>
      )}
    </div>
  );
}

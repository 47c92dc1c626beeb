/**
 * Task runs in the order the Gantt shows them: each run followed by the runs it contains (a flowable's children,
 * a loop's iterations by value), depth first. Collapsed runs hide what they contain.
 */
export function taskRunRows(taskRuns, collapsed) {
  const children = new Map();
  const ids = new Set(taskRuns.map((t) => t.id));
  for (const run of taskRuns) {
    const parent = run.parentTaskRunId && ids.has(run.parentTaskRunId) ? run.parentTaskRunId : null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(run);
  }
  // Loop iterations are created concurrently, so they are listed by iteration (then creation) rather than by arrival.
  const order = (a, b) => (a.iteration ?? -1) - (b.iteration ?? -1);
  for (const list of children.values()) list.sort(order);
  const rows = [];
  const visit = (parent, depth) => {
    for (const run of children.get(parent) || []) {
      const hasChildren = children.has(run.id);
      rows.push({ run, depth, hasChildren });
      if (hasChildren && !collapsed.has(run.id)) visit(run.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

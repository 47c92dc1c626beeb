// The flow's tasks as a diagram: runnable tasks as boxes, flowables as containers holding their branches.
const shortType = (type) => String(type || '').split('.').at(-1);
const isTask = (value) => value && typeof value === 'object' && !Array.isArray(value) && typeof value.id === 'string' && typeof value.type === 'string';

/** The named groups of child tasks a flowable holds, found by shape so that every flowable type is drawn. */
export function childGroups(task) {
  const groups = [];
  for (const [key, value] of Object.entries(task)) {
    if (key === 'id' || key === 'type') continue;
    if (Array.isArray(value)) {
      const tasks = value.map((v) => (isTask(v) ? v : isTask(v?.task) ? { ...v.task, dependsOn: v.dependsOn } : null));
      if (tasks.length && tasks.every(Boolean)) groups.push({ name: key, tasks });
    } else if (isTask(value)) {
      groups.push({ name: key, tasks: [value] });
    } else if (key === 'cases' && value && typeof value === 'object') {
      for (const [name, list] of Object.entries(value)) {
        if (Array.isArray(list) && list.every(isTask)) groups.push({ name: `case ${name}`, tasks: list });
      }
    }
  }
  return groups;
}

const isParallel = (task) => /(Parallel|Dag)$/.test(task.type) || task.concurrent > 1;

function TaskNode({ task, states }) {
  const groups = childGroups(task);
  const state = states?.[task.id];
  const classes = ['topo-task', state ? 'state-border-' + state.toLowerCase() : '', task.disabled ? 'disabled' : ''].join(' ');
  if (!groups.length) {
    return (
      <div class={classes} title={task.type} data-task={task.id}>
        <div class="topo-id">{task.id}</div>
        <div class="topo-type">{shortType(task.type)}</div>
        {task.dependsOn && <div class="topo-depends">after {task.dependsOn.join(', ')}</div>}
      </div>
    );
  }
  return (
    <div class={classes + ' topo-container'} data-task={task.id}>
      <div class="topo-header"><span class="topo-id">{task.id}</span> <span class="topo-type">{shortType(task.type)}</span></div>
      <div class={groups.length > 1 ? 'topo-branches' : ''}>
        {groups.map((g) => (
          <div class="topo-group" key={g.name}>
            {(groups.length > 1 || g.name !== 'tasks') && <div class="topo-group-name">{g.name}</div>}
            <TaskLane tasks={g.tasks} parallel={isParallel(task) && g.name === 'tasks'} states={states} />
          </div>
        ))}
      </div>
    </div>
  );
}

function TaskLane({ tasks, parallel, states }) {
  return (
    <div class={parallel ? 'topo-lane parallel' : 'topo-lane'}>
      {tasks.map((t, i) => [
        i > 0 && !parallel ? <span class="topo-arrow" key={'a' + i}>→</span> : null,
        <TaskNode task={t} key={t.id} states={states} />,
      ])}
    </div>
  );
}

/** `states` (task id → state) colours the boxes when the diagram is drawn for an execution. */
export function Topology({ flow, states }) {
  if (!flow) return null;
  return (
    <div class="topology" data-testid="topology">
      {(flow.triggers || []).length > 0 && (
        <div class="topo-section"><div class="topo-group-name">triggers</div>
          <div class="topo-lane parallel">{flow.triggers.map((t) => <div class="topo-task trigger" key={t.id}><div class="topo-id">{t.id}</div><div class="topo-type">{shortType(t.type)}</div></div>)}</div>
        </div>
      )}
      <div class="topo-section"><div class="topo-group-name">tasks</div><TaskLane tasks={flow.tasks || []} states={states} /></div>
      {(flow.errors || []).length > 0 && <div class="topo-section"><div class="topo-group-name">errors</div><TaskLane tasks={flow.errors} states={states} /></div>}
      {(flow.finally || []).length > 0 && <div class="topo-section"><div class="topo-group-name">finally</div><TaskLane tasks={flow.finally} states={states} /></div>}
    </div>
  );
}

// DOM rendering: text only (textContent), never HTML built from data, so a file named like markup stays text.
const $ = id => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('data-')) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

const percent = value => value === null || value === undefined ? '' : `${Math.round(value * 100)}%`;
function bar(value) {
  const fill = el('span');
  fill.style.width = percent(value || 0);
  return el('div', { class: 'bar' }, fill);
}
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '';
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h ${Math.floor(s % 3600 / 60)}m` : s >= 60 ? `${Math.floor(s / 60)}m ${s % 60}s` : `${s}s`;
}
const bytes = n => n >= 1e12 ? `${(n / 1e12).toFixed(1)} TB` : n >= 1e9 ? `${(n / 1e9).toFixed(1)} GB` : `${(n / 1e6).toFixed(0)} MB`;
const countsText = c => `${c.succeeded + (c.skipped || 0)}/${c.total} done · ${c.failed} failed · ${c.running + (c.retry_wait || 0)} running · ${c.queued} queued`;

function batchItem(batch, selected, actions) {
  const priority = el('select', { title: 'priority' }, ...['urgent', 'high', 'normal', 'low'].map(p => el('option', { value: p, selected: p === batch.priority }, p)));
  priority.addEventListener('change', () => actions.priority(batch.id, priority.value));
  const button = verb => {
    const b = el('button', { type: 'button' }, verb);
    b.addEventListener('click', event => { event.stopPropagation(); actions.act(batch.id, verb); });
    return b;
  };
  priority.addEventListener('click', event => event.stopPropagation());
  const item = el('li', { 'data-batch-id': batch.id, class: batch.id === selected ? 'selected' : '' },
    el('span', {}, el('span', { class: 'id' }, batch.id), ' ', el('span', { class: `state ${batch.state}` }, batch.state)),
    el('span', { class: 'actions' }, button('cancel'), button('retry'), button('resume'), priority),
    bar(batch.progress),
    el('span', { class: 'hint counts' }, `${countsText(batch.counts)}${batch.eta_seconds ? ' · ETA ' + duration(batch.eta_seconds) : ''}`));
  item.addEventListener('click', () => actions.select(batch.id));
  return item;
}

export function renderBatches(batches, selected, actions) {
  $('batches').replaceChildren(...batches.map(batch => batchItem(batch, selected, actions)));
}

// A batch event updates the item in place when it is on this page; false when it is not (a new batch).
export function updateBatch(batch) {
  const item = document.querySelector(`#batches li[data-batch-id="${CSS.escape(batch.id)}"]`);
  if (!item) return false;
  item.querySelector('.state').textContent = batch.state;
  item.querySelector('.state').className = `state ${batch.state}`;
  item.querySelector('.counts').textContent = countsText(batch.counts);
  if (batch.progress !== undefined) item.querySelector('.bar > span').style.width = percent(batch.progress);
  return true;
}

function qcText(qc) {
  if (!qc) return '';
  if (!qc.passed) return '✗ ' + ((qc.problems && qc.problems[0]) || 'failed');
  return qc.ssim ? `✓ SSIM ${qc.ssim.toFixed(3)}` : '✓';
}

function jobCells(job) {
  const error = job.error ? el('span', {}, `${job.error.category}: ${job.error.message}`, el('div', { class: 'hint' }, job.error.hint)) : '';
  const rate = job.fps ? `${job.fps} fps · ${job.speed ?? '?'}x` : '';
  return [
    el('td', { title: job.input || '' }, job.input_name), el('td', {}, job.preset),
    el('td', {}, el('span', { class: 'state' }, job.state)),
    el('td', {}, bar(job.progress), el('span', { class: 'hint' }, percent(job.progress))),
    el('td', { class: 'num' }, rate), el('td', { class: 'num' }, duration(job.eta_seconds)),
    el('td', {}, qcText(job.qc)), el('td', {}, error),
  ];
}

export function renderJobs(jobs, replace) {
  const rows = jobs.map(job => el('tr', { 'data-job-id': job.id, 'data-state': job.state }, ...jobCells(job)));
  if (replace) $('jobs').replaceChildren(...rows); else $('jobs').append(...rows);
}

// A job event carries state and progress only: keep the row's other cells (input path, QC, error) until a reload.
export function updateJob(event) {
  const row = document.querySelector(`#jobs tr[data-job-id="${event.job_id}"]`);
  if (!row) return;
  row.dataset.state = event.state;
  const cells = jobCells({ ...event, id: event.job_id, input: row.cells[0].title });
  for (const index of [2, 3, 4, 5]) row.cells[index].replaceWith(cells[index]);
}

export function renderErrors(jobs) {
  $('errors').replaceChildren(...jobs.filter(job => job.error).map(job =>
    el('li', {}, el('strong', {}, job.input_name), ` (${job.preset}) ${job.error.category}: ${job.error.message}`, el('div', { class: 'hint' }, job.error.hint))));
}

export function renderSystem(system) {
  const jobs = system.jobs || {};
  $('queue-pending').textContent = (jobs.queued ?? system.queue_depth) + (jobs.retry_wait || 0);
  $('queue-running').textContent = jobs.running ?? '–';
  $('queue-done').textContent = jobs.succeeded ?? '–';
  $('queue-failed').textContent = jobs.failed ?? '–';
  $('throughput').textContent = `${system.throughput.jobs_last_hour} jobs`;
  $('success-rate').textContent = system.throughput.success_rate === null ? '–' : percent(system.throughput.success_rate);
  const rows = [['CPU', system.cpu_percent === null ? '–' : `${system.cpu_percent}%`]];
  if (system.memory) rows.push(['Memory', `${bytes(system.memory.used_bytes)} of ${bytes(system.memory.total_bytes)}`]);
  for (const disk of system.disk) rows.push([disk.path, `${bytes(disk.free_bytes)} free of ${bytes(disk.total_bytes)}`]);
  $('system').replaceChildren(...rows.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
  $('workers').replaceChildren(...system.workers.map(worker => el('li', {},
    `${worker.host} (pid ${worker.pid}): `,
    worker.jobs.length ? worker.jobs.map(job => `${job.input_name} ${job.preset} ${percent(job.progress)}`).join(', ') : 'idle')));
}

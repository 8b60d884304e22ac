// The dashboard: reads the API (paged), listens to /api/events for live changes, and never renders more than a
// page of batches and the loaded pages of one batch's jobs, so a store of 10,000 jobs stays responsive.
import { renderBatches, updateBatch, renderJobs, updateJob, renderSystem, renderErrors } from './render.js';
import { setupForm } from './form.js';

const TOKEN_KEY = 'spool-token';
const BATCH_PAGE = 20;
const JOB_PAGE = 100;
// The jobs shown are the newest batch's until the user picks one (pinned).
const state = { batchOffset: 0, selected: null, pinned: false, jobsLoaded: 0, jobsTotal: 0 };
const $ = id => document.getElementById(id);

// A first visit may carry ?token=: keep it, and take it out of the address bar and history.
function takeTokenFromAddress() {
  const url = new URL(location.href);
  if (!url.searchParams.has('token')) return;
  localStorage.setItem(TOKEN_KEY, url.searchParams.get('token'));
  url.searchParams.delete('token');
  history.replaceState(null, '', url.pathname + url.search + url.hash);
}

export async function api(path, options = {}) {
  const headers = {};
  const token = localStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = 'Bearer ' + token;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const response = await fetch(path, { method: options.method || 'GET', headers, body });
  if (response.status === 401) $('token-banner').hidden = false;
  const json = (response.headers.get('content-type') || '').includes('json') ? await response.json() : null;
  return { ok: response.ok, status: response.status, data: json };
}

const actions = {
  select(id) { state.pinned = true; choose(id); loadBatches(); },
  async act(id, verb) { await api(`/api/batches/${encodeURIComponent(id)}/${verb}`, { method: 'POST' }); refreshSoon(); },
  async priority(id, value) { await api(`/api/batches/${encodeURIComponent(id)}`, { method: 'PATCH', body: { priority: value } }); refreshSoon(); },
};

async function loadBatches() {
  const { ok, data } = await api(`/api/batches?offset=${state.batchOffset}&limit=${BATCH_PAGE}`);
  if (!ok) return;
  const newest = state.batchOffset === 0 && data.batches.length ? data.batches[0].id : null;
  if (newest && (!state.selected || (!state.pinned && newest !== state.selected))) choose(newest);
  renderBatches(data.batches, state.selected, actions);
  $('batches-page').textContent = data.total ? `${state.batchOffset + 1}–${state.batchOffset + data.batches.length} of ${data.total}` : 'no batches yet';
  $('batches-prev').disabled = state.batchOffset === 0;
  $('batches-next').disabled = state.batchOffset + BATCH_PAGE >= data.total;
}

function choose(id) {
  state.selected = id;
  state.jobsLoaded = 0;
  loadJobs();
}

// Reloads the jobs already shown (at least one page), or the next page when more is asked for.
async function loadJobs(more = false) {
  if (!state.selected) return;
  const id = encodeURIComponent(state.selected);
  const offset = more ? state.jobsLoaded : 0;
  const limit = more ? JOB_PAGE : Math.min(Math.max(state.jobsLoaded, JOB_PAGE), 500);
  const wanted = state.selected;
  const { ok, data } = await api(`/api/batches/${id}?offset=${offset}&limit=${limit}`);
  if (!ok || wanted !== state.selected) return; // another batch was chosen meanwhile
  renderJobs(data.jobs, !more);
  state.jobsLoaded = offset + data.jobs.length;
  state.jobsTotal = data.jobs_total;
  $('jobs-title').textContent = `${data.id} · ${state.jobsLoaded} of ${data.jobs_total}`;
  $('jobs-more').hidden = state.jobsLoaded >= data.jobs_total;
  const report = $('report-link');
  report.hidden = !['completed', 'failed', 'cancelled'].includes(data.state);
  report.href = `/api/batches/${id}/report`;
  const failed = await api(`/api/batches/${id}?state=failed&limit=50`);
  if (failed.ok && wanted === state.selected) renderErrors(failed.data.jobs);
}

async function loadSystem() {
  const { ok, data } = await api('/api/system');
  if (ok) renderSystem(data);
}

// Events arrive up to twice a second per job; whole reloads are held to one per two seconds.
let refreshTimer = null;
function refreshSoon() {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => { refreshTimer = null; loadBatches(); loadJobs(); loadSystem(); }, 2000);
}

function listen() {
  const token = localStorage.getItem(TOKEN_KEY);
  const source = new EventSource('/api/events' + (token ? '?token=' + encodeURIComponent(token) : ''));
  // A page kept in the back/forward cache would hold its stream open; browsers allow only six per server.
  window.addEventListener('pagehide', () => source.close());
  source.onopen = () => { $('connection').textContent = 'live'; };
  source.onerror = () => { $('connection').textContent = 'reconnecting…'; };
  source.addEventListener('job', event => {
    const job = JSON.parse(event.data);
    if (job.batch_id === state.selected) updateJob(job);
  });
  source.addEventListener('batch', event => {
    if (!updateBatch(JSON.parse(event.data))) refreshSoon();
    refreshSoon();
  });
}

// A link cannot carry the Authorization header, so the report opens with ?token= in its own tab's address; the
// token never sits in this page's markup. The report is served sandboxed: it cannot reach the token or the API.
function openReport(event) {
  const token = localStorage.getItem(TOKEN_KEY);
  if (!token) return;
  event.preventDefault();
  window.open(event.currentTarget.href + '?token=' + encodeURIComponent(token), '_blank', 'noopener,noreferrer');
}

function start() {
  takeTokenFromAddress();
  $('token-form').addEventListener('submit', event => {
    event.preventDefault();
    localStorage.setItem(TOKEN_KEY, $('token-input').value);
    location.reload();
  });
  $('batches-prev').addEventListener('click', () => { state.batchOffset = Math.max(0, state.batchOffset - BATCH_PAGE); loadBatches(); });
  $('batches-next').addEventListener('click', () => { state.batchOffset += BATCH_PAGE; loadBatches(); });
  $('jobs-more').addEventListener('click', () => loadJobs(true));
  $('report-link').addEventListener('click', openReport);
  setupForm(api, id => { state.pinned = false; state.batchOffset = 0; choose(id); loadBatches(); });
  loadBatches();
  loadSystem();
  listen();
  setInterval(() => { loadSystem(); loadBatches(); }, 10000);
}

start();

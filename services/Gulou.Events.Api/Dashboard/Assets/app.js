// The auditors' dashboard: asks for a key once per browser session, then shows progress against the plan
// (live, or as known at a cut-off) and opens the records behind any figure.

import { loadAnnual, renderAnnual, renderLock } from './annual.js';
import { forgetKey, get, saveKey, savedKey } from './api.js';
import { createDetail } from './detail.js';
import { byId, h, replace } from './dom.js';
import { describeError, lang, pick, setLang, t, translateStatic } from './i18n.js';
import { remember } from './names.js';
import { renderReview } from './review.js';
import { renderInstitutions, renderMeasures, renderUnits } from './tables.js';
import { figure, renderTargets } from './targets.js';

const state = { plan: null, plans: [], district: null, live: null, review: null, annual: null, year: '', asOf: '' };
const message = byId('message');
const planSelect = byId('plan');
const yearSelect = byId('year');
const asOfInput = byId('as-of');
let detail = null;
let request = 0;
let shown = null;

const describe = describeError;

function showMessage(error) {
  shown = error;
  message.textContent = describe(error);
  message.dataset.kind = error.kind;
  message.hidden = false;
}

function signOut(error) {
  forgetKey();
  state.plan = state.district = state.live = state.review = state.annual = null;
  state.plans = [];
  byId('district-name').textContent = '';
  for (const id of ['controls', 'live', 'review']) byId(id).hidden = true;
  byId('key-panel').hidden = false;
  document.body.dataset.view = 'key';
  if (error) showMessage(error);
  else message.hidden = true;
  byId('key-input').focus();
}

/** Figures of another year or cut-off must not stand beside the selector once this one failed. */
function fail(error) {
  if (error.kind === 'unauthenticated') signOut(error);
  else showMessage(error);
  byId('live').hidden = byId('review').hidden = true;
  document.body.dataset.view = `error:${error.kind}`;
}

/** The cut-off typed in the district's time, as an instant; one in the future means "as known now". */
function cutoff(local) {
  const instant = new Date(`${local.length === 16 ? `${local}:00` : local}+08:00`);
  return (instant > new Date() ? new Date() : instant).toISOString();
}

const waiting = ['pending', 'resubmitted', 'needs_review'];

/** How many activities await a unit's decision, by why; null for a key that may not see the queue (a partner's). */
async function awaitingDecision(year) {
  const totals = await Promise.all(waiting.map((status) =>
    get('/api/v1/verifications', { status, year, pageSize: 1 }).then((page) => page.total, () => null)));
  return totals.includes(null) ? null : waiting.map((status, i) => ({ status, total: totals[i] }));
}

function renderAwaiting(awaiting) {
  byId('awaiting-section').hidden = !awaiting;
  if (!awaiting) return;
  const year = state.year ? `&year=${state.year}` : '';
  replace(byId('awaiting'), awaiting.map(({ status, total }) =>
    h('p', { class: 'figures', dataset: { awaiting: status } },
      h('span', { class: 'label' }, t(`awaiting_${status}`)), ' ',
      figure(total, `/api/v1/verifications?status=${status}${year}`, t(`awaiting_${status}`), detail.open, { dataset: { figure: status } }))));
}

const viewName = () => (state.asOf ? `review:${state.year || 'plan'}` : `live:${state.year || 'plan'}`);

async function refresh() {
  const mine = ++request;
  document.body.dataset.view = 'loading';
  const year = state.year || undefined;
  try {
    const annual = year ? loadAnnual(year) : Promise.resolve(null);
    if (state.asOf) {
      state.review = await get(year ? `/api/v1/reviews/${year}` : '/api/v1/reviews/plan', { plan: state.plan.id, asOf: cutoff(state.asOf) });
    } else {
      const query = { plan: state.plan.id, year, waitForNonStale: true, waitSeconds: 5 };
      const [progress, measures, units, awaiting] = await Promise.all([
        ...['/api/v1/progress', '/api/v1/progress/measures', '/api/v1/progress/units'].map((path) => get(path, query)),
        awaitingDecision(year)]);
      state.live = { progress, measures, units, awaiting };
      remember(units.institutions);
    }
    state.annual = await annual;
    if (mine !== request) return;
    message.hidden = true;
    render();
    document.body.dataset.view = viewName();
  } catch (error) {
    if (mine === request) fail(error);
  }
}

function renderHeader() {
  translateStatic();
  byId('language').textContent = t('language');
  if (!state.plan) return;
  byId('district-name').textContent = state.district?.name ?? '';
  byId('plan-title').textContent = pick(state.plan.title);
  byId('plan-period').textContent = t('period', state.plan.period);
  replace(planSelect, state.plans.map((p) => h('option', { value: p.id }, `${p.period.from}–${p.period.to} ${pick(p.title)}`)));
  planSelect.value = state.plan.id;
  const years = [];
  for (let y = state.plan.period.from; y <= state.plan.period.to; y++) years.push(y);
  replace(yearSelect, h('option', { value: '' }, t('wholePeriod')), years.map((y) => h('option', { value: y }, String(y))));
  yearSelect.value = state.year;
  byId('as-of-clear').hidden = !state.asOf;
  renderLock(byId('year-lock'), state.annual);
}

function render() {
  renderHeader();
  byId('live').hidden = Boolean(state.asOf) || !state.live;
  byId('review').hidden = !state.asOf || !state.review;
  if (state.asOf && state.review) {
    renderReview(byId('review'), state.review, state.plan, detail);
  } else if (state.live) {
    const { progress, measures, units, awaiting } = state.live;
    const f = progress.freshness;
    const freshness = byId('freshness');
    freshness.textContent = t(f.caughtUp ? 'fresh' : 'stale', { sequence: f.lastAppliedSequence, highWater: f.highWaterMark });
    freshness.classList.toggle('stale', !f.caughtUp);
    renderTargets(byId('targets'), progress, state.plan, detail.open);
    renderAwaiting(awaiting);
    renderMeasures(byId('measures'), measures, state.plan, detail.open);
    renderUnits(byId('units'), units.units, detail.open);
    renderInstitutions(byId('institutions'), units.institutions, detail.open);
    renderAnnual(byId('annual'), state.annual);
  }
}

async function start() {
  if (!savedKey()) {
    signOut(null);
    return;
  }
  byId('key-panel').hidden = true;
  document.body.dataset.view = 'loading';
  try {
    state.district = await get('/api/v1/district');
    // The plan in force today first; the others are a choice away.
    state.plans = await get('/api/v1/plans');
    state.plan = await get('/api/v1/plan', { plan: (state.plans.find((p) => p.inForce) ?? state.plans[0]).id });
  } catch (error) {
    fail(error);
    return;
  }
  detail ??= createDetail({ plan: () => state.plan, signOut, describe });
  byId('controls').hidden = false;
  await refresh();
}

byId('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = byId('key-input');
  saveKey(input.value.trim());
  input.value = '';
  message.hidden = true;
  start();
});
byId('sign-out').addEventListener('click', () => signOut(null));
byId('language').addEventListener('click', () => {
  setLang(lang() === 'zh' ? 'en' : 'zh');
  if (state.plan && (state.live || state.review)) render();
  else renderHeader();
  if (!message.hidden && shown) message.textContent = describe(shown);
  detail?.rerender();
});
planSelect.addEventListener('change', async () => {
  try {
    state.plan = await get('/api/v1/plan', { plan: planSelect.value });
  } catch (error) {
    fail(error);
    return;
  }
  state.year = '';
  refresh();
});
yearSelect.addEventListener('change', () => {
  state.year = yearSelect.value;
  refresh();
});
asOfInput.addEventListener('change', () => {
  state.asOf = asOfInput.value;
  refresh();
});
byId('as-of-clear').addEventListener('click', () => {
  state.asOf = asOfInput.value = '';
  refresh();
});

setLang(lang());
renderHeader();
start();

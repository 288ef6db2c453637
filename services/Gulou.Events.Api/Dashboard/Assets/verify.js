// The units' page (/verify): what awaits the unit's decision (pending, resubmitted, held above a ceiling) with its
// size per measure, the likely duplicates, and one activity at a time with its history and evidence, verified or
// rejected with a reason in one step.

import './desk-labels.js';
import { createActivityPane } from './activity-pane.js';
import { activityDetails, evidenceList, historyTable, kindOf, statusBadge } from './activity-view.js';
import { get, post } from './api.js';
import { createDesk } from './desk.js';
import { byId, h, number, replace, sum } from './dom.js';
import { errorSummary, field, input, select, showErrors } from './fields.js';
import { addLabels, pick, t } from './i18n.js';
import { fillName, remember } from './names.js';

addLabels({ zh: { title: '活动核实' }, en: { title: 'Verifying activities' } });

const waiting = ['pending', 'resubmitted', 'needs_review'];
const queueLimit = 500;
const state = { plan: null, status: '', year: '', queue: null, duplicates: null };

const desk = createDesk({ load, rerender });

async function load(plan) {
  state.plan = plan;
  // Names of the reporting institutions come from the figures every unit may read.
  get('/api/v1/progress/units').then((units) => remember(units.institutions), () => null);
  try {
    await loadQueue();
  } catch (error) {
    if (error.status === 403) desk.wrongRole('unit');
    else throw error;
  }
}

function rerender() {
  renderQueue();
  pane.rerender();
}

/** Duplicates are looked for within a year: the one chosen, else the plan's latest year that has begun. */
const duplicatesYear = () => state.year || String(Math.min(new Date().getFullYear(), state.plan.period.to));

async function loadQueue() {
  [state.queue, state.duplicates] = await Promise.all([
    get('/api/v1/verifications', { status: state.status, year: state.year, pageSize: queueLimit }),
    get('/api/v1/activities/duplicates', { year: duplicatesYear(), pageSize: 50 }),
  ]);
  renderQueue();
  if (!pane.current()) desk.view(`queue:${state.queue.total}`);
}

/** How many of the listed activities wait under each measure (an activity under two measures counts in both). */
function perMeasure(items) {
  const counts = new Map();
  for (const activity of items) {
    for (const code of activity.measureCodes) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return state.plan.measures.filter((m) => counts.has(m.code)).map((m) => ({ measure: m, count: counts.get(m.code) }));
}

const reporterOf = (activity) => fillName(h('span', {}), activity.institutionId, activity.institutionId.slice(0, 8));

function queueItem(activity) {
  return h('li', { class: 'item', dataset: { activity: activity.id, status: activity.status } },
    h('div', { class: 'item-head' },
      h('button', { type: 'button', class: 'link item-title', onclick: () => pane.open(activity.id) }, activity.title),
      statusBadge(activity.status)),
    h('p', { class: 'muted' }, `${activity.occurredOn} · ${kindOf(state.plan, activity.kind)} · ${number(sum(activity.attendance))} ${t('personTimes')} · ${activity.measureCodes.join(' ')}`),
    h('p', { class: 'muted' }, `${t('reporter')}：`, reporterOf(activity)),
    activity.status === 'resubmitted' && activity.verification?.reason
      ? h('p', { class: 'reason' }, t('rejectedBecause', { reason: activity.verification.reason }))
      : null);
}

function renderQueue() {
  const queue = state.queue;
  if (!queue) return;
  const filter = select([['', t('anyStatus')], ...waiting.map((s) => [s, t(`awaiting_${s}`)])], state.status, { id: 'queue-filter' });
  filter.addEventListener('change', () => {
    state.status = filter.value;
    loadQueue().catch(desk.fail);
  });
  const years = [];
  for (let year = state.plan.period.from; year <= state.plan.period.to; year++) years.push([String(year), String(year)]);
  const yearFilter = select([['', t('wholePeriod')], ...years], state.year, { id: 'queue-year' });
  yearFilter.addEventListener('change', () => {
    state.year = yearFilter.value;
    loadQueue().catch(desk.fail);
  });
  const sizes = perMeasure(queue.items);
  replace(byId('queue'),
    h('h2', { id: 'queue-heading' }, t('queue')),
    h('div', { class: 'toolbar' }, field('status', t('status'), filter), field('year', t('year'), yearFilter),
      h('span', { class: 'muted', id: 'queue-total' }, t('total', { total: queue.total }))),
    sizes.length
      ? h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': t('queueBy') },
        h('table', { class: 'grid sizes' },
          h('caption', {}, t('queueBy')),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('measure')), h('th', { scope: 'col', class: 'n' }, t('activities')))),
          h('tbody', {}, sizes.map(({ measure, count }) => h('tr', { dataset: { measure: measure.code } },
            h('td', {}, `${measure.code} ${pick(measure.title)}`),
            h('td', { class: 'n', dataset: { col: 'count' } }, number(count)))))))
      : null,
    queue.items.length === 0 ? h('p', { class: 'muted' }, t('queueEmpty')) : h('ul', { class: 'cards-list' }, queue.items.map(queueItem)));

  const groups = state.duplicates.items;
  replace(byId('duplicates'),
    h('h2', { id: 'duplicates-heading' }, `${t('duplicates')}（${duplicatesYear()}）`),
    groups.length === 0
      ? h('p', { class: 'muted' }, t('noDuplicates'))
      : groups.map((group) => h('section', { class: 'panel group', dataset: { kind: group.kind, day: group.occurredOn } },
        h('h3', {}, `${group.occurredOn} · ${kindOf(state.plan, group.kind)} · ${t('similarity', { value: number(group.similarity) })}`),
        h('ul', { class: 'cards-list' }, group.activities.map(queueItem)))));
}

const pane = createActivityPane({ desk, render: renderActivity, onClose: () => loadQueue().catch(desk.fail) });

function renderActivity(activity, history) {
  const back = h('button', { type: 'button', class: 'link', id: 'back', onclick: pane.close }, t('backToList'));
  replace(byId('activity'),
    h('p', {}, back),
    activityDetails(state.plan, activity),
    h('p', { class: 'muted' }, `${t('reporter')}：`, reporterOf(activity)),
    evidenceList(activity),
    activity.status === 'retracted' ? null : decisionForm(activity),
    historyTable(history));
}

/** Verify, or reject with a reason (or as a duplicate of another activity), in one step. */
function decisionForm(activity) {
  const choice = (value, label) => h('label', { class: 'check' },
    h('input', { type: 'radio', name: 'decision', value, checked: value === 'verified', dataset: { decision: value } }), ` ${label}`);
  const decision = h('fieldset', { class: 'choices', dataset: { field: 'decision' } },
    h('legend', {}, t('decide')), choice('verified', t('verify')), choice('rejected', t('reject')), h('p', { class: 'error', hidden: true }));
  const reason = h('textarea', { rows: 3, maxlength: 1000 });
  const reasonCode = select([['other', t('reasonCode_other')], ['duplicate_of', t('reasonCode_duplicate_of')]], 'other');
  const duplicateOf = input({ spellcheck: 'false' });
  const form = h('form', { class: 'panel', novalidate: true, dataset: { form: 'decision' } },
    decision,
    field('reason', t('rejectReason'), reason),
    field('reasonCode', t('reasonCode'), reasonCode),
    field('duplicateOf', t('duplicateOf'), duplicateOf),
    errorSummary(),
    h('button', { type: 'submit', class: 'primary' }, t('submitDecision')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = form.querySelector('input[name=decision]:checked').value;
    const rejecting = chosen === 'rejected';
    const body = {
      decision: chosen,
      reason: reason.value.trim() || null,
      expectedVersion: activity.version,
      reasonCode: rejecting ? reasonCode.value : null,
      duplicateOf: rejecting && reasonCode.value === 'duplicate_of' ? duplicateOf.value.trim() || null : null,
    };
    try {
      await post(`/api/v1/activities/${activity.id}/verification`, body);
      pane.close();
      desk.say(t(`decided_${chosen}`, { title: activity.title }), 'done');
    } catch (error) {
      if (error.status === 409) await pane.conflicted();
      else if (!(error.status === 400 && error.problem?.errors && showErrors(form, error.problem))) {
        desk.fail(error);
      }
    }
  });
  return form;
}

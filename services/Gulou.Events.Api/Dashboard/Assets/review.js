// The review view: a year (or the plan period) as known at a cut-off beside as known now, and every record that
// changed it since.

import { districtTime, h, number, replace, shortId, sum } from './dom.js';
import { lang, pick, t, tOr } from './i18n.js';
import { unitLabel } from './targets.js';

const delta = (then, now) => (now === then ? '' : `${now > then ? '+' : '−'}${number(Math.abs(now - then))}`);

const grid = (headings, rows) =>
  h('div', { class: 'scroll' }, h('table', { class: 'grid' },
    h('thead', {}, h('tr', {}, headings.map((label, i) => h('th', { scope: 'col', class: i >= 2 ? 'n' : null }, label)))),
    h('tbody', {}, rows)));

function targets(review, plan) {
  const metric = new Map(plan.targets.map((x) => [x.code, pick(x.metric)]));
  const now = new Map(review.current.targets.map((x) => [x.code, x]));
  return grid([t('code'), t('targets'), t('asKnown'), t('now'), t('change')],
    review.asKnown.targets.map((known) => {
      const current = now.get(known.code);
      return h('tr', { class: known.actual === current.actual ? null : 'changed', dataset: { target: known.code } },
        h('td', {}, known.code), h('td', {}, metric.get(known.code), ' ', h('span', { class: 'unit' }, unitLabel(known.unit))),
        h('td', { class: 'n', dataset: { col: 'asKnown' } }, number(known.actual)),
        h('td', { class: 'n', dataset: { col: 'now' } }, number(current.actual)),
        h('td', { class: 'n', dataset: { col: 'change' } }, delta(known.actual, current.actual)));
    }));
}

function measures(review) {
  const now = new Map(review.current.measures.map((m) => [m.code, m]));
  const touched = review.asKnown.measures.filter((m) => m.official.activities + now.get(m.code).official.activities > 0);
  return grid([t('code'), t('measure'), `${t('activities')} · ${t('asKnown')}`, `${t('activities')} · ${t('now')}`,
    `${t('personTimes')} · ${t('asKnown')}`, `${t('personTimes')} · ${t('now')}`],
  touched.map((known) => {
    const current = now.get(known.code);
    const changed = known.official.activities !== current.official.activities || sum(known.official.personTimes) !== sum(current.official.personTimes);
    return h('tr', { class: changed ? 'changed' : null, dataset: { measure: known.code } },
      h('td', {}, known.code), h('td', {}, lang() === 'en' ? known.titleEn : known.titleZh),
      h('td', { class: 'n', dataset: { col: 'asKnownActivities' } }, number(known.official.activities)),
      h('td', { class: 'n', dataset: { col: 'nowActivities' } }, number(current.official.activities)),
      h('td', { class: 'n' }, number(sum(known.official.personTimes))),
      h('td', { class: 'n' }, number(sum(current.official.personTimes))));
  }));
}

function differences(list, detail) {
  const open = (d) => {
    const activity = d.history.match(/^\/api\/v1\/activities\/([0-9a-f-]+)\/history$/);
    if (activity) detail.history(activity[1], shortId(d.id));
    else detail.open(d.history, `${tOr(`record_${d.record}`, d.record)} ${shortId(d.id)}`);
  };
  if (list.length === 0) return h('p', { class: 'muted' }, t('noDifferences'));
  return grid([t('record'), t('changes'), t('firstChangedAt'), t('lastChangedAt')],
    list.map((d) => h('tr', { dataset: { difference: d.id, record: d.record } },
      h('td', {}, tOr(`record_${d.record}`, d.record), ' ',
        h('button', { type: 'button', class: 'link mono', title: d.id, onclick: () => open(d) }, shortId(d.id))),
      h('td', { dataset: { col: 'changes' } }, d.changes.map((c) => tOr(`change_${c}`, c)).join('、')),
      h('td', {}, districtTime(d.firstChangedAt)),
      h('td', {}, districtTime(d.lastChangedAt)))));
}

export function renderReview(container, review, plan, detail) {
  const scope = review.year === null ? t('reviewPlan') : t('reviewYear', { year: review.year });
  replace(container,
    h('h2', {}, t('reviewTitle', { scope, asOf: review.asOf ? districtTime(review.asOf) : districtTime(review.now) })),
    review.closed ? h('p', { class: 'closed' }, t('closedAt', { closedAt: districtTime(review.closed.closedAt), asOf: districtTime(review.closed.asOf) })) : null,
    h('section', { id: 'review-targets' }, h('h3', {}, t('targets')), targets(review, plan)),
    h('section', { id: 'review-measures' }, h('h3', {}, t('measures')), measures(review)),
    h('section', { id: 'review-differences' }, h('h3', {}, t('differences')), differences(review.differences, detail)),
    review.closed ? h('section', { id: 'review-late' }, h('h3', {}, t('lateChanges')), differences(review.lateChanges, detail)) : null);
}

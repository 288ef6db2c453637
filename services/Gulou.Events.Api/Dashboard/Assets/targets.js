// One card per target of the plan: where it stands, against what, whether it is on track, and its years.

import { barChart } from './chart.js';
import { h, number, percent } from './dom.js';
import { pick, t, tOr } from './i18n.js';

export const unitLabel = (unit) => tOr(`unit_${unit}`, unit);

/** A figure that opens the records behind it. */
export const figure = (value, drilldown, label, open, attrs = {}) =>
  h('button', { type: 'button', class: 'figure', title: t('listOf', { figure: label }), onclick: () => open(drilldown, label), ...attrs }, number(value));

function chartLabel(kind) {
  if (kind === 'annual_sum') return t('chartAnnual');
  if (kind === 'annual_coverage') return t('chartCoverage');
  return kind === 'indicator' ? t('chartIndicator') : t('chartCumulative');
}

/** Where the target stood before the plan period (a survey, a rank, a stock), when known. */
const baseline = (progress, target, figureName = 'baseline') => (progress.baseline === null || progress.baseline === undefined ? null
  : [' · ', t('baseline', { year: target.period.from - 1 }), ' ', h('span', { dataset: { figure: figureName } }, number(progress.baseline))]);

/** A ranking read beside the figure it ranks: the rank, the goal, the status, the baseline rank. */
function ranking(progress, target, open) {
  const metric = pick(target.metric);
  const goal = target.counting.heldThroughout ? 'rankGoalHeld' : 'rankGoal';
  return h('div', { class: `ranking status-${progress.status}`, dataset: { ranking: progress.code } },
    h('span', { class: 'label', title: `${target.planText} · ${metric}` }, t(`ranking_${target.counting.rankedAmong}`)), ' ',
    progress.actual >= 1
      ? h('button', { type: 'button', class: 'figure', title: t('listOf', { figure: metric }), onclick: () => open(progress.drilldown, metric) },
        t('rankBefore'), h('span', { dataset: { figure: 'rank' } }, number(progress.actual)), t('rankAfter'))
      : h('span', { class: 'muted', dataset: { figure: 'rank' } }, t('noRank')),
    ' ', h('span', { class: 'sub' }, t(goal, { goal: number(progress.targetValue) }), ' · ', t('verified'), ' ',
      h('span', { dataset: { figure: 'rankVerified' } }, progress.verifiedActual >= 1 ? number(progress.verifiedActual) : '–'),
      baseline(progress, target, 'rankBaseline')), ' ',
    h('span', { class: `badge status-${progress.status}`, dataset: { figure: 'rankStatus', status: progress.status } }, t(`status_${progress.status}`)));
}

function card(progress, target, open, rankings) {
  const metric = pick(target.metric);
  const deadline = Number(String(target.deadline).slice(0, 4));
  const status = progress.status;
  const chart = barChart(progress.series, progress.targetValue, chartLabel(progress.kind));
  chart.querySelectorAll('g.bar').forEach((bar, i) => {
    const point = progress.series[i];
    bar.addEventListener('click', () => open(point.drilldown, `${metric} · ${point.year}`));
  });
  return h('article', { class: `card status-${status}`, dataset: { target: progress.code } },
    h('header', {},
      h('span', { class: 'code' }, progress.code, progress.measure ? ` · ${progress.measure}` : ` · ${t('overall')}`),
      h('span', { class: `badge status-${status}`, dataset: { figure: 'status', status } }, t(`status_${status}`))),
    h('h3', { title: target.planText }, metric),
    h('div', { class: 'progress-row' },
      h('progress', { max: 1, value: Math.min(progress.share, 1), class: `status-${status}` }),
      h('span', { class: 'share', dataset: { figure: 'share' } }, percent(progress.share))),
    h('p', { class: 'figures' },
      h('span', { class: 'label' }, t('actual')), ' ',
      figure(progress.actual, progress.drilldown, metric, open, { dataset: { figure: 'actual' } }),
      ' / ', h('span', { class: 'label' }, t('target')), ' ',
      h('span', { dataset: { figure: 'target' } }, number(progress.targetValue)), ' ',
      h('span', { class: 'unit' }, unitLabel(progress.unit))),
    h('p', { class: 'sub' },
      t('verified'), ' ', h('span', { dataset: { figure: 'verified' } }, number(progress.verifiedActual)), ' · ',
      t('forecast', { year: deadline }), ' ',
      h('span', { dataset: { figure: 'forecast' } }, progress.forecast === null ? t('noForecast') : number(progress.forecast)),
      baseline(progress, target)),
    rankings.length ? h('div', { class: 'rankings' }, rankings) : null,
    h('figure', {}, chart, h('figcaption', {}, chartLabel(progress.kind))));
}

export function renderTargets(container, overview, plan, open) {
  const targets = new Map(plan.targets.map((target) => [target.code, target]));
  // A target read beside another (a ranking) is shown inside that target's card, not on a card of its own.
  const beside = (code) => overview.targets.filter((p) => p.beside === code).map((p) => ranking(p, targets.get(p.code), open));
  container.replaceChildren(...overview.targets.filter((p) => !p.beside).map((p) => card(p, targets.get(p.code), open, beside(p.code))));
}

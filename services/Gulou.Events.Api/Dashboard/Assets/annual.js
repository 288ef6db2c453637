// The year's review as a workflow: the units' sign-off board, the year's lock, the seal (verified on request) and
// who reported the year and when. Shown under a single year's figures; a key that may not read reviews sees none of it.

import { get, post } from './api.js';
import { districtTime, h, number, replace, shortId } from './dom.js';
import { addLabels, lang, t } from './i18n.js';
import { fillName } from './names.js';

addLabels({
  zh: {
    annualTitle: '{year} 年度审核',
    locked: '已关账',
    lockedTitle: '{year} 年度已于 {closedAt} 关账，数据已锁定；如需更改须由区科协授予例外。',
    openYear: '{year} 年度尚未关账',
    signoff: '各单位确认',
    signoffSummary: '{accepted} / {total} 个单位已确认',
    signoff_not_submitted: '未提交',
    signoff_submitted: '已提交',
    signoff_returned: '已退回',
    signoff_accepted: '已确认',
    signoffState: '状态',
    signoffBy: '操作单位',
    signoffAt: '时间（UTC+8）',
    signoffReason: '说明',
    override: '关账时以下单位尚未确认：{units}。理由：{reason}',
    exceptions: '关账后的例外',
    exceptionFor: '：{reason}（至 {expiresAt}）',
    expired: '已过期',
    history: '审核记录',
    step_submitted: '提交',
    step_returned: '退回',
    step_accepted: '确认',
    step_closed: '关账',
    step_reopened: '重新开账',
    step_exception_granted: '授予例外',
    seal: '数据封存',
    noSeal: '该年度尚未关账，没有封存。',
    sealFacts: '截至 {asOf} 的 {count} 个事件（至第 {last} 号），{sealedAt} 封存',
    sealSuperseded: '该封存属于已重新开账前的关账。',
    sealChain: '事件链 SHA-256',
    sealPlan: '规划目录 SHA-256',
    sealVersion: '服务版本',
    verifySeal: '核验封存',
    verifying: '正在根据事件日志重新计算…',
    intact: '完好：事件日志与封存一致（{count} 个事件）。',
    differs: '不一致：第 {sequence} 号事件（{change}，{type}，流 {stream} 第 {version} 版）。{detail}',
    differsUnlocated: '不一致：封存本身的摘要被改动。',
    change_changed: '已改动',
    change_missing: '已删除',
    change_inserted: '新插入',
    change_unlocated: '无法定位',
    figuresNotReproduced: '按现行规则重新统计，结果与封存的数字不同。',
    completeness: '报送完整性',
    deadline: '报送截止：{day}（UTC+8 当日结束）',
    activitiesCounted: '计入活动',
    lateCount: '逾期报送',
    notCounted: '未计入',
    lastReport: '最近报送（UTC+8）',
    silent: '未报送任何活动的合作单位',
    noSilent: '所有合作单位均已报送。',
    registeredAt: '登记时间',
  },
  en: {
    annualTitle: 'Annual review of {year}',
    locked: 'Closed',
    lockedTitle: '{year} was closed at {closedAt}; its figures are locked and change only under an exception from the coordinating unit.',
    openYear: '{year} is not closed',
    signoff: 'Sign-off by unit',
    signoffSummary: '{accepted} of {total} units accepted',
    signoff_not_submitted: 'Not submitted',
    signoff_submitted: 'Submitted',
    signoff_returned: 'Returned',
    signoff_accepted: 'Accepted',
    signoffState: 'State',
    signoffBy: 'By',
    signoffAt: 'When (UTC+8)',
    signoffReason: 'Note or reason',
    override: 'Closed without these units: {units}. Reason: {reason}',
    exceptions: 'Exceptions to the lock',
    exceptionFor: ': {reason} (until {expiresAt})',
    expired: 'expired',
    history: 'History of the review',
    step_submitted: 'submitted',
    step_returned: 'returned',
    step_accepted: 'accepted',
    step_closed: 'closed',
    step_reopened: 'reopened',
    step_exception_granted: 'exception granted',
    seal: 'Seal',
    noSeal: 'The year has not been closed: there is no seal.',
    sealFacts: '{count} events recorded up to {asOf} (up to number {last}), sealed {sealedAt}',
    sealSuperseded: 'This seal belongs to a closing the year was reopened after.',
    sealChain: 'Chain SHA-256',
    sealPlan: 'Plan catalog SHA-256',
    sealVersion: 'Service version',
    verifySeal: 'Verify the seal',
    verifying: 'Recomputing from the event log…',
    intact: 'Intact: the event log matches the seal ({count} events).',
    differs: 'Differs at event number {sequence} ({change}, {type}, stream {stream} version {version}). {detail}',
    differsUnlocated: 'Differs: the seal’s own digests were changed.',
    change_changed: 'changed',
    change_missing: 'deleted',
    change_inserted: 'inserted',
    change_unlocated: 'not located',
    figuresNotReproduced: 'Counting the same events again gives figures other than the sealed ones.',
    completeness: 'Completeness and timeliness',
    deadline: 'Reporting deadline: {day} (end of day, UTC+8)',
    activitiesCounted: 'Activities counted',
    lateCount: 'Reported late',
    notCounted: 'Not counted',
    lastReport: 'Last report (UTC+8)',
    silent: 'Partner institutions that reported nothing',
    noSilent: 'Every partner institution reported.',
    registeredAt: 'Registered',
  },
});

/**
 * The year's review, or null for a key that may not read reviews. The seal is null until the year is first closed.
 * It never fails: the figures above it report any trouble with the service.
 */
export async function loadAnnual(year) {
  const base = `/api/v1/reviews/${year}`;
  const orNull = (promise) => promise.catch(() => null);
  const [signoff, seal, completeness] = await Promise.all([orNull(get(`${base}/signoff`)), orNull(get(`${base}/seal`)), orNull(get(`${base}/completeness`))]);
  return signoff ? { year, signoff, seal, completeness } : null;
}

const grid = (id, headings, numeric, rows) =>
  h('div', { class: 'scroll' }, h('table', { id, class: 'grid' },
    h('thead', {}, h('tr', {}, headings.map((label, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'n' : null }, label)))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: headings.length, class: 'empty' }, t('empty'))))));

const institution = (id) => (id ? fillName(h('span', { title: id }), id, shortId(id)) : '–');
const when = (instant) => (instant ? districtTime(instant) : '–');

/** The marker beside the year selector: shown on a closed year. */
export function renderLock(element, annual) {
  const closed = annual?.signoff.state === 'closed';
  element.hidden = !closed;
  element.textContent = closed ? `🔒 ${t('locked')}` : '';
  element.title = closed ? t('lockedTitle', { year: annual.year, closedAt: districtTime(annual.signoff.closedAt) }) : '';
}

function board(signoff) {
  const accepted = signoff.units.filter((u) => u.state === 'accepted').length;
  return [
    h('p', { class: 'muted', dataset: { summary: 'signoff' } }, t('signoffSummary', { accepted, total: signoff.units.length })),
    grid('signoff-board', [t('code'), t('unit'), t('signoffState'), t('signoffBy'), t('signoffAt'), t('signoffReason')], [],
      signoff.units.map((u) => h('tr', { dataset: { unit: u.unitCode, state: u.state } },
        h('td', { dataset: { col: 'code' } }, u.unitCode),
        h('td', { dataset: { col: 'name' } }, lang() === 'en' ? u.nameEn : u.nameZh),
        h('td', { dataset: { col: 'state' } }, h('span', { class: `signoff signoff-${u.state}` }, t(`signoff_${u.state}`))),
        h('td', { dataset: { col: 'by' } }, institution(u.by)),
        h('td', { dataset: { col: 'at' } }, when(u.at)),
        h('td', { dataset: { col: 'reason' } }, u.reason ?? '')))),
    signoff.missingUnits.length
      ? h('p', { class: 'override', dataset: { override: signoff.missingUnits.join(' ') } }, t('override', { units: signoff.missingUnits.join('、'), reason: signoff.overrideReason ?? '' }))
      : null,
    signoff.exceptions.length
      ? h('div', { class: 'exceptions' }, h('h4', {}, t('exceptions')), h('ul', {}, signoff.exceptions.map((x) =>
        h('li', { dataset: { exception: x.id, expired: String(x.expired) } },
          institution(x.institutionId), t('exceptionFor', { reason: x.reason, expiresAt: districtTime(x.expiresAt) }),
          x.expired ? h('span', { class: 'muted' }, ` · ${t('expired')}`) : null))))
      : null,
    h('details', { class: 'history' }, h('summary', {}, t('history')),
      h('ol', { id: 'signoff-history' }, signoff.history.map((s) => h('li', { dataset: { action: s.action } },
        `${districtTime(s.at)} · ${t(`step_${s.action}`)}${s.unitCode ? ` · ${s.unitCode}` : ''}${s.reason ? ` · ${s.reason}` : ''}`)))),
  ];
}

function verification(result) {
  if (result.result === 'intact') return h('p', { class: 'verified intact', dataset: { result: 'intact' } }, t('intact', { count: number(result.eventCount) }));
  const d = result.firstDifference;
  const text = d.change === 'unlocated' ? t('differsUnlocated')
    : t('differs', { sequence: d.sequence, change: t(`change_${d.change}`), type: d.type ?? '–', stream: shortId(d.streamId), version: d.version ?? '–', detail: d.detail });
  return h('p', { class: 'verified differs', dataset: { result: 'differs', sequence: d.sequence ?? '' } }, text);
}

function sealView(annual) {
  const { seal, year } = annual;
  if (!seal) return h('p', { class: 'muted' }, t('noSeal'));
  const result = h('div', { id: 'seal-result' });
  const button = h('button', { type: 'button', id: 'verify-seal', class: 'action' }, t('verifySeal'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    replace(result, h('p', { class: 'muted' }, t('verifying')));
    try {
      const verified = await post(`/api/v1/reviews/${year}/seal/verification`);
      replace(result, verification(verified), verified.figuresReproduced ? null : h('p', { class: 'muted' }, t('figuresNotReproduced')));
    } catch (error) {
      replace(result, h('p', { class: 'verified differs' }, error.problem?.detail ?? error.kind));
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'seal', dataset: { standing: String(seal.standing) } },
    h('p', {}, t('sealFacts', { count: number(seal.eventCount), asOf: districtTime(seal.asOf), last: seal.lastSequence, sealedAt: districtTime(seal.sealedAt) })),
    seal.standing ? null : h('p', { class: 'muted' }, t('sealSuperseded')),
    h('dl', {},
      h('dt', {}, t('sealChain')), h('dd', { class: 'mono', id: 'seal-chain' }, seal.chainSha256),
      h('dt', {}, t('sealPlan')), h('dd', { class: 'mono' }, seal.planSha256),
      h('dt', {}, t('sealVersion')), h('dd', { class: 'mono' }, seal.serviceVersion)),
    button, result);
}

function completenessView(c) {
  if (!c) return null;
  return [
    h('p', { class: 'muted' }, t('deadline', { day: c.deadlineDay })),
    grid('completeness-units', [t('code'), t('unit'), t('activitiesCounted'), t('lateCount'), t('institutionsCount'), t('lastReport')], [2, 3, 4],
      c.units.map((u) => h('tr', { dataset: { unit: u.unitCode } },
        h('td', {}, u.unitCode), h('td', {}, lang() === 'en' ? u.nameEn : u.nameZh),
        h('td', { class: 'n', dataset: { col: 'activities' } }, number(u.activities)),
        h('td', { class: 'n', dataset: { col: 'late' } }, number(u.late)),
        h('td', { class: 'n', dataset: { col: 'institutions' } }, number(u.institutions)),
        h('td', { dataset: { col: 'last' } }, when(u.lastReportedAt))))),
    grid('completeness-institutions', [t('name'), t('activitiesCounted'), t('notCounted'), t('lateCount'), t('lastReport')], [1, 2, 3],
      c.institutions.map((i) => h('tr', { dataset: { institution: i.institutionId } },
        h('td', {}, i.name || shortId(i.institutionId)),
        h('td', { class: 'n', dataset: { col: 'activities' } }, number(i.activities)),
        h('td', { class: 'n', dataset: { col: 'notCounted' } }, number(i.notCounted)),
        h('td', { class: 'n', dataset: { col: 'late' } }, number(i.late)),
        h('td', { dataset: { col: 'last' } }, when(i.lastReportedAt))))),
    h('h4', {}, t('silent')),
    c.silent.length
      ? h('ul', { id: 'silent' }, c.silent.map((s) => h('li', { dataset: { institution: s.institutionId } }, s.name, h('span', { class: 'muted' }, ` · ${t('registeredAt')} ${districtTime(s.registeredAt)}`))))
      : h('p', { class: 'muted' }, t('noSilent')),
  ];
}

/** The review section under a single year's figures; hidden for the whole period and for keys that may not read reviews. */
export function renderAnnual(container, annual) {
  container.hidden = !annual;
  if (!annual) return;
  const { signoff, year } = annual;
  const closed = signoff.state === 'closed';
  replace(container,
    h('h2', {}, t('annualTitle', { year }), ' ',
      h('span', { class: `badge ${closed ? 'locked' : 'open'}`, id: 'annual-state' }, closed ? `🔒 ${t('locked')}` : t('openYear', { year }))),
    closed ? h('p', { class: 'closed' }, t('lockedTitle', { year, closedAt: districtTime(signoff.closedAt) })) : null,
    h('section', { id: 'annual-signoff' }, h('h3', {}, t('signoff')), board(signoff)),
    h('section', { id: 'annual-seal' }, h('h3', {}, t('seal')), sealView(annual)),
    h('section', { id: 'annual-completeness' }, h('h3', {}, t('completeness')), completenessView(annual.completeness)));
}

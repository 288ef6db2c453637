// Tables of the records behind a figure (activities, designations, volunteers, survey observations) and of an
// activity's history.

import { districtTime, h, number, shortId, sum } from './dom.js';
import { pick, t, tOr } from './i18n.js';
import { fillName } from './names.js';

const table = (headings, rows) =>
  h('table', { class: 'grid records' },
    h('thead', {}, h('tr', {}, headings.map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: headings.length, class: 'empty' }, t('empty')))));

const institution = (id) => fillName(h('span', { class: 'institution', title: id ?? '' }), id, shortId(id));

export function activities(items, plan, showHistory) {
  const kinds = new Map(plan.activityKinds.map((k) => [k.code, k.name]));
  return table(
    [t('occurredOn'), t('activityTitle'), t('postedBy'), t('host'), t('kind'), t('measure'), t('personTimes'), t('status')],
    items.map((a) => h('tr', { dataset: { activity: a.id, status: a.status } },
      h('td', {}, a.occurredOn),
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => showHistory(a.id, a.title) }, a.title),
        h('div', { class: 'muted' }, a.externalRef)),
      h('td', {}, institution(a.institutionId)),
      h('td', { dataset: { col: 'host' } }, a.hostInstitutionId ? institution(a.hostInstitutionId) : ''),
      h('td', {}, pick(kinds.get(a.kind)) || a.kind),
      h('td', {}, a.measureCodes.join(' ')),
      h('td', { class: 'n' }, number(sum(a.attendance))),
      h('td', {}, h('span', { class: `state state-${a.status}` }, t(`state_${a.status}`))))));
}

/** The schools of a coverage target: reached in the year or not, each opening the activities that reached it. */
export function schools(items, open) {
  return table(
    [t('school'), t('stages'), t('status'), t('activities')],
    items.map((s) => h('tr', { dataset: { school: s.institutionId, covered: s.covered } },
      h('td', {}, s.name),
      h('td', {}, s.stages.map((stage) => tOr(`stage_${stage}`, stage)).join('、')),
      h('td', {}, h('span', { class: `state ${s.covered ? 'state-verified' : 'state-rejected'}` }, t(s.covered ? 'reached' : 'notReached'))),
      h('td', { class: 'n' }, s.activities
        ? h('button', { type: 'button', class: 'link', onclick: () => open(s.drilldown, s.name) }, number(s.activities))
        : '0'))));
}

export function designations(items) {
  return table(
    [t('subject'), t('kind'), t('awards')],
    items.map((d) => h('tr', { dataset: { designation: d.id } },
      h('td', {}, d.subjectName, h('div', { class: 'muted' }, d.subjectKey)),
      h('td', {}, tOr(`designation_${d.kind}`, d.kind)),
      h('td', {}, d.awards.map((a) => h('div', {},
        `${tOr(`level_${a.level}`, a.level)} ${a.awardedOn}`,
        a.revokedOn ? h('span', { class: 'state state-rejected' }, ' ', t('revoked', { date: a.revokedOn })) : null))))));
}

export function volunteers(items) {
  return table(
    [t('personKey'), t('status'), t('registrations')],
    items.map((v) => h('tr', { dataset: { volunteer: v.personKey } },
      h('td', { class: 'mono', title: v.personKey }, shortId(v.personKey)),
      h('td', {}, v.active ? t('active') : t('inactive')),
      h('td', {}, v.registrations.map((r) => h('div', {}, institution(r.institutionId), ` ${r.registeredOn} – ${r.leftOn ?? ''}`))))));
}

export function observations(indicator) {
  const standing = new Set(indicator.standing.map((o) => o.recordedAt));
  return table(
    [t('surveyYear'), t('numerator'), t('denominator'), t('percent'), t('source'), t('observedOn'), t('recordedAt'), t('standing')],
    indicator.observations.map((o) => h('tr', { class: standing.has(o.recordedAt) ? 'standing' : null },
      h('td', {}, o.year), h('td', { class: 'n' }, number(o.numerator)), h('td', { class: 'n' }, number(o.denominator)),
      h('td', { class: 'n' }, `${number(o.percent)}%`), h('td', {}, o.source), h('td', {}, o.observedOn ?? ''),
      h('td', {}, districtTime(o.recordedAt)), h('td', {}, standing.has(o.recordedAt) ? '✓' : ''))));
}

export function history(entries) {
  return table(
    [t('version'), t('recordedAt'), t('event'), t('postedBy'), t('keyId'), t('correlation'), t('data')],
    entries.map((e) => h('tr', { class: e.late ? 'late' : null, dataset: { version: e.version, late: e.late } },
      h('td', { class: 'n' }, e.version),
      h('td', { dataset: { col: 'recordedAt' } }, districtTime(e.recordedAt)),
      h('td', { dataset: { col: 'event' } }, tOr(`event_${e.type}`, e.type), e.late ? h('span', { class: 'badge late' }, t('late')) : null),
      h('td', { dataset: { col: 'institution' } }, institution(e.institutionId)),
      h('td', { class: 'mono', title: e.keyId ?? '', dataset: { col: 'key' } }, shortId(e.keyId)),
      h('td', { class: 'mono', title: e.correlationId ?? '' }, shortId(e.correlationId)),
      h('td', {}, h('details', {}, h('summary', {}, e.type), h('pre', {}, JSON.stringify(e.data, null, 2)))))));
}

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

/** A unit's decision on a record: pending, verified or rejected (with the reason, and the unit in the title). */
const decision = (verification) => (verification
  ? h('span', { class: `state state-${verification.decision}`, title: verification.unitId, dataset: { decision: verification.decision } },
    t(`state_${verification.decision}`), verification.reason ? `（${verification.reason}）` : '')
  : h('span', { class: 'state state-pending', dataset: { decision: 'pending' } }, t('state_pending')));

/** A revocation as an auditor needs it: when, why, and whether for cause (older revocations count as for cause). */
const revocation = (award) => (award.revokedOn
  ? h('div', { class: 'state state-rejected', dataset: { revoked: award.revokedOn, forCause: award.revokedForCause !== false } },
    t('revoked', { date: award.revokedOn }), ' · ', t(award.revokedForCause === false ? 'termEnded' : 'revokedForCause'),
    award.revocationReason ? [' · ', t('revocationReason', { reason: award.revocationReason })] : null)
  : null);

export function designations(items, plan) {
  const subjects = new Map((plan?.targets ?? []).flatMap((x) => x.counting.teachingSubjects ?? []).map((x) => [x.code, x.name]));
  return table(
    [t('subject'), t('kind'), t('awards'), t('decision')],
    items.map((d) => h('tr', { dataset: { designation: d.id, subject: d.subjectKey } },
      h('td', {}, d.subjectName, h('div', { class: 'muted' }, d.subjectKey),
        d.teachingSubject ? h('div', { class: 'muted', dataset: { col: 'teachingSubject' } }, `${t('teachingSubject')}：${pick(subjects.get(d.teachingSubject)) || d.teachingSubject}`) : null),
      h('td', {}, tOr(`designation_${d.kind}`, d.kind)),
      h('td', {}, d.awards.map((a) => h('div', { dataset: { level: a.level } }, `${tOr(`level_${a.level}`, a.level)} ${a.awardedOn}`, revocation(a)))),
      h('td', {}, d.awards.map((a) => h('div', {}, decision(a.verification)))))));
}

export function volunteers(items) {
  return table(
    [t('personKey'), t('status'), t('registrations'), t('decision')],
    items.map((v) => h('tr', { dataset: { volunteer: v.personKey } },
      h('td', { class: 'mono', title: v.personKey }, shortId(v.personKey)),
      h('td', {}, v.active ? t('active') : t('inactive')),
      h('td', {}, v.registrations.map((r) => h('div', {}, institution(r.institutionId), ` ${r.registeredOn} – ${r.leftOn ?? ''}`))),
      h('td', {}, decision(v.verification)))));
}

/** Every observation of an indicator or ranking, numbered; the standing ones and the baseline marked, withdrawn ones with their reason. */
export function observations(indicator) {
  const standing = new Set(indicator.standing.map((o) => o.number));
  const baseline = indicator.baseline?.number;
  const ranked = indicator.observations.some((o) => o.rank !== null && o.rank !== undefined);
  const figures = (o) => (ranked
    ? [h('td', { class: 'n' }, number(o.rank)), h('td', { class: 'n' }, number(o.of))]
    : [h('td', { class: 'n' }, number(o.numerator)), h('td', { class: 'n' }, number(o.denominator)), h('td', { class: 'n' }, `${number(o.percent)}%`)]);
  const mark = (o) => (o.withdrawal ? h('span', { class: 'state state-rejected' }, t('withdrawn', { reason: o.withdrawal.reason }))
    : o.number === baseline ? t('baselineRow') : standing.has(o.number) ? '✓' : '');
  return table(
    [t('number'), t('surveyYear'), ...(ranked ? [t('rankValue'), t('rankedOf')] : [t('numerator'), t('denominator'), t('percent')]),
      t('source'), t('observedOn'), t('recordedAt'), t('decision'), t('standing')],
    indicator.observations.map((o) => h('tr', {
      class: standing.has(o.number) ? 'standing' : null,
      dataset: { observation: o.number, standing: standing.has(o.number), baseline: o.number === baseline, withdrawn: Boolean(o.withdrawal) },
    },
    h('td', { class: 'n' }, o.number), h('td', {}, o.year), ...figures(o), h('td', {}, o.source), h('td', {}, o.observedOn ?? ''),
    h('td', {}, districtTime(o.recordedAt)), h('td', {}, decision(o.verification)), h('td', { dataset: { col: 'standing' } }, mark(o)))));
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

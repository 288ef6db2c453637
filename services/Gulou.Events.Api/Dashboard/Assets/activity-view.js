// One activity as partners and units read it: its fields and status, the last decision on it, its evidence and
// every event of its history.

import { districtTime, h, number, sum } from './dom.js';
import { pick, t, tOr } from './i18n.js';
import { audiences } from './fields.js';

const kindName = (plan, code) => {
  const kind = plan.activityKinds.find((k) => k.code === code);
  return kind ? pick(kind.name) : code;
};

export const kindOf = kindName;

export const statusBadge = (status) => h('span', { class: `state state-${status}`, dataset: { status } }, tOr(`state_${status}`, status));

function decisionOf(activity) {
  const v = activity.verification;
  if (!v) return null;
  const said = t('decidedBy', { decision: t(`decision_${v.decision}`), unit: v.unitCode ?? '', at: districtTime(v.decidedAt) });
  return h('div', { class: `decision decision-${v.decision}`, dataset: { decision: v.decision } },
    h('p', {}, said),
    v.reason ? h('p', { class: 'reason' }, v.decision === 'rejected' ? t('rejectedBecause', { reason: v.reason }) : v.reason) : null,
    v.duplicateOf ? h('p', { class: 'reason' }, t('duplicateOfActivity', { id: v.duplicateOf })) : null);
}

const row = (label, value, col) => [h('dt', {}, label), h('dd', { dataset: { col } }, value ?? '–')];

/** The fields of an activity, its status and the last decision. */
export function activityDetails(plan, activity) {
  const people = audiences.filter((g) => activity.attendance[g]).map((g) => `${t(g)} ${number(activity.attendance[g])}`).join('，');
  return h('section', { class: 'panel', 'aria-labelledby': 'activity-heading' },
    h('h2', { id: 'activity-heading', tabindex: -1 }, activity.title),
    h('p', {}, statusBadge(activity.status), ' ', h('span', { class: 'muted' }, `${t('version')} ${activity.version}`)),
    decisionOf(activity),
    h('dl', { class: 'facts' },
      row(t('externalRef'), activity.externalRef, 'externalRef'),
      row(t('kind'), kindName(plan, activity.kind), 'kind'),
      row(t('measureCodes'), activity.measureCodes.join(' '), 'measureCodes'),
      row(t('occurredOn'), activity.endsOn ? `${activity.occurredOn} – ${activity.endsOn}` : activity.occurredOn, 'occurredOn'),
      row(t('venue'), activity.venue, 'venue'),
      row(t('community'), activity.community, 'community'),
      row(t('personTimes'), `${number(sum(activity.attendance))}${people ? `（${people}）` : ''}`, 'personTimes'),
      row(t('volunteerHours_field'), number(activity.volunteerHours), 'volunteerHours'),
      activity.hostInstitutionId ? row(t('host'), activity.hostInstitutionId, 'host') : null));
}

export function evidenceList(activity) {
  return h('section', { class: 'panel', 'aria-labelledby': 'evidence-heading' },
    h('h3', { id: 'evidence-heading' }, t('evidence')),
    activity.evidence.length === 0
      ? h('p', { class: 'muted' }, t('noEvidence'))
      : h('ul', { class: 'evidence' }, activity.evidence.map((e) =>
        h('li', { dataset: { evidence: e.id } },
          h('span', { class: 'tag' }, t(`evidence_${e.kind}`)), ' ',
          e.uri
            ? h('a', { href: e.uri, rel: 'noopener noreferrer', target: '_blank' }, e.description || e.uri)
            : h('span', { class: 'muted' }, t(e.expired ? 'evidenceExpired' : 'evidenceWithheld')),
          e.sha256 ? h('span', { class: 'mono muted' }, ` SHA-256 ${e.sha256.slice(0, 12)}…`) : null))));
}

export function historyTable(history) {
  return h('section', { class: 'panel', 'aria-labelledby': 'history-heading' },
    h('h3', { id: 'history-heading' }, t('history')),
    h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'history-heading' },
      h('table', { class: 'grid history' },
        h('thead', {}, h('tr', {}, [t('version'), t('event'), t('recordedAt'), t('data')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, history.map((e) => h('tr', { dataset: { event: e.type } },
          h('td', { class: 'n' }, e.version),
          h('td', {}, tOr(`event_${e.type}`, e.type), e.late ? h('span', { class: 'badge late' }, t('late')) : null),
          h('td', {}, districtTime(e.recordedAt)),
          h('td', {}, h('pre', {}, summary(e.data)))))))));
}

const shown = (value) => (value !== null && typeof value === 'object' && !Array.isArray(value)
  ? Object.entries(value).filter(([, v]) => v !== null && v !== 0).map(([k, v]) => `${k} ${v}`).join(', ')
  : String(value));

/** An event's data as one line a field, without the ids every event repeats and without empty values. */
function summary(data) {
  const { activityId, institutionId, contentHash, ...rest } = data ?? {};
  return Object.entries(rest)
    .filter(([, value]) => value !== null && value !== '' && !(Array.isArray(value) && value.length === 0))
    .map(([name, value]) => `${name}: ${shown(value)}`)
    .join('\n');
}

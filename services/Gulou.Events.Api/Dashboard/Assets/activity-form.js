// The fields of an activity report, built from the plan's catalog (kinds with their default measures, measures,
// audiences): for a new report, and for a correction that sends only what changed.

import { h } from './dom.js';
import { pick, t } from './i18n.js';
import { audienceFields, audiences, errorSummary, field, input, numberInput, readAudiences, select } from './fields.js';

const noHost = '00000000-0000-0000-0000-000000000000';

/** The values of an activity as the form holds them (strings, as inputs do). */
function valuesOf(activity) {
  return {
    externalRef: activity?.externalRef ?? '',
    kind: activity?.kind ?? '',
    measureCodes: activity?.measureCodes ?? [],
    title: activity?.title ?? '',
    occurredOn: activity?.occurredOn ?? '',
    endsOn: activity?.endsOn ?? '',
    venue: activity?.venue ?? '',
    community: activity?.community ?? '',
    attendance: activity?.attendance ?? {},
    volunteerHours: activity ? String(activity.volunteerHours) : '',
    hostInstitutionId: activity?.hostInstitutionId ?? '',
  };
}

/**
 * A form for an activity. `activity` null: a new report (with the reference); otherwise a correction of it.
 * `onSubmit(body, form)` gets the JSON body: the whole report, or only the changed fields of a correction.
 */
export function activityForm(plan, activity, { legend, submitLabel, onSubmit }) {
  const start = valuesOf(activity);
  const kinds = [['', t('chooseKind')], ...plan.activityKinds.map((k) => [k.code, `${pick(k.name)}（${k.code}）`])];
  const kind = select(kinds, start.kind, { required: true });
  const measureBoxes = plan.measures.map((m) =>
    h('label', { class: 'check' },
      h('input', { type: 'checkbox', value: m.code, checked: start.measureCodes.includes(m.code), dataset: { measure: m.code } }),
      ` ${m.code} ${pick(m.title)}`));
  const measures = h('fieldset', { class: 'measures', dataset: { field: 'measureCodes' } },
    h('legend', {}, t('measureCodes')),
    h('p', { class: 'hint' }, t('measureCodesHint')),
    h('div', { class: 'checks' }, measureBoxes),
    h('p', { class: 'error', hidden: true }));
  kind.addEventListener('change', () => {
    const defaults = plan.activityKinds.find((k) => k.code === kind.value)?.defaultMeasures ?? [];
    for (const box of measures.querySelectorAll('input')) box.checked = defaults.includes(box.value);
  });

  const controls = {
    externalRef: activity ? null : input({ required: true, maxlength: 100 }),
    title: input({ required: true, maxlength: 200 }),
    occurredOn: h('input', { type: 'date', required: true, value: start.occurredOn }),
    endsOn: h('input', { type: 'date', value: start.endsOn }),
    venue: input({ maxlength: 200, value: start.venue }),
    community: input({ maxlength: 100, value: start.community }),
    volunteerHours: numberInput({ step: '0.01', inputmode: 'decimal', value: start.volunteerHours }),
    hostInstitutionId: input({ value: start.hostInstitutionId, spellcheck: 'false' }),
  };
  controls.title.value = start.title;
  const attendance = audienceFields('attendance', start.attendance);

  const form = h('form', { class: 'activity-form', novalidate: true, dataset: { form: activity ? 'correction' : 'report' } },
    h('fieldset', { class: 'plain' },
      h('legend', {}, legend),
      activity ? null : field('externalRef', t('externalRef'), controls.externalRef, t('externalRefHint')),
      field('kind', t('kind'), kind),
      measures,
      field('title', t('title_field'), controls.title),
      h('div', { class: 'pair' },
        field('occurredOn', t('occurredOn'), controls.occurredOn),
        field('endsOn', t('endsOn'), controls.endsOn)),
      field('venue', t('venue'), controls.venue),
      field('community', t('community'), controls.community),
      attendance,
      field('volunteerHours', t('volunteerHours_field'), controls.volunteerHours),
      field('hostInstitutionId', t('hostInstitutionId'), controls.hostInstitutionId),
      errorSummary(),
      h('button', { type: 'submit', class: 'primary' }, submitLabel)));

  function read() {
    const checked = [...measures.querySelectorAll('input:checked')].map((box) => box.value);
    const counts = readAudiences(attendance);
    const text = (control) => control.value.trim();
    return {
      externalRef: controls.externalRef ? text(controls.externalRef) : start.externalRef,
      kind: kind.value,
      measureCodes: checked,
      title: text(controls.title),
      occurredOn: controls.occurredOn.value,
      endsOn: controls.endsOn.value,
      venue: text(controls.venue),
      community: text(controls.community),
      attendance: Object.fromEntries(audiences.map((g) => [g, counts[g] ?? 0])),
      volunteerHours: text(controls.volunteerHours),
      hostInstitutionId: text(controls.hostInstitutionId),
    };
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const now = read();
    onSubmit(activity ? correctionOf(start, now) : reportOf(now), form);
  });
  return form;
}

const orNull = (value) => (value === '' ? null : value);

/** A new report: empty fields left out, measures only when some are ticked (else the kind's own). */
function reportOf(v) {
  return {
    externalRef: v.externalRef,
    kind: v.kind,
    measureCodes: v.measureCodes.length ? v.measureCodes : null,
    title: v.title,
    occurredOn: orNull(v.occurredOn),
    endsOn: orNull(v.endsOn),
    venue: orNull(v.venue),
    community: orNull(v.community),
    attendance: v.attendance,
    volunteerHours: v.volunteerHours === '' ? null : Number(v.volunteerHours),
    hostInstitutionId: orNull(v.hostInstitutionId),
  };
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** A correction: only the fields that differ from the activity; an emptied venue, community or host clears it. */
function correctionOf(start, v) {
  const body = {};
  if (v.kind !== start.kind) body.kind = v.kind;
  if (!same([...v.measureCodes].sort(), [...start.measureCodes].sort())) body.measureCodes = v.measureCodes;
  for (const name of ['title', 'occurredOn', 'venue', 'community']) {
    if (v[name] !== start[name]) body[name] = v[name];
  }
  if (v.endsOn !== start.endsOn && v.endsOn !== '') body.endsOn = v.endsOn;
  const before = Object.fromEntries(audiences.map((g) => [g, start.attendance[g] ?? 0]));
  if (!same(v.attendance, before)) body.attendance = v.attendance;
  if (v.volunteerHours !== start.volunteerHours && v.volunteerHours !== '') body.volunteerHours = Number(v.volunteerHours);
  if (v.hostInstitutionId !== start.hostInstitutionId) body.hostInstitutionId = v.hostInstitutionId || noHost;
  return body;
}

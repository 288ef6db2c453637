// The partners' page (/report): report an activity through a form built from the plan's catalog, import a CSV
// (dry run, then commit), work on the institution's own activities (attendance, evidence, corrections and
// retraction, each sent with the version it was made against), and register its science volunteers or let them go.

import './desk-labels.js';
import { activityDetails, evidenceList, historyTable, kindOf, statusBadge } from './activity-view.js';
import { activityForm } from './activity-form.js';
import { createActivityPane } from './activity-pane.js';
import { get, getFile, post, upload } from './api.js';
import { createDesk } from './desk.js';
import { byId, h, number, replace, sum } from './dom.js';
import { audienceFields, errorSummary, field, input, readAudiences, select, showErrors } from './fields.js';
import { addLabels, t } from './i18n.js';
import { readCsvFile } from './csv-file.js';

addLabels({ zh: { title: '活动报送' }, en: { title: 'Reporting activities' } });

const statuses = ['reported', 'verified', 'rejected', 'resubmitted', 'needs_review', 'retracted'];
const state = { plan: null, list: null, page: 1, status: '', volunteers: null };
const pageSize = 20;

const desk = createDesk({ load, rerender });

/** Only a partner is refused the likely duplicates: a key that may read them lists other institutions' activities too. */
const isPartner = (plan) => get('/api/v1/activities/duplicates', { year: plan.period.from, pageSize: 1 })
  .then(() => false, (error) => (error.status === 403 ? true : Promise.reject(error)));

async function load(plan) {
  state.plan = plan;
  if (!(await isPartner(plan))) {
    desk.wrongRole('partner');
    return;
  }
  renderForm();
  renderImport();
  await Promise.all([loadList(), loadVolunteers()]);
}

function rerender() {
  renderForm();
  renderImport();
  renderList();
  renderVolunteers();
  pane.rerender();
}

/** What a refused request means for a form: field messages beside the fields, anything else on the message line. */
function refused(error, form) {
  if (error.status === 400 && error.problem?.errors && showErrors(form, error.problem)) {
    desk.quiet();
    return;
  }
  desk.fail(error);
}

// ——— A new report ———

function renderForm() {
  replace(byId('report-form'), activityForm(state.plan, null, {
    legend: t('newActivity'),
    submitLabel: t('submitReport'),
    onSubmit: async (body, form) => {
      try {
        const created = await post('/api/v1/activities', body);
        renderForm();
        desk.say(t('reported', { title: created.title }), 'done');
        await loadList();
      } catch (error) {
        refused(error, form);
      }
    },
  }));
}

// ——— Import ———

function renderImport() {
  const file = h('input', { type: 'file', accept: '.csv,text/csv', id: 'import-file' });
  const read = h('p', { class: 'muted', id: 'import-read', 'aria-live': 'polite' });
  const results = h('div', { id: 'import-results' });
  const commit = h('button', { type: 'button', id: 'import-commit', class: 'primary', disabled: true }, t('commit'));
  file.addEventListener('change', () => {
    commit.disabled = true;
    replace(results);
    read.textContent = '';
  });

  async function send(dryRun) {
    const chosen = file.files?.[0];
    if (!chosen) {
      read.textContent = t('importEmpty');
      return;
    }
    const text = await readCsvFile(chosen);
    if (!text) {
      read.textContent = t('importUnreadable');
      return;
    }
    read.textContent = t('importRead', { encoding: text.encoding });
    try {
      const answer = await upload('/api/v1/activities/import', { dryRun }, text.content, 'text/csv; charset=utf-8');
      desk.quiet();
      replace(results, importTable(answer));
      commit.disabled = !dryRun || answer.counts.created === 0;
      document.body.dataset.import = dryRun ? 'dry-run' : 'committed';
      if (!dryRun) await loadList();
    } catch (error) {
      replace(results);
      desk.fail(error);
    }
  }

  const dry = h('button', { type: 'button', id: 'import-dry-run' }, t('dryRun'));
  dry.addEventListener('click', () => send(true));
  commit.addEventListener('click', () => send(false));
  const template = h('button', { type: 'button', class: 'link', id: 'import-template' }, t('template'));
  template.addEventListener('click', downloadTemplate);

  replace(byId('import'),
    h('h2', { id: 'import-heading' }, t('importTitle')),
    h('p', { class: 'hint' }, t('importHelp')),
    h('p', {}, template),
    field('file', t('importFile'), file),
    h('div', { class: 'buttons' }, dry, commit),
    read,
    results);
}

async function downloadTemplate() {
  try {
    const blob = await getFile('/api/v1/activities/import/template');
    const link = h('a', { href: URL.createObjectURL(blob), download: 'activities-import-template.csv' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  } catch (error) {
    desk.fail(error);
  }
}

function importTable(answer) {
  const counts = answer.counts;
  const said = t(answer.dryRun ? 'dryRunDone' : 'committed', counts);
  const reasonOf = (item) => (item.errors ? Object.entries(item.errors).map(([column, messages]) => `${column}: ${messages.join(' ')}`).join('；') : item.detail ?? '');
  return [
    h('p', { class: 'import-summary', dataset: { dryRun: answer.dryRun } }, said),
    h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': said },
      h('table', { class: 'grid import' },
        h('thead', {}, h('tr', {}, [t('line'), t('externalRef'), t('outcome'), t('reason')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, answer.items.map((item) => h('tr', { dataset: { line: item.line, outcome: item.outcome } },
          h('td', { class: 'n', dataset: { col: 'line' } }, item.line),
          h('td', { dataset: { col: 'externalRef' } }, item.externalRef ?? ''),
          h('td', { dataset: { col: 'outcome' } }, t(`outcome_${item.outcome}`)),
          h('td', { dataset: { col: 'reason' } }, reasonOf(item))))))),
  ];
}

// ——— Volunteers ———

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10); // the district's day (UTC+8)

async function loadVolunteers() {
  state.volunteers = await get('/api/v1/volunteers', { pageSize: 100 });
  renderVolunteers();
}

/** Registers a volunteer by resident ID number (the service keeps only a keyed hash of it), or lets one go. */
function renderVolunteers() {
  const idNumber = input({ spellcheck: 'false', maxlength: 18, autocomplete: 'off' });
  const registeredOn = input({ type: 'date', value: today() });
  const form = h('form', { novalidate: true, dataset: { form: 'volunteer' } },
    field('idNumber', t('idNumber'), idNumber, t('idNumberHint')),
    field('registeredOn', t('registeredOn'), registeredOn),
    errorSummary(), h('button', { type: 'submit', class: 'primary' }, t('registerVolunteer')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await post('/api/v1/volunteers', { idNumber: idNumber.value.trim(), registeredOn: registeredOn.value || null });
      desk.say(t('volunteerRegistered'), 'done');
      await loadVolunteers();
    } catch (error) {
      refused(error, form);
    }
  });

  const list = state.volunteers;
  const standing = (v) => v.registrations.find((r) => !r.leftOn);
  replace(byId('volunteers'),
    h('h2', { id: 'volunteers-heading' }, t('volunteersTitle')),
    h('p', { class: 'hint' }, t('volunteersHelp')),
    form,
    !list || list.items.length === 0
      ? h('p', { class: 'muted' }, t('noVolunteers'))
      : h('ul', { class: 'cards-list' }, list.items.map((v) => h('li', { class: 'item', dataset: { volunteer: v.personKey, active: Boolean(standing(v)) } },
        h('p', {}, h('code', { class: 'person-key', title: t('personKeyHint') }, v.personKey.slice(0, 12))),
        h('p', { class: 'muted' }, v.registrations.map((r) => (r.leftOn
          ? t('volunteerServed', { from: r.registeredOn, to: r.leftOn })
          : t('volunteerSince', { from: r.registeredOn }))).join('；')),
        standing(v) ? leaveForm(v) : null))));
}

function leaveForm(volunteer) {
  const leftOn = input({ type: 'date', value: today() });
  const reason = input({ maxlength: 500 });
  const form = h('form', { novalidate: true, dataset: { form: 'deregistration' } },
    field('leftOn', t('leftOn'), leftOn),
    field('reason', t('leaveReason'), reason),
    errorSummary(), h('button', { type: 'submit' }, t('deregisterVolunteer')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await post(`/api/v1/volunteers/${encodeURIComponent(volunteer.personKey)}/deregistration`, { leftOn: leftOn.value || null, reason: reason.value.trim() || null });
      desk.say(t('volunteerLeft'), 'done');
      await loadVolunteers();
    } catch (error) {
      refused(error, form);
    }
  });
  return h('details', { class: 'action', dataset: { action: 'deregistration' } }, h('summary', {}, t('deregisterVolunteer')), form);
}

// ——— The institution's own activities ———

async function loadList() {
  state.list = await get('/api/v1/activities', { status: state.status, page: state.page, pageSize });
  renderList();
  if (!pane.current()) desk.view('list');
}

function renderList() {
  const filter = select([['', t('anyStatus')], ...statuses.map((s) => [s, t(`state_${s}`)])], state.status, { id: 'status-filter' });
  filter.addEventListener('change', () => {
    state.status = filter.value;
    state.page = 1;
    loadList().catch(desk.fail);
  });
  const list = state.list;
  const pages = Math.max(1, Math.ceil(list.total / pageSize));
  const turn = (page) => () => {
    state.page = page;
    loadList().catch(desk.fail);
  };
  replace(byId('activities'),
    h('h2', { id: 'activities-heading' }, t('myActivities')),
    h('div', { class: 'toolbar' }, field('status', t('status'), filter), h('span', { class: 'muted' }, t('total', { total: list.total }))),
    list.items.length === 0
      ? h('p', { class: 'muted' }, t('empty'))
      : h('ul', { class: 'cards-list' }, list.items.map((a) => h('li', { class: 'item', dataset: { activity: a.id, status: a.status } },
        h('div', { class: 'item-head' },
          h('button', { type: 'button', class: 'link item-title', onclick: () => pane.open(a.id) }, a.title),
          statusBadge(a.status)),
        h('p', { class: 'muted' }, `${a.occurredOn} · ${kindOf(state.plan, a.kind)} · ${number(sum(a.attendance))} ${t('personTimes')} · ${a.externalRef}`),
        a.status === 'rejected' || a.status === 'resubmitted'
          ? h('p', { class: 'reason' }, t('rejectedBecause', { reason: a.verification?.reason ?? '' }))
          : null))),
    pages > 1
      ? h('nav', { class: 'pager', 'aria-label': t('myActivities') },
        h('button', { type: 'button', disabled: state.page <= 1, onclick: turn(state.page - 1) }, t('previous')),
        h('span', {}, t('page', { page: state.page, pages })),
        h('button', { type: 'button', disabled: state.page >= pages, onclick: turn(state.page + 1) }, t('next')))
      : null);
}

// ——— One activity ———

const pane = createActivityPane({ desk, render: renderActivity, onClose: () => loadList().catch(desk.fail) });

/** Sends one change of the open activity with the version it was made against; a 409 shows the newer state. */
async function amend(action, body, form) {
  const activity = pane.current();
  try {
    const changed = await post(`/api/v1/activities/${activity.id}/${action}`, { expectedVersion: activity.version, ...body });
    await pane.changed(t('saved', { version: changed.version }));
  } catch (error) {
    if (error.status === 409) await pane.conflicted();
    else refused(error, form);
  }
}

function renderActivity(activity, history) {
  const back = h('button', { type: 'button', class: 'link', id: 'back', onclick: pane.close }, t('backToList'));
  replace(byId('activity'),
    h('p', {}, back),
    activityDetails(state.plan, activity),
    evidenceList(activity),
    activity.status === 'retracted' ? h('p', { class: 'muted' }, t('closedActivity')) : actions(activity),
    historyTable(history));
}

/** The four changes a partner can make, each in its own disclosure so the page stays short on a phone. */
function actions(activity) {
  const correction = activityForm(state.plan, activity, {
    legend: t('correctHelp'),
    submitLabel: t('submitCorrection'),
    onSubmit: (body, form) => (Object.keys(body).length === 0 ? desk.say(t('noChange')) : amend('corrections', body, form)),
  });

  const attendance = audienceFields(null);
  const hours = input({ type: 'number', inputmode: 'decimal', min: 0, step: '0.01' });
  const attendanceForm = h('form', { novalidate: true, dataset: { form: 'attendance' } },
    h('p', { class: 'hint' }, t('addAttendanceHelp')), attendance,
    field('volunteerHours', t('volunteerHours_field'), hours),
    errorSummary(), h('button', { type: 'submit', class: 'primary' }, t('submitAttendance')));
  attendanceForm.addEventListener('submit', (event) => {
    event.preventDefault();
    amend('attendance', { ...readAudiences(attendance), volunteerHours: hours.value === '' ? null : Number(hours.value) }, attendanceForm);
  });

  const kinds = ['photo', 'video', 'document', 'attendance_sheet', 'link'];
  const evidenceKind = select(kinds.map((k) => [k, t(`evidence_${k}`)]), 'photo');
  const uri = input({ type: 'url', inputmode: 'url', spellcheck: 'false' });
  const description = input({ maxlength: 200 });
  const sha = input({ spellcheck: 'false', maxlength: 64 });
  const minors = h('input', { type: 'checkbox' });
  const expiresOn = input({ type: 'date' });
  const evidenceForm = h('form', { novalidate: true, dataset: { form: 'evidence' } },
    field('kind', t('evidenceKind'), evidenceKind),
    field('uri', t('evidenceUri'), uri),
    field('description', t('evidenceDescription'), description),
    field('sha256', t('evidenceSha256'), sha),
    field('containsMinors', t('evidenceMinors'), minors, t('evidenceMinorsHelp')),
    field('expiresOn', t('evidenceExpiresOn'), expiresOn),
    errorSummary(), h('button', { type: 'submit', class: 'primary' }, t('submitEvidence')));
  evidenceForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = (control) => control.value.trim() || null;
    amend('evidence', {
      kind: evidenceKind.value, uri: uri.value.trim(), description: text(description), sha256: text(sha),
      containsMinors: minors.checked, expiresOn: expiresOn.value || null,
    }, evidenceForm);
  });

  const reason = h('textarea', { rows: 2, maxlength: 500 });
  const retractForm = h('form', { novalidate: true, dataset: { form: 'retraction' } },
    h('p', { class: 'hint' }, t('retractHelp')),
    field('reason', t('retractReason'), reason),
    errorSummary(), h('button', { type: 'submit', class: 'danger' }, t('submitRetraction')));
  retractForm.addEventListener('submit', (event) => {
    event.preventDefault();
    amend('retraction', { reason: reason.value.trim() }, retractForm);
  });

  const section = (name, label, content) =>
    h('details', { class: 'panel action', dataset: { action: name } }, h('summary', {}, label), content);
  return h('div', { class: 'actions' },
    section('correction', t('correct'), correction),
    section('attendance', t('addAttendance'), attendanceForm),
    section('evidence', t('addEvidence'), evidenceForm),
    section('retraction', t('retract'), retractForm));
}

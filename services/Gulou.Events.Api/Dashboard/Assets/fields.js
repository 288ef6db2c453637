// Form fields for the API's bodies: each input is labelled, named by the JSON field it fills (data-field), and
// shows the API's own message for that field (a 400 problem's `errors`, keyed by JSON field names) beside it.

import { h } from './dom.js';
import { t } from './i18n.js';

export const audiences = ['youth', 'workers', 'elderly', 'cadres', 'public'];

let counter = 0;
const nextId = (name) => `f${++counter}-${name.replace(/[^a-zA-Z0-9]/g, '-')}`;

/** A labelled control for the JSON field `name`, with room for a hint and for the API's message about it. */
export function field(name, label, control, hint) {
  const id = control.id || (control.id = nextId(name));
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  control.setAttribute('aria-describedby', hint ? `${hintId} ${errorId}` : errorId);
  return h('div', { class: 'field', dataset: { field: name } },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    control,
    h('p', { class: 'error', id: errorId, hidden: true }));
}

export const input = (attrs = {}) => h('input', { type: 'text', autocomplete: 'off', ...attrs });

export const numberInput = (attrs = {}) => h('input', { type: 'number', inputmode: 'numeric', min: 0, step: 1, ...attrs });

export function select(options, value, attrs = {}) {
  return h('select', attrs, options.map(([code, text]) => h('option', { value: code, selected: code === value }, text)));
}

/** Person-times by audience, as a group of five numbers (its fields `prefix.youth` …, or `youth` … without one). */
export function audienceFields(prefix, values = {}) {
  const name = (group) => (prefix ? `${prefix}.${group}` : group);
  return h('fieldset', { class: 'audiences', dataset: { field: prefix ?? 'audiences' } },
    h('legend', {}, t('attendance')),
    audiences.map((group) => field(name(group), t(group), numberInput({ value: values[group] ?? '', dataset: { audience: group } }))),
    h('p', { class: 'error', hidden: true }));
}

/** The counts typed into an audience group; empty boxes are left out. */
export function readAudiences(fieldset) {
  const counts = {};
  for (const box of fieldset.querySelectorAll('input[data-audience]')) {
    if (box.value !== '') counts[box.dataset.audience] = Number(box.value);
  }
  return counts;
}

/** The field an error key belongs to: `measureCodes[2]` is the measures' list, `attendance.youth` its box. */
const fieldOf = (key) => key.replace(/\[\d+\]$/, '').replace(/\[\d+\]\./g, '.');

function errorElement(form, key) {
  const name = fieldOf(key);
  const holder = [...form.querySelectorAll('[data-field]')].find((el) => el.dataset.field.toLowerCase() === name.toLowerCase());
  if (!holder) return null;
  return holder.matches('fieldset') ? holder.querySelector(':scope > p.error') : holder.querySelector('p.error');
}

export function clearErrors(form) {
  for (const error of form.querySelectorAll('p.error')) {
    error.hidden = true;
    error.textContent = '';
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  const summary = form.querySelector('.form-errors');
  if (summary) summary.hidden = true;
}

/**
 * Shows a 400 problem's messages beside their fields; messages for fields the form does not have go in its summary.
 * Focuses the first field in error. Returns whether there were field errors at all.
 */
export function showErrors(form, problem) {
  clearErrors(form);
  const errors = problem?.errors ?? {};
  const unplaced = [];
  let first = null;
  for (const [key, messages] of Object.entries(errors)) {
    const element = errorElement(form, key);
    if (!element) {
      unplaced.push(...messages);
      continue;
    }
    element.textContent = [element.textContent, ...messages].filter(Boolean).join(' ');
    element.hidden = false;
    const control = element.closest('[data-field]').querySelector('input, select, textarea');
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      first ??= control;
    }
  }
  const summary = form.querySelector('.form-errors');
  if (summary) {
    summary.textContent = [t('formInvalid'), ...unplaced].join(' ');
    summary.hidden = false;
  }
  first?.focus();
  return Object.keys(errors).length > 0;
}

/** The summary line a form shows above its button when the API refused what it sent. */
export const errorSummary = () => h('p', { class: 'form-errors', role: 'alert', hidden: true });

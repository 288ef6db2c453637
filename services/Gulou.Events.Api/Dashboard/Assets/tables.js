// The per-measure table (grouped by the plan's sections) and the sortable tables of units and institutions.

import { h, number, sum } from './dom.js';
import { lang, pick, t } from './i18n.js';
import { figure } from './targets.js';

const audiences = ['youth', 'workers', 'elderly', 'cadres', 'public'];

/** The columns every figures row shares: activities (opening the records), person-times, institutions, hours. */
function figureColumns(open, labelOf, withAudiences) {
  return [
    { key: 'activities', label: t('activities'), numeric: true, value: (r) => r.official.activities,
      cell: (r) => figure(r.official.activities, r.drilldown, labelOf(r), open) },
    { key: 'personTimes', label: t('personTimes'), numeric: true, value: (r) => sum(r.official.personTimes) },
    ...(withAudiences ? audiences.map((a) => ({ key: a, label: t(a), numeric: true, value: (r) => r.official.personTimes[a] })) : []),
    { key: 'institutions', label: t('institutionsCount'), numeric: true, value: (r) => r.official.institutions },
    { key: 'volunteerHours', label: t('volunteerHours'), numeric: true, value: (r) => r.official.volunteerHours },
    { key: 'verifiedActivities', label: t('verifiedActivities'), numeric: true, value: (r) => r.verified.activities },
  ];
}

const cellOf = (column, row) =>
  h('td', { class: column.numeric ? 'n' : null, dataset: { col: column.key } },
    column.cell ? column.cell(row) : column.numeric ? number(column.value(row)) : column.value(row));

const headOf = (columns, attrs = () => ({})) =>
  h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'n' : null, dataset: { col: c.key }, ...attrs(c) }, c.label))));

export function renderMeasures(table, overview, plan, open) {
  const unitNames = new Map(plan.units.map((u) => [u.code, pick(u.name)]));
  const titleOf = (m) => (lang() === 'en' ? m.titleEn : m.titleZh);
  const columns = [
    { key: 'code', label: t('code'), value: (m) => m.code },
    { key: 'title', label: t('measure'), value: titleOf },
    // English unit names are long: English shows the codes, with the names on hover.
    { key: 'leadUnits', label: t('leadUnits'), value: (m) => m.leadUnits.join(' '),
      cell: (m) => h('span', { title: m.leadUnits.map((u) => unitNames.get(u) ?? u).join(lang() === 'en' ? '; ' : '、') },
        lang() === 'en' ? m.leadUnits.join(' ') : m.leadUnits.map((u) => unitNames.get(u) ?? u).join('、')) },
    ...figureColumns(open, (m) => `${m.code} ${titleOf(m)}`, true),
  ];
  const bodies = plan.sections.map((section) =>
    h('tbody', { dataset: { section: section.code } },
      h('tr', { class: 'section' }, h('th', { colspan: columns.length, scope: 'rowgroup' }, `${section.code} ${pick(section.title)}`)),
      overview.measures.filter((m) => m.section === section.code)
        .map((m) => h('tr', { dataset: { measure: m.code } }, columns.map((c) => cellOf(c, m))))));
  table.replaceChildren(headOf(columns), ...bodies);
}

const sorting = new Map();

/** A table whose column headers sort its rows, numbers largest first on the first click. */
function sortableTable(table, columns, rows, rowAttrs) {
  const state = sorting.get(table.id) ?? { key: columns.find((c) => c.numeric)?.key, descending: true };
  sorting.set(table.id, state);
  const column = columns.find((c) => c.key === state.key) ?? columns[0];
  const compare = (a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return state.descending ? -order : order;
  };
  const sortHeader = (c) => ({
    'aria-sort': c.key === state.key ? (state.descending ? 'descending' : 'ascending') : 'none',
    title: t('sortBy'),
    class: `sortable${c.numeric ? ' n' : ''}`,
    onclick: () => {
      sorting.set(table.id, { key: c.key, descending: c.key === state.key ? !state.descending : c.numeric });
      sortableTable(table, columns, rows, rowAttrs);
    },
  });
  const body = h('tbody', {}, [...rows].sort(compare).map((r) => h('tr', rowAttrs(r), columns.map((c) => cellOf(c, r)))));
  table.replaceChildren(headOf(columns, sortHeader), body);
  if (rows.length === 0) body.append(h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, t('empty'))));
}

/** A unit's measures by its role in them: those it leads, then those it takes part in (and whether it coordinates the plan). */
const roles = (u) => [
  u.coordinates ? h('div', { dataset: { role: 'coordinating' } }, h('span', { class: 'badge coordinating' }, t('coordinating'))) : null,
  u.leadsMeasures.length ? h('div', { dataset: { role: 'lead' } }, h('span', { class: 'role' }, t('leadRole')), ' ', u.leadsMeasures.join(' ')) : null,
  u.participatesIn.length ? h('div', { dataset: { role: 'participating' } }, h('span', { class: 'role' }, t('participatingRole')), ' ', u.participatesIn.join(' ')) : null,
];

export function renderUnits(table, units, open) {
  const nameOf = (u) => (lang() === 'en' ? u.nameEn : u.nameZh);
  const columns = [
    { key: 'name', label: t('unit'), value: nameOf },
    { key: 'measures', label: t('responsibleFor'), value: (u) => u.leadsMeasures.length * 100 + u.participatesIn.length, cell: roles },
    ...figureColumns(open, nameOf, false),
  ];
  sortableTable(table, columns, units, (u) => ({ dataset: { unit: u.unitCode } }));
}

export function renderInstitutions(table, institutions, open) {
  const columns = [
    { key: 'name', label: t('name'), value: (i) => i.name },
    ...figureColumns(open, (i) => i.name, false),
  ];
  sortableTable(table, columns, institutions, (i) => ({ dataset: { institution: i.institutionId } }));
}

// The dialog that lists the records behind a figure, a page at a time, and an activity's history.

import { get } from './api.js';
import { byId, h, number, replace } from './dom.js';
import { t } from './i18n.js';
import * as records from './records.js';

const pageSize = 50;

export function createDetail({ plan, signOut, describe }) {
  // plan() is the catalog of the key now signed in: the dialog outlives a change of key.
  const dialog = byId('detail');
  const body = byId('detail-body');
  const title = byId('detail-title');
  const message = byId('detail-message');
  const back = byId('detail-back');
  let list = null;
  let view = null;

  byId('detail-close').addEventListener('click', () => dialog.close());
  back.addEventListener('click', () => show(list));

  async function load(current) {
    message.hidden = true;
    if (current.kind === 'list') {
      const url = new URL(current.url, window.location.origin);
      // Routes that are not lists ignore the paging values.
      const query = { ...Object.fromEntries(url.searchParams), page: current.page, pageSize };
      // Behind a designation target's figure, the subjects it took out (revoked, with the reason) are listed too.
      const withRemoved = url.pathname === '/api/v1/designations' && url.searchParams.has('target') && !url.searchParams.has('removed');
      const [data, removed] = await Promise.all([get(url.pathname, query),
        withRemoved ? get(url.pathname, { ...Object.fromEntries(url.searchParams), removed: true, page: 1, pageSize: 500 }) : null]);
      return { data, removed, path: url.pathname };
    }
    const [activity, entries] = await Promise.all([get(`/api/v1/activities/${current.id}`), get(`/api/v1/activities/${current.id}/history`)]);
    return { activity, entries };
  }

  function render(current, loaded) {
    back.hidden = current.kind !== 'history' || list === null;
    if (current.kind === 'history') {
      title.textContent = t('historyOf', { title: loaded.activity.title });
      replace(body, h('p', { class: 'muted' }, loaded.activity.externalRef, ' · ', t(`state_${loaded.activity.status}`), ` · v${loaded.activity.version}`),
        records.history(loaded.entries));
      return;
    }
    title.textContent = t('listOf', { figure: current.label });
    const { data, removed, path } = loaded;
    if (!Array.isArray(data.items)) {
      replace(body, path.startsWith('/api/v1/indicators/') ? records.observations(data) : records.designations([data], plan()));
      return;
    }
    const table = path === '/api/v1/activities' || path === '/api/v1/verifications' ? records.activities(data.items, plan(), showHistory)
      : path === '/api/v1/schools' ? records.schools(data.items, (url, label) => show({ kind: 'list', url, label, page: 1 }))
      : path === '/api/v1/designations' ? records.designations(data.items, plan())
      : records.volunteers(data.items);
    replace(body, pager(current, data), table,
      removed && removed.items.length ? h('section', { class: 'removed', dataset: { removed: removed.total } },
        h('h3', {}, t('removedTitle')), records.designations(removed.items, plan())) : null);
  }

  function pager(current, data) {
    const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
    const go = (page) => h('button', { type: 'button', disabled: page < 1 || page > pages || page === current.page,
      onclick: () => show({ ...current, page }) });
    return h('nav', { class: 'pager', dataset: { total: data.total, page: data.page, pages } },
      h('span', { class: 'total' }, t('total', { total: number(data.total) })),
      h('span', { class: 'page' }, t('page', { page: data.page, pages })),
      [[1, 'first'], [current.page - 1, 'previous'], [current.page + 1, 'next'], [pages, 'last']]
        .map(([page, label]) => { const b = go(page); b.textContent = t(label); b.dataset.go = label; return b; }));
  }

  async function show(current) {
    view = current;
    if (current.kind === 'list') list = current;
    if (!dialog.open) dialog.showModal();
    body.setAttribute('aria-busy', 'true');
    try {
      const loaded = await load(current);
      if (view === current) render(current, loaded);
    } catch (error) {
      if (error.kind === 'unauthenticated') {
        dialog.close();
        signOut(error);
        return;
      }
      message.textContent = describe(error);
      message.hidden = false;
    } finally {
      body.removeAttribute('aria-busy');
    }
  }

  function showHistory(id, label) {
    show({ kind: 'history', id, label });
  }

  return {
    open: (url, label) => {
      list = null;
      show({ kind: 'list', url, label, page: 1 });
    },
    history: (id, label) => {
      list = null;
      showHistory(id, label);
    },
    rerender: () => {
      if (dialog.open && view) show(view);
    },
  };
}

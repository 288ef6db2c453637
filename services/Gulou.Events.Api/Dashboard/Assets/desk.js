// The frame of the pages where partners report and units decide: the key kept in the tab's session (as on the
// dashboard), the language switch, one message line, and the view the page shows (body[data-view]).

import { forgetKey, get, saveKey, savedKey } from './api.js';
import { byId } from './dom.js';
import { describeError, lang, pick, setLang, t, translateStatic } from './i18n.js';

/**
 * Starts the page: `load(plan, district)` runs once a key is entered and fills the page; `rerender()` redraws it in
 * the other language. Returns what the page's views use to speak and to move between views.
 */
export function createDesk({ load, rerender }) {
  const message = byId('message');
  const state = { plan: null, district: null, shown: null };

  function say(text, kind = 'info') {
    state.shown = null;
    message.textContent = text;
    message.dataset.kind = kind;
    message.hidden = false;
  }

  function showError(error) {
    say(describeError(error), error.kind);
    state.shown = error;
  }

  const quiet = () => {
    message.hidden = true;
    state.shown = null;
  };

  function view(name) {
    document.body.dataset.view = name;
  }

  function signOut(error) {
    forgetKey();
    state.plan = state.district = null;
    byId('work').hidden = true;
    byId('sign-out').hidden = true;
    byId('key-panel').hidden = false;
    renderHeader();
    if (error) showError(error);
    else quiet();
    view('key');
    byId('key-input').focus();
  }

  /** A failed request: a key no longer accepted goes back to the key form, anything else is said. */
  function fail(error) {
    if (error.kind === 'unauthenticated') signOut(error);
    else {
      showError(error);
      view(`error:${error.kind}`);
    }
  }

  function renderHeader() {
    translateStatic();
    byId('language').textContent = t('language');
    byId('district-name').textContent = state.district?.name ?? '';
    byId('plan-title').textContent = state.plan ? pick(state.plan.title) : '';
  }

  async function start() {
    if (!savedKey()) {
      signOut(null);
      return;
    }
    byId('key-panel').hidden = true;
    view('loading');
    try {
      [state.plan, state.district] = await Promise.all([get('/api/v1/plan'), get('/api/v1/district')]);
      renderHeader();
      byId('sign-out').hidden = false;
      byId('work').hidden = false;
      await load(state.plan, state.district);
    } catch (error) {
      fail(error);
    }
  }

  byId('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId('key-input');
    saveKey(input.value.trim());
    input.value = '';
    quiet();
    start();
  });
  byId('sign-out').addEventListener('click', () => signOut(null));
  byId('language').addEventListener('click', () => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    renderHeader();
    if (state.shown) message.textContent = describeError(state.shown);
    if (state.plan) rerender();
  });

  setLang(lang());
  renderHeader();
  start();
  /** A key of another role than the page is for: said in words, and the page's work stays hidden. */
  function wrongRole(role) {
    byId('work').hidden = true;
    say(t('wrongRole', { role: t(`role_${role}`) }), 'forbidden');
    view('error:role');
  }

  return { say, showError, quiet, fail, view, wrongRole, plan: () => state.plan };
}

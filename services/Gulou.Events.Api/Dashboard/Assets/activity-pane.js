// One activity open on a page in place of its list: loaded with its history, redrawn after every change, and read
// again when a change meets a newer version (409), which the page then says.

import { get } from './api.js';
import { byId } from './dom.js';
import { t } from './i18n.js';

/** `render(activity, history)` fills #activity; `onClose()` runs when the person goes back to the list. */
export function createActivityPane({ desk, render, onClose }) {
  const pane = { activity: null, history: [] };

  async function load(id) {
    [pane.activity, pane.history] = await Promise.all([get(`/api/v1/activities/${id}`), get(`/api/v1/activities/${id}/history`)]);
  }

  function show() {
    render(pane.activity, pane.history);
    byId('overview').hidden = true;
    byId('activity').hidden = false;
    desk.view(`activity:${pane.activity.id}:${pane.activity.version}`);
  }

  return {
    current: () => pane.activity,
    rerender: () => pane.activity && show(),
    async open(id) {
      try {
        desk.quiet();
        await load(id);
        show();
        byId('activity-heading')?.focus();
      } catch (error) {
        desk.fail(error);
      }
    },
    /** Reads the activity again after a change was stored, and says so. */
    async changed(message) {
      await load(pane.activity.id);
      show();
      if (message) desk.say(message, 'done');
    },
    /** A change refused because the activity moved on (409): show its new state and say what happened. */
    async conflicted() {
      await load(pane.activity.id).catch(() => null);
      show();
      desk.say(t('conflict', { version: pane.activity.version }), 'conflict');
    },
    close() {
      pane.activity = null;
      byId('activity').hidden = true;
      byId('overview').hidden = false;
      desk.quiet();
      onClose();
    },
  };
}

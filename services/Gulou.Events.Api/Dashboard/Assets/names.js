// Institution names by id, for lists and histories: first from the progress figures (which every reader gets),
// then from GET /institutions/{id} (auditors and administrators); other keys see the id alone.

import { get } from './api.js';

const known = new Map();

export function remember(institutions) {
  for (const i of institutions ?? []) known.set(i.institutionId, Promise.resolve(i.name));
}

export function nameOf(id) {
  if (!id) return Promise.resolve(null);
  if (!known.has(id)) {
    known.set(id, get(`/api/v1/institutions/${encodeURIComponent(id)}`).then((i) => i.name, () => null));
  }
  return known.get(id);
}

/** Fills a placeholder element with the institution's name once known. */
export function fillName(element, id, fallback) {
  element.textContent = fallback;
  nameOf(id).then((name) => {
    if (name) element.textContent = name;
  });
  return element;
}

// Building the page with the DOM only: text always goes in as text (never as markup), and no style attribute
// is ever written, so the page runs under a Content-Security-Policy without 'unsafe-inline'.

import { lang } from './i18n.js';

const svgNamespace = 'http://www.w3.org/2000/svg';

function build(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** An HTML element: h('td', {class: 'n'}, '12'). */
export const h = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);

/** An SVG element, for the charts. */
export const s = (tag, attrs, ...children) => build(document.createElementNS(svgNamespace, tag), attrs, children);

export function replace(element, ...children) {
  element.replaceChildren();
  return build(element, {}, children);
}

export const byId = (id) => document.getElementById(id);

const locale = () => (lang() === 'zh' ? 'zh-CN' : 'en-US');

/** A figure as people read it: thousands separated, at most two decimals. */
export const number = (value) =>
  value === null || value === undefined ? '–' : new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(value);

/** A share (0.5) as a percentage (50%). */
export const percent = (share) => new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** An instant in the district's time (UTC+8), as yyyy-MM-dd HH:mm:ss. */
export function districtTime(instant) {
  const shifted = new Date(new Date(instant).getTime() + 8 * 3600 * 1000);
  return shifted.toISOString().slice(0, 19).replace('T', ' ');
}

/** The first characters of an id, enough to tell ids apart on screen (the whole id is in the title). */
export const shortId = (id) => (id ? String(id).slice(0, 8) : '–');

const audiences = ['youth', 'workers', 'elderly', 'cadres', 'public'];

/** All person-times of an attendance ({youth, workers, …}); the API's own total, when present, is not added in again. */
export const sum = (counts) => audiences.reduce((total, group) => total + (counts?.[group] ?? 0), 0);

// A small bar chart in SVG: one bar a year (official figure, its verified part inside it) and the target as a
// dashed line. Colours come from the style sheet through classes.

import { s, number } from './dom.js';

const width = 300;
const height = 130;
const top = 16;
const bottom = 20;

export function barChart(series, targetValue, label) {
  const max = Math.max(targetValue, ...series.map((p) => p.actual), 1);
  const y = (value) => top + (height - top - bottom) * (1 - value / max);
  const slot = width / Math.max(series.length, 1);
  const barWidth = Math.min(36, slot * 0.6);
  const bars = series.map((point, i) => {
    const x = i * slot + (slot - barWidth) / 2;
    return s('g', { class: 'bar', dataset: { year: point.year, value: point.actual } },
      s('title', {}, `${point.year}: ${number(point.actual)}`),
      s('rect', { class: 'official', x, y: y(point.actual), width: barWidth, height: y(0) - y(point.actual) }),
      s('rect', { class: 'verified', x: x + barWidth * 0.25, y: y(point.verifiedActual), width: barWidth * 0.5, height: y(0) - y(point.verifiedActual) }),
      s('text', { class: 'value', x: x + barWidth / 2, y: y(point.actual) - 3 }, number(point.actual)),
      s('text', { class: 'year', x: x + barWidth / 2, y: height - 5 }, String(point.year)));
  });
  return s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label },
    s('line', { class: 'axis', x1: 0, x2: width, y1: y(0), y2: y(0) }),
    bars,
    s('line', { class: 'target-line', x1: 0, x2: width, y1: y(targetValue), y2: y(targetValue) }));
}

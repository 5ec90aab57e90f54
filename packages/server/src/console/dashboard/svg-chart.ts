/**
 * Charts drawn on the server as SVG: they show without JavaScript, print, and scale with the card.
 * Each is an image with a title and a description that says what it shows in words; the numbers
 * themselves are in the table under the chart (a disclosure), for screen readers and for copying.
 */
import { escapeHtml } from '@plaudit/review-view/view/html';

export interface PeriodPoint {
  label: string;
  reviews: number;
  /** Average rating of the week's reviews, null without reviews. */
  average: number | null;
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 36, bottom: 28, left: 36 };

/** A value axis that ends on a round number: 0, ¼, ½, ¾ and all of it are labelled. */
function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((candidate) => candidate * 4 >= value) ?? magnitude * 10;
  return step * 4;
}

/** Reviews per period as bars (left axis) and their average rating as a line (right axis, 1–5). */
export function reviewsOverTimeChart(id: string, title: string, points: readonly PeriodPoint[], description: string): string {
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const maxReviews = niceMax(Math.max(0, ...points.map((point) => point.reviews)));
  const slot = plotWidth / Math.max(1, points.length);
  const barWidth = Math.max(2, Math.min(28, slot * 0.6));
  const y = (value: number) => PAD.top + plotHeight - (value / maxReviews) * plotHeight;
  const yRating = (rating: number) => PAD.top + plotHeight - ((rating - 1) / 4) * plotHeight;
  const x = (index: number) => PAD.left + slot * index + slot / 2;

  const grid = [0, 1, 2, 3, 4]
    .map((step) => {
      const value = (maxReviews / 4) * step;
      const at = y(value).toFixed(1);
      return `<line class="grid-line" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${at}" y2="${at}"/><text x="${PAD.left - 6}" y="${at}" text-anchor="end" dominant-baseline="middle">${Number.isInteger(value) ? value : value.toFixed(1)}</text><text x="${WIDTH - PAD.right + 6}" y="${yRating(1 + step).toFixed(1)}" dominant-baseline="middle">${1 + step}★</text>`;
    })
    .join('');
  const bars = points
    .map((point, index) => `<rect class="bar" x="${(x(index) - barWidth / 2).toFixed(1)}" y="${y(point.reviews).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(y(0) - y(point.reviews)).toFixed(1)}" rx="2"/>`)
    .join('');
  const rated = points.map((point, index) => ({ point, index })).filter(({ point }) => point.average !== null);
  const line = rated.length > 1 ? `<polyline class="line" points="${rated.map(({ point, index }) => `${x(index).toFixed(1)},${yRating(point.average!).toFixed(1)}`).join(' ')}"/>` : '';
  const dots = rated.map(({ point, index }) => `<circle class="dot" cx="${x(index).toFixed(1)}" cy="${yRating(point.average!).toFixed(1)}" r="3"/>`).join('');
  // At most about eight labels under the axis, whatever the number of weeks.
  const every = Math.max(1, Math.ceil(points.length / 8));
  const labels = points
    .map((point, index) => (index % every === 0 ? `<text x="${x(index).toFixed(1)}" y="${HEIGHT - 8}" text-anchor="middle">${escapeHtml(point.label)}</text>` : ''))
    .join('');
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>${grid}${bars}${line}${dots}${labels}</svg>`;
}

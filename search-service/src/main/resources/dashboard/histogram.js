// The date histogram as hand-drawn SVG bars; a drag across them (or a click on one) selects a date range.
import { clear, el } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 600;
const HEIGHT = 80;
const STEP = { hour: 3600e3, day: 24 * 3600e3, week: 7 * 24 * 3600e3 };

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function bucketEnd(iso, interval) {
  const start = new Date(iso);
  if (interval === 'month') return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  return new Date(start.getTime() + STEP[interval]);
}

const label = (date, interval) => (interval === 'hour'
  ? date.toISOString().slice(0, 16).replace('T', ' ')
  : date.toISOString().slice(0, 10));

export class Histogram {
  constructor(root, axis, onSelect) {
    this.root = root;
    this.axis = axis;
    this.onSelect = onSelect;
    this.bars = [];
    this.drag = null;
    root.addEventListener('mousedown', (event) => this.start(event));
    window.addEventListener('mousemove', (event) => this.move(event));
    window.addEventListener('mouseup', (event) => this.end(event));
  }

  render(buckets, interval) {
    const max = Math.max(1, ...buckets.map((bucket) => bucket.count));
    const width = WIDTH / Math.max(1, buckets.length);
    this.bars = buckets.map((bucket, index) => {
      const from = new Date(bucket.date);
      const to = bucketEnd(bucket.date, interval);
      const height = bucket.count === 0 ? 0 : Math.max(2, (bucket.count / max) * (HEIGHT - 4));
      return svg('rect', {
        class: 'bar',
        x: (index * width).toFixed(2),
        y: (HEIGHT - height).toFixed(2),
        width: Math.max(0.5, width - (width > 4 ? 1 : 0)).toFixed(2),
        height: height.toFixed(2),
        'data-from': from.toISOString(),
        'data-to': to.toISOString(),
        'data-count': bucket.count,
      }, svg('title', {}, `${label(from, interval)}: ${bucket.count} articles`));
    });
    // a full-height backdrop takes the mouse between and above the bars
    this.selection = svg('rect', { class: 'selection', x: 0, y: 0, width: 0, height: HEIGHT, visibility: 'hidden' });
    clear(this.root, svg('rect', { class: 'backdrop', x: 0, y: 0, width: WIDTH, height: HEIGHT }), ...this.bars,
      this.selection);
    const first = buckets[0];
    const last = buckets.at(-1);
    clear(this.axis, first ? el('span', {}, label(new Date(first.date), interval)) : el('span', {}, 'No dates'),
      last && last !== first ? el('span', {}, label(new Date(last.date), interval)) : null);
  }

  index(event) {
    const box = this.root.getBoundingClientRect();
    const ratio = Math.min(0.9999, Math.max(0, (event.clientX - box.left) / box.width));
    return Math.floor(ratio * this.bars.length);
  }

  start(event) {
    if (event.button !== 0 || this.bars.length === 0) return;
    event.preventDefault();
    this.drag = { first: this.index(event), last: this.index(event) };
    this.show();
  }

  move(event) {
    if (!this.drag) return;
    this.drag.last = this.index(event);
    this.show();
  }

  end(event) {
    if (!this.drag) return;
    this.drag.last = this.index(event);
    const low = Math.min(this.drag.first, this.drag.last);
    const high = Math.max(this.drag.first, this.drag.last);
    this.drag = null;
    this.selection.setAttribute('visibility', 'hidden');
    this.onSelect(this.bars[low].dataset.from, this.bars[high].dataset.to);
  }

  show() {
    const low = Math.min(this.drag.first, this.drag.last);
    const high = Math.max(this.drag.first, this.drag.last);
    const width = WIDTH / this.bars.length;
    this.selection.setAttribute('x', (low * width).toFixed(2));
    this.selection.setAttribute('width', ((high - low + 1) * width).toFixed(2));
    this.selection.setAttribute('visibility', 'visible');
  }
}

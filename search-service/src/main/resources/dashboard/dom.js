// DOM helpers. Article data only ever reaches the page as text nodes: nothing here parses markup.

/** An element with properties (className, hidden, ...), attributes (attrs) and children (nodes or strings as text). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  const { attrs, dataset, ...rest } = props;
  Object.assign(node, rest);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  for (const [name, value] of Object.entries(dataset ?? {})) {
    if (value !== undefined && value !== null) node.dataset[name] = String(value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

const MARK_OPEN = '<em>';
const MARK_CLOSE = '</em>';

/**
 * A highlight fragment of Elasticsearch as nodes. The fragment is the article's raw text with <em>…</em> around the
 * matches; only those two markers are read (an allow-list of one element, shown as <mark>), everything else stays text.
 */
export function highlighted(fragment) {
  const nodes = [];
  let rest = String(fragment ?? '');
  while (rest.length > 0) {
    const open = rest.indexOf(MARK_OPEN);
    if (open < 0) {
      nodes.push(document.createTextNode(rest));
      break;
    }
    const close = rest.indexOf(MARK_CLOSE, open + MARK_OPEN.length);
    if (close < 0) {
      nodes.push(document.createTextNode(rest));
      break;
    }
    if (open > 0) nodes.push(document.createTextNode(rest.slice(0, open)));
    nodes.push(el('mark', {}, rest.slice(open + MARK_OPEN.length, close)));
    rest = rest.slice(close + MARK_CLOSE.length);
  }
  return nodes;
}

/** The URL when it is http or https, else null: a javascript: or data: link never becomes an href. */
export function safeUrl(value) {
  try {
    const url = new URL(String(value), window.location.origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS = [
  ['year', 365 * 24 * 3600], ['month', 30 * 24 * 3600], ['week', 7 * 24 * 3600], ['day', 24 * 3600],
  ['hour', 3600], ['minute', 60], ['second', 1],
];

export function relativeTime(iso, now = Date.now()) {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  if (!Number.isFinite(seconds)) return '';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return relative.format(Math.round(seconds / size), unit);
  }
  return '';
}

/** A <time> with the relative text and the exact time as its datetime and tooltip. */
export function timeElement(iso, className) {
  if (!iso) return el('time', { className });
  const date = new Date(iso);
  return el('time', { className, title: date.toUTCString(), attrs: { datetime: date.toISOString() } },
    relativeTime(iso));
}

// The newsroom dashboard: search, facets, histogram, stories, articles, trending and saved searches, all in the URL.
import { api, onUnauthorized, query } from './api.js';
import { issuerName, oidcConfigured, prepare, signOut, signedIn, startSignIn, useApiKey } from './auth.js';
import { $, $$, clear, el, highlighted, relativeTime, timeElement } from './dom.js';
import { Histogram } from './histogram.js';
import { SavedSearches } from './saved.js';
import { FACET_PARAMS, FILTERS, LABELS, hasFilter, readState, searchKey, toSearch, withFilter, withoutFilter } from './state.js';
import { entityChip, renderArticle, renderStory } from './views.js';

const PAGE_SIZE = 20;
const RETRY_FIRST = 2000;
const RETRY_MAX = 15000;
const TRENDING = { tags: 'tag', people: 'person', organizations: 'organization', places: 'place' };
const ENTITY_CHIPS = [['people', 'person'], ['organizations', 'organization'], ['places', 'place']];

// before the state is read: coming back from the issuer, the address still holds its code
const signInProblem = await prepare();

let state = readState();
let searched = null;
let next = null;
let shownStories = new Set();
let running = null;
let retryTimer = null;
let retryDelay = RETRY_FIRST;
let failing = false;
let openView = '';
let returnFocus = null;
// what a filter's value is called: the facets count codes and keys, the chips show their names
const facetNames = new Map();
const shownName = (param, value) => facetNames.get(`${param}\u0000${value}`) ?? value;

const status = $('#status');
const retry = $('#retry');
const results = $('#results');
const more = $('#more');
const drawer = $('#drawer');
const articleView = $('#article-view');
const storyView = $('#story-view');
const histogram = new Histogram($('#histogram'), $('#histogram-axis'),
  (from, to) => navigate({ ...state, from, to, article: '', story: '' }));
const saved = new SavedSearches($('#saved'), $('#alerts'), {
  current: () => state,
  open: (one) => navigate({ q: one.query ?? '', filters: one.filters ?? {}, from: '', to: '', sort: 'relevance', article: '', story: '' }),
  openArticle: (id) => navigate({ ...state, article: id, story: '' }),
  announce: (text) => { $('#saved-notice').textContent = text; },
});

function navigate(next, { replace = false } = {}) {
  state = next;
  const url = `/${toSearch(state)}`;
  if (url !== window.location.pathname + window.location.search) {
    window.history[replace ? 'replaceState' : 'pushState'](null, '', url);
  }
  render();
}

window.addEventListener('popstate', () => {
  state = readState();
  render();
});

function render() {
  $('#q').value = state.q;
  $('#sort').value = state.sort;
  document.title = state.q ? `${state.q} · Newsflow` : 'Newsflow newsroom';
  renderChips();
  if (searchKey(state) !== searched) search();
  renderView();
}

function setStatus(name, text) {
  status.dataset.state = name;
  status.textContent = text;
  retry.hidden = name !== 'error';
  $('#main').setAttribute('aria-busy', String(name === 'loading'));
}

/** The histogram's bucket width: hours when the dates span a few days, weeks when they span more than half a year. */
function interval() {
  if (!state.from || !state.to) return 'day';
  const days = (new Date(state.to) - new Date(state.from)) / (24 * 3600e3);
  if (days <= 4) return 'hour';
  return days > 183 ? 'week' : 'day';
}

async function search({ append = false } = {}) {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  window.clearTimeout(retryTimer);
  if (!append) searched = searchKey(state);
  setStatus('loading', append ? 'Loading more…' : 'Searching…');
  const params = {
    q: state.q, ...state.filters, from: state.from, to: state.to, sort: state.sort, size: PAGE_SIZE,
    interval: interval(), cursor: append ? next : undefined,
  };
  try {
    const result = await api(`/api/v1/search${query(params)}`, { signal: controller.signal });
    recovered();
    showResults(result, append);
  } catch (error) {
    if (error.name === 'AbortError') return;
    if (!append) {
      // results of another search must not pass for this one's
      clear(results);
      more.hidden = true;
      $('#result-count').textContent = '–';
    }
    failed(error, () => search({ append }));
  } finally {
    if (running === controller) running = null;
  }
}

function failed(error, again) {
  // the sign-in is on screen already, saying why
  if (error.status === 401) return;
  if (!error.retriable) {
    setStatus('error', `The search could not run: ${error.message}`);
    retryNow = again;
    return;
  }
  failing = true;
  const seconds = Math.round(retryDelay / 1000);
  setStatus('error', `${error.message} Retrying in ${seconds} s…`);
  retryNow = again;
  retryTimer = window.setTimeout(again, retryDelay);
  retryDelay = Math.min(RETRY_MAX, retryDelay * 2);
}

let retryNow = () => search();

function recovered() {
  retryDelay = RETRY_FIRST;
  if (!failing) return;
  failing = false;
  loadTrending();
  saved.refresh().catch(() => {});
  if (openView) {
    openView = '';
    renderView();
  }
}

function showResults(result, append) {
  if (!performance.getEntriesByName('newsflow:first-results').length) {
    // the figure of a cold load: first results with their facets and histogram on screen
    window.requestAnimationFrame(() => performance.mark('newsflow:first-results'));
  }
  $('#result-count').textContent = result.total.toLocaleString('en');
  if (!append) {
    shownStories = new Set();
    clear(results);
    renderFacets(result.facets);
    renderChips();
    histogram.render(result.histogram, interval());
  }
  for (const hit of result.hits) {
    if (hit.storyId && shownStories.has(hit.storyId)) continue;
    if (hit.storyId) shownStories.add(hit.storyId);
    results.append(resultItem(hit));
  }
  next = result.next;
  more.hidden = !next;
  if (result.total === 0) {
    setStatus('empty', 'No article matches this search. Remove a filter or try other words.');
  } else {
    const shown = results.children.length;
    setStatus('ready', `Showing ${shown} ${shown === 1 ? 'result' : 'results'}${next ? '; more below' : ''}.`);
  }
}

function resultItem(hit) {
  const title = hit.highlights?.title?.[0];
  const fragments = hit.highlights?.text ?? [];
  const snippet = fragments.length
    ? fragments.flatMap((fragment, index) => (index ? [' … ', ...highlighted(fragment)] : highlighted(fragment)))
    : [hit.lede || hit.summary || ''];
  const chips = ENTITY_CHIPS.flatMap(([field, param]) => (hit[field] ?? []).slice(0, 2).map((value) => el('li', {}, entityChip(param, value))));
  const others = hit.storySize - 1;
  return el('li', { className: 'result', dataset: { articleId: hit.id, storyId: hit.storyId ?? '' } },
    el('h3', {}, el('a', { className: 'result-title', href: `/?article=${encodeURIComponent(hit.id)}`, dataset: { articleId: hit.id } },
      title ? highlighted(title) : hit.title ?? '(untitled)')),
    el('p', { className: 'snippet' }, snippet),
    el('p', { className: 'meta' },
      el('span', { className: 'source' }, hit.source ?? ''), ' · ', timeElement(hit.publishedAt), ' · ',
      el('span', { className: 'language', title: 'Language' }, hit.language ?? '?'), ' · ',
      el('span', { className: 'category', title: 'Category' }, hit.categoryName ?? hit.category ?? 'uncategorised'),
      // a hit knows its story's size, not the story's sources, so the button counts articles
      others > 0
        ? el('button', {
          type: 'button', className: 'story-more', dataset: { storyId: hit.storyId },
          attrs: { 'aria-label': `Open the story: ${others} more article${others > 1 ? 's' : ''}` },
        }, `+${others} in story`)
        : null),
    chips.length ? el('ul', { className: 'chip-list', attrs: { 'aria-label': 'Entities' } }, chips) : null);
}

function renderFacets(facets) {
  for (const section of $$('#facets section.facet')) {
    const param = FACET_PARAMS[section.dataset.facet];
    const buckets = facets[section.dataset.facet] ?? [];
    for (const bucket of buckets) facetNames.set(`${param}\u0000${bucket.value}`, bucket.name ?? bucket.value);
    clear($('ul', section), buckets.length
      ? buckets.map((bucket) => el('li', {}, el('button', {
        type: 'button', className: 'facet-value', dataset: { facet: param, value: bucket.value },
        attrs: { 'aria-pressed': String(hasFilter(state, param, bucket.value)) },
      }, el('span', { className: 'value', attrs: { title: bucket.name && bucket.name !== bucket.value ? bucket.value : null } }, bucket.name ?? bucket.value),
      el('span', { className: 'count' }, String(bucket.count)))))
      : el('li', { className: 'quiet' }, 'None'));
  }
}

const shortDate = (iso) => (iso.length > 10 ? iso.slice(0, 16).replace('T', ' ') : iso);

function renderChips() {
  const chips = Object.keys(FILTERS).flatMap((param) => (state.filters[param] ?? []).map((value) => el('button', {
    type: 'button', className: 'chip', dataset: { facet: param, value },
    attrs: { 'aria-label': `Remove filter ${LABELS[param]} ${shownName(param, value)}` },
  }, `${LABELS[param]}: `, el('strong', {}, shownName(param, value)), ' ×')));
  if (state.from || state.to) {
    chips.push(el('button', {
      type: 'button', className: 'chip', dataset: { facet: 'date' }, attrs: { 'aria-label': 'Remove the date range' },
    }, 'Dates: ', el('strong', {}, `${shortDate(state.from) || '…'} – ${shortDate(state.to) || '…'}`), ' ×'));
  }
  clear($('#chips'), chips);
}

async function loadTrending() {
  const root = $('#trending .trend-list');
  try {
    const trending = await api('/api/v1/trending?window=24h&size=5');
    const terms = Object.entries(TRENDING).flatMap(([field, param]) => (trending.terms[field] ?? []).map((term) => ({ param, term })));
    clear(root, terms.length
      ? el('ul', { className: 'chip-list' }, terms.map(({ param, term }) => el('li', {}, el('button', {
        type: 'button', className: 'trend', dataset: { facet: param, value: term.value },
        title: `${LABELS[param]}: ${term.count} articles in 24 h`,
      }, term.name ?? term.value, el('span', { className: 'count' }, String(term.count))))))
      : el('p', { className: 'quiet' }, 'Nothing is rising in the last 24 hours.'));
  } catch (error) {
    clear(root, el('p', { className: 'quiet' }, `Trending is unavailable: ${error.message}`));
  }
}

async function renderView() {
  const wanted = state.article ? `article:${state.article}` : state.story ? `story:${state.story}` : '';
  if (wanted === openView) return;
  openView = wanted;
  if (!wanted) {
    drawer.hidden = true;
    articleView.hidden = true;
    storyView.hidden = true;
    if (returnFocus?.isConnected) returnFocus.focus();
    returnFocus = null;
    return;
  }
  if (drawer.hidden) returnFocus = document.activeElement;
  const [view, other] = state.article ? [articleView, storyView] : [storyView, articleView];
  other.hidden = true;
  drawer.hidden = false;
  view.hidden = false;
  view.setAttribute('aria-busy', 'true');
  view.classList.remove('failed');
  const heading = $(state.article ? '.article-title' : '.story-title', view);
  heading.textContent = 'Loading…';
  try {
    if (state.article) await renderArticle(view, state.article);
    else await renderStory(view, state.story);
  } catch (error) {
    if (openView !== wanted) return;
    view.classList.add('failed');
    heading.textContent = error.status === 404 ? 'Not found: it may have been removed.' : `Could not load: ${error.message}`;
    if (error.retriable) failed(error, () => { openView = ''; renderView(); });
  } finally {
    view.removeAttribute('aria-busy');
  }
  if (openView === wanted) {
    heading.tabIndex = -1;
    heading.focus();
  }
}

function closeView() {
  navigate({ ...state, article: '', story: '' });
}

function select(delta) {
  const items = $$('#results li.result');
  if (!items.length) return;
  const current = items.findIndex((item) => item.classList.contains('selected'));
  const index = current < 0 ? (delta > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, current + delta));
  items.forEach((item, position) => {
    item.classList.toggle('selected', position === index);
    if (position === index) item.setAttribute('aria-current', 'true');
    else item.removeAttribute('aria-current');
  });
  items[index].scrollIntoView({ block: 'nearest' });
  $('a.result-title', items[index]).focus();
}

const plainClick = (event) => event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;

document.addEventListener('click', (event) => {
  const target = event.target.closest('button, a');
  if (!target) return;
  if (target.matches('.entity-chip, .facet-value, .trend')) {
    const { facet, value } = target.dataset;
    navigate(hasFilter(state, facet, value) ? withoutFilter(state, facet, value) : withFilter(state, facet, value));
  } else if (target.matches('.chip')) {
    const { facet, value } = target.dataset;
    navigate(facet === 'date' ? { ...state, from: '', to: '' } : withoutFilter(state, facet, value));
  } else if (target.matches('a.result-title, a.open-article') && plainClick(event)) {
    event.preventDefault();
    navigate({ ...state, article: target.dataset.articleId, story: '' });
  } else if (target.matches('.story-more, .open-story')) {
    navigate({ ...state, article: '', story: target.dataset.storyId });
  } else if (target.id === 'more') {
    search({ append: true });
  } else if (target.id === 'close-view') {
    closeView();
  } else if (target.id === 'retry') {
    window.clearTimeout(retryTimer);
    retryNow();
  } else if (target.id === 'syntax-help') {
    toggleHelp();
  }
});

function toggleHelp(show = $('#syntax-help-panel').hidden) {
  $('#syntax-help-panel').hidden = !show;
  $('#syntax-help').setAttribute('aria-expanded', String(show));
}

$('#search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  navigate({ ...state, q: $('#q').value.trim(), article: '', story: '' });
});
$('#sort').addEventListener('change', () => navigate({ ...state, sort: $('#sort').value, article: '', story: '' }));

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    if (!drawer.hidden) closeView();
    else if (!$('#syntax-help-panel').hidden) toggleHelp(false);
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest('input, textarea, select, [contenteditable]')) return;
  if (event.key === '/') {
    event.preventDefault();
    $('#q').focus();
    $('#q').select();
  } else if ((event.key === 'j' || event.key === 'k') && drawer.hidden) {
    event.preventDefault();
    select(event.key === 'j' ? 1 : -1);
  } else if (event.key === 'Enter' && drawer.hidden && !event.target.closest('a, button')) {
    const selected = $('#results li.result.selected');
    if (selected) navigate({ ...state, article: selected.dataset.articleId, story: '' });
  }
});

// "5 minutes ago" stays true while the page stays open
window.setInterval(() => {
  for (const time of $$('time[datetime]')) time.textContent = relativeTime(time.getAttribute('datetime'));
}, 60000);

const signIn = $('#sign-in');

function showSignIn(message) {
  running?.abort();
  window.clearTimeout(retryTimer);
  saved.stop();
  searched = null;
  clear(results);
  more.hidden = true;
  setStatus('signed-out', 'Sign in to search.');
  $('#sign-out').hidden = true;
  $('#sign-in-message').textContent = message;
  $('#sign-in-oidc-box').hidden = !oidcConfigured();
  $('#sign-in-issuer').textContent = issuerName();
  if (!signIn.open) signIn.showModal();
  (oidcConfigured() ? $('#sign-in-oidc') : $('#api-key')).focus();
}

function start() {
  if (signIn.open) signIn.close();
  $('#sign-out').hidden = false;
  searched = null;
  openView = '';
  render();
  loadTrending();
  saved.refresh().catch((error) => { $('#saved-notice').textContent = `Saved searches are unavailable: ${error.message}`; });
}

// the sign-in is the only way on: Esc must not close it onto a page that cannot load
signIn.addEventListener('cancel', (event) => event.preventDefault());

$('#key-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const key = $('#api-key').value.trim();
  if (!key) return;
  useApiKey(key);
  try {
    // a key that cannot read searches would fail on every call: say so here, once
    await api('/api/v1/saved-searches');
  } catch (error) {
    if (error.status === 401) return;
    signOut();
    $('#sign-in-message').textContent = error.status === 403
      ? 'This key is valid but lacks the search:read scope the dashboard needs.'
      : `The key could not be checked: ${error.message}`;
    return;
  }
  $('#api-key').value = '';
  start();
});

$('#sign-in-oidc').addEventListener('click', () => {
  startSignIn().catch((error) => { $('#sign-in-message').textContent = `The issuer cannot be reached: ${error.message}.`; });
});

$('#sign-out').addEventListener('click', () => {
  signOut();
  showSignIn('You are signed out.');
});

onUnauthorized((message) => {
  signOut();
  showSignIn(message);
});

if (signInProblem) showSignIn(signInProblem);
else if (signedIn()) start();
else showSignIn('');

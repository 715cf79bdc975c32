// The page's state lives in the URL: it is read from location, and every change is a history entry.

/** Filter parameters of the API, with the facet of the search answer that counts each. */
export const FILTERS = {
  tag: 'tags', person: 'people', organization: 'organizations', place: 'places',
  category: 'categories', source: 'sources', language: 'languages',
};
export const FACET_PARAMS = Object.fromEntries(Object.entries(FILTERS).map(([param, facet]) => [facet, param]));
export const LABELS = {
  tag: 'Tag', person: 'Person', organization: 'Organisation', place: 'Place',
  category: 'Category', source: 'Source', language: 'Language',
};

export function readState(search = window.location.search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const name of Object.keys(FILTERS)) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = [...new Set(values)];
  }
  return {
    q: params.get('q') ?? '',
    filters,
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    sort: params.get('sort') === 'newest' ? 'newest' : 'relevance',
    article: params.get('article') ?? '',
    story: params.get('story') ?? '',
  };
}

export function toSearch(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of Object.keys(FILTERS)) {
    for (const value of state.filters[name] ?? []) params.append(name, value);
  }
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.article) params.set('article', state.article);
  else if (state.story) params.set('story', state.story);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The search part of the state (what the results depend on), to tell whether a new search is needed. */
export function searchKey(state) {
  return toSearch({ ...state, article: '', story: '' });
}

export function withFilter(state, name, value) {
  const values = state.filters[name] ?? [];
  if (values.includes(value)) return state;
  return { ...state, article: '', story: '', filters: { ...state.filters, [name]: [...values, value] } };
}

export function withoutFilter(state, name, value) {
  const values = (state.filters[name] ?? []).filter((one) => one !== value);
  const filters = { ...state.filters, [name]: values };
  if (!values.length) delete filters[name];
  return { ...state, filters };
}

export function hasFilter(state, name, value) {
  return (state.filters[name] ?? []).includes(value);
}

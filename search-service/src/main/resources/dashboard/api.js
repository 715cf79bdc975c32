// The search API on this origin. Every failure becomes an ApiError saying who is down or what was wrong.

export class ApiError extends Error {
  constructor(message, { status = 0, retriable = false } = {}) {
    super(message);
    this.status = status;
    this.retriable = retriable;
  }
}

// a hung backend must end in an error the page can show and retry, not in a spinner
const TIMEOUT_MS = 10000;

export async function api(path, { method = 'GET', body, signal } = {}) {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  let response;
  try {
    response = await fetch(path, {
      method,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    if (error.name === 'TimeoutError') throw new ApiError('The search service is not answering.', { retriable: true });
    throw new ApiError('The search service cannot be reached.', { retriable: true });
  }
  if (response.status === 204) return null;
  const problem = (response.headers.get('Content-Type') ?? '').includes('json') ? await response.json().catch(() => null) : null;
  if (response.ok) return problem;
  if (response.status === 503) {
    throw new ApiError('Elasticsearch is unavailable; the search service waits for it.', { status: 503, retriable: true });
  }
  if (response.status >= 500) {
    throw new ApiError(`The search service answered ${response.status}.`, { status: response.status, retriable: true });
  }
  const detail = problem?.detail ?? problem?.title ?? `HTTP ${response.status}`;
  throw new ApiError(detail, { status: response.status });
}

/** A query string of the given pairs, repeating the arrays' values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const one of [value].flat()) {
      if (one !== undefined && one !== null && one !== '') search.append(name, one);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

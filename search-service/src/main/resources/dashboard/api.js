// The search API on this origin, called with the signed-in credential. Every failure becomes an ApiError saying who
// is down or what was wrong; a 401 also goes to the page's sign-in (see onUnauthorized).
import { authorization } from './auth.js';

export class ApiError extends Error {
  constructor(message, { status = 0, retriable = false } = {}) {
    super(message);
    this.status = status;
    this.retriable = retriable;
  }
}

// a hung backend must end in an error the page can show and retry, not in a spinner
const TIMEOUT_MS = 10000;

let unauthorized = () => {};

/** What the page does when the service refuses the credential: it shows the sign-in with the message. */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

/** Tells the page that the credential was refused, with what the service said, and returns the error to throw. */
export function refused(problem) {
  return signInAgain(problem?.detail ? `The service refused the sign-in: ${problem.detail}` : 'Your sign-in was refused. Sign in again.');
}

/** Brings the sign-in back with the message, and returns the error to throw. */
export function signInAgain(message) {
  unauthorized(message);
  return new ApiError(message, { status: 401 });
}

export async function api(path, { method = 'GET', body, signal } = {}) {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const headers = { Accept: 'application/json', ...(await credentials()) };
  let response;
  try {
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    response = await fetch(path, {
      method,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      headers,
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
  if (response.status === 401) throw refused(problem);
  if (response.status === 503) {
    throw new ApiError('Elasticsearch is unavailable; the search service waits for it.', { status: 503, retriable: true });
  }
  if (response.status >= 500) {
    throw new ApiError(`The search service answered ${response.status}.`, { status: response.status, retriable: true });
  }
  const detail = problem?.detail ?? problem?.title ?? `HTTP ${response.status}`;
  throw new ApiError(detail, { status: response.status });
}

/** The Authorization header; a session that could not be renewed brings the sign-in back. */
export async function credentials() {
  try {
    return await authorization();
  } catch (error) {
    throw signInAgain(error.message);
  }
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

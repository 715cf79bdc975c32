// Who the dashboard calls the API as: an API key pasted into the sign-in form, or an OIDC access token got by the
// authorization code flow with PKCE from the issuer the service names in /dashboard/config.json. Either is kept in
// sessionStorage only: it ends with the tab, and no other tab or site reads it.

const CREDENTIAL = 'newsflow.credential';
const PENDING = 'newsflow.oidc.pending';
// a token this close to its expiry is renewed before a call, so no call goes out with a token about to lapse
const RENEW_BEFORE_MS = 30000;

let config = { oidc: null };
let metadata = null;
let renewing = null;

function read(name) {
  try {
    return JSON.parse(sessionStorage.getItem(name) ?? 'null');
  } catch {
    return null;
  }
}

function write(name, value) {
  if (value === null) sessionStorage.removeItem(name);
  else sessionStorage.setItem(name, JSON.stringify(value));
}

/** The service's sign-in settings, and the answer to a sign-in at the issuer when this page load is one. */
export async function prepare() {
  const response = await fetch('/dashboard/config.json', { headers: { Accept: 'application/json' } }).catch(() => null);
  if (response?.ok) config = await response.json();
  const params = new URLSearchParams(window.location.search);
  if (params.has('state') && (params.has('code') || params.has('error'))) return finishSignIn(params);
  return '';
}

export const oidcConfigured = () => Boolean(config.oidc);
export const issuerName = () => config.oidc?.issuer ?? '';
export const signedIn = () => read(CREDENTIAL) !== null;
export const signedInWith = () => read(CREDENTIAL)?.type ?? '';

export function useApiKey(key) {
  write(CREDENTIAL, { type: 'apiKey', key });
}

export function signOut() {
  write(CREDENTIAL, null);
}

/** The Authorization header of the current credential, renewing a token that is about to expire. */
export async function authorization() {
  const credential = read(CREDENTIAL);
  if (!credential) return {};
  if (credential.type === 'apiKey') return { Authorization: `ApiKey ${credential.key}` };
  if (credential.expiresAt - Date.now() < RENEW_BEFORE_MS) {
    renewing ??= renew(credential).finally(() => { renewing = null; });
    const renewed = await renewing;
    return { Authorization: `Bearer ${renewed.accessToken}` };
  }
  return { Authorization: `Bearer ${credential.accessToken}` };
}

async function issuer() {
  if (metadata) return metadata;
  const base = config.oidc.issuer.replace(/\/$/, '');
  const response = await fetch(`${base}/.well-known/openid-configuration`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`the issuer answered ${response.status}`);
  metadata = await response.json();
  return metadata;
}

function randomText(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const redirectUri = () => `${window.location.origin}/`;

/** Leaves for the issuer's sign-in page; the issuer sends the browser back to this page with a code. */
export async function startSignIn() {
  const { authorization_endpoint: endpoint } = await issuer();
  const verifier = randomText(32);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = randomText(16);
  write(PENDING, { state, verifier, returnTo: window.location.pathname + window.location.search });
  const url = new URL(endpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: config.oidc.clientId, redirect_uri: redirectUri(), scope: config.oidc.scope,
    state, code_challenge: challenge, code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

async function finishSignIn(params) {
  const pending = read(PENDING);
  write(PENDING, null);
  // the code leaves the address bar and the history at once, whatever happens next
  window.history.replaceState(null, '', pending?.returnTo ?? '/');
  if (!pending || pending.state !== params.get('state')) return 'The sign-in answer did not match this page; sign in again.';
  if (params.has('error')) return `The issuer refused the sign-in: ${params.get('error_description') ?? params.get('error')}.`;
  try {
    const tokens = await tokenRequest({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: config.oidc.clientId, code_verifier: pending.verifier,
    });
    keep(tokens);
    return '';
  } catch (error) {
    return `The sign-in could not be completed: ${error.message}.`;
  }
}

/** A fresh token for one about to expire, by its refresh token; without one, or refused, the session has ended. */
async function renew(credential) {
  if (credential.refreshToken && config.oidc) {
    try {
      return keep(await tokenRequest({ grant_type: 'refresh_token', refresh_token: credential.refreshToken, client_id: config.oidc.clientId }));
    } catch {
      // refused or unreachable: the session cannot go on
    }
  }
  signOut();
  throw new Error('Your session has expired. Sign in again.');
}

async function tokenRequest(form) {
  const { token_endpoint: endpoint } = await issuer();
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) throw new Error(body.error_description ?? body.error ?? `the issuer answered ${response.status}`);
  return body;
}

function keep(tokens) {
  const credential = {
    type: 'token',
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? read(CREDENTIAL)?.refreshToken ?? '',
    expiresAt: Date.now() + (tokens.expires_in ?? 300) * 1000,
  };
  write(CREDENTIAL, credential);
  return credential;
}

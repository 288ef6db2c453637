// The page reads only the public REST API, with the key the auditor entered for this browser session.

const storageKey = 'gulou.dashboard.key';

export const savedKey = () => sessionStorage.getItem(storageKey);
export const saveKey = (key) => sessionStorage.setItem(storageKey, key);
export const forgetKey = () => sessionStorage.removeItem(storageKey);

/** A failed request, by what the auditor can do about it: unauthenticated, forbidden, unreachable or failed. */
export class ApiError extends Error {
  constructor(kind, status, problem) {
    super(problem?.detail ?? kind);
    this.kind = kind;
    this.status = status;
    this.problem = problem;
  }
}

/** Only the API's own addresses are followed, whatever a drill-down link says. */
export function isApiPath(path) {
  return typeof path === 'string' && path.startsWith('/api/v1/') && !path.includes('//');
}

/** GET an API path (with extra query values) as JSON. */
export const get = (path, query = {}) => send('GET', path, query);

/** POST to an API path, with a JSON body when one is given, and read its answer as JSON. */
export const post = (path, body) => send('POST', path, {}, body === undefined ? undefined : { type: 'application/json', content: JSON.stringify(body) });

/** POST a file's text (a CSV import) with its media type and extra query values, and read the answer as JSON. */
export const upload = (path, query, text, type) => send('POST', path, query, { type, content: text });

/** GET an API path as a file to save (a CSV template), its bytes as they came (a BOM included). */
export const getFile = (path, accept = 'text/csv') => send('GET', path, {}, undefined, accept);

async function send(method, path, query, body, accept = 'application/json') {
  if (!isApiPath(path)) throw new ApiError('failed', 0, { detail: path });
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
  }
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: { 'X-Api-Key': savedKey() ?? '', Accept: accept, ...(body ? { 'Content-Type': body.type } : {}) },
      body: body?.content,
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    throw new ApiError('unreachable', 0, null);
  }
  if (response.ok) return accept === 'application/json' ? response.json() : response.blob();
  const problem = await response.json().catch(() => null);
  if (response.status === 401) throw new ApiError('unauthenticated', 401, problem);
  if (response.status === 403) throw new ApiError('forbidden', 403, problem);
  // A proxy in front of a stopped service answers 502–504: for the auditor that is the same as no answer.
  if (response.status >= 502 && response.status <= 504) throw new ApiError('unreachable', response.status, problem);
  throw new ApiError('failed', response.status, problem);
}

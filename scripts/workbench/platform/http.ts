/**
 * Calls the workbench server's JSON API. A failed call rejects with the shape the platform
 * gives components (`{ status, statusText, body }`), so c/ldsUtils reads it as in an org.
 */
export interface ApiError {
  status: number;
  statusText: string;
  body: unknown;
}

export async function callApi<T>(
  path: string,
  init?: { method: string; body: unknown }
): Promise<T> {
  const response = await fetch(path, {
    method: init?.method ?? 'GET',
    headers: init ? { 'content-type': 'application/json' } : undefined,
    body: init ? JSON.stringify(init.body) : undefined,
    credentials: 'same-origin'
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error: ApiError = { status: response.status, statusText: response.statusText, body };
    throw error;
  }
  return body as T;
}

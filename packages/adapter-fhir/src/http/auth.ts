/**
 * How requests are authorized. The host owns the credentials (a bearer token, a SMART on FHIR
 * access token from its launch, a session cookie behind a proxy); the adapter only asks for
 * them before each request, so a host can refresh a token without recreating the adapter.
 */
export type HeaderSource = () => Record<string, string> | Promise<Record<string, string>>;

export type FhirAuth =
  /** A fixed bearer token. */
  | { bearer: string }
  /** A SMART on FHIR (or any OAuth 2) access token, asked for before each request. */
  | { accessToken: () => string | undefined | Promise<string | undefined> }
  /** Any headers, e.g. a proxy's own scheme. */
  | HeaderSource;

export async function authHeaders(auth: FhirAuth | undefined): Promise<Record<string, string>> {
  if (!auth) return {};
  if (typeof auth === 'function') return { ...(await auth()) };
  if ('bearer' in auth) return { authorization: `Bearer ${auth.bearer}` };
  const token = await auth.accessToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Whether asking again may give a different answer (worth one retry after a 401). */
export function isRefreshable(auth: FhirAuth | undefined): boolean {
  return auth !== undefined && (typeof auth === 'function' || 'accessToken' in auth);
}

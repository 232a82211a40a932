/**
 * The session cookie: `__Host-` prefixed (Secure, Path=/, no Domain: only this origin ever gets it),
 * HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs). Browsers treat
 * http://127.0.0.1 and localhost as secure, so the same cookie works under `wrangler dev`.
 */
export const SESSION_COOKIE = '__Host-lead_session';

export function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${token}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`;
}

export const clearedSessionCookie = () => `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0`;

/** The session token from a Cookie header, if it carries one of ours. */
export function sessionTokenFrom(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^ses_[0-9a-f]{64}$/.test(value) ? value : null;
    }
  }
  return null;
}

/**
 * A signed link's principal (the links of completion emails): the signature over (kind, import id,
 * expiry) is checked before anything is read; the link allows that one import's resource only.
 */
import type { Env } from '../env.ts';
import { verifyLink } from '../links/verify.ts';
import { linkSecret, LINK_SECRET_PROBLEM } from '../links/secret.ts';
import type { LinkKind } from '../links/sign.ts';
import { AuthRefusal } from './refusal.ts';
import type { Principal } from './principal.ts';

/** Which resource a link route serves, from its path. */
export const linkKindOf = (path: string): LinkKind => (path.endsWith('/errors.csv') ? 'errors' : path.endsWith('/leads.csv') ? 'leads' : 'page');

export async function resolveLink(env: Env, request: Request, importId: string): Promise<Principal & { kind: 'link' }> {
  const secret = linkSecret(env);
  if (!secret) {
    console.error(LINK_SECRET_PROBLEM);
    throw new AuthRefusal('LINK_SIGNING_KEY_MISSING', 'Links cannot be checked: the server has no link-signing key configured. Please tell the administrator.');
  }
  const url = new URL(request.url);
  const linkKind = linkKindOf(url.pathname);
  const check = await verifyLink(secret, linkKind, importId, url.searchParams.get('exp') ?? undefined, url.searchParams.get('sig') ?? undefined);
  if (!check.ok) throw new AuthRefusal(check.code, check.message);
  return { kind: 'link', importId, linkKind, exp: check.exp };
}

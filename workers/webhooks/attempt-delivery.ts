/**
 * One attempt of a webhook delivery: claimed (attempt n → n+1, so two messages for one attempt
 * post once), signed (signing.ts), posted with a 15 s timeout and without following redirects,
 * and recorded with its answer (status, timing, at most 1 KB of the body). A 2xx succeeds; a 410
 * disables the endpoint; anything else is retried on the schedule (retry-schedule.ts), honouring
 * Retry-After, until the last attempt fails or the endpoint has failed for 5 days (then disabled,
 * and its alert address told).
 */
import type { Env } from '../env.ts';
import { webhookMessage } from '../queue/messages.ts';
import { allowsPrivate, checkWebhookUrl } from './url-policy.ts';
import { signedHeaders } from './signing.ts';
import { signingSecrets, type EndpointRow } from './endpoints.ts';
import { parseRetryAfter, retryDelaySeconds } from './retry-schedule.ts';
import { disableEndpoint } from './disable-endpoint.ts';
import type { DeliveryRow } from './deliveries.ts';

export const ATTEMPT_TIMEOUT_MS = 15_000;
/** An attempt holds its delivery this long (the timeout and the recording fit well inside). */
export const ATTEMPT_LEASE_MS = 60_000;
export const MAX_RESPONSE_BODY_BYTES = 1024;
/** An endpoint failing this long (no success in between) is disabled. */
export const FAILING_DISABLE_MS = 5 * 86_400_000;

interface Answer {
  status: number | null;
  body: string | null;
  error: string | null;
  retryAfterS: number | null;
  durationMs: number;
}

/** Runs attempt `attempt + 1` of the delivery, if nobody has yet. */
export async function attemptDelivery(env: Env, deliveryId: string, attempt: number, now = Date.now()): Promise<void> {
  const at = new Date(now).toISOString();
  // The claim and the endpoint in one round trip.
  const [claim, endpoints] = await env.DB.batch([
    env.DB.prepare(
      `UPDATE webhook_deliveries SET attempt = attempt + 1, lease_until = ?3, last_attempt_at = ?4
       WHERE id = ?1 AND attempt = ?2 AND status = 'pending' AND (lease_until IS NULL OR lease_until < ?4) RETURNING *`,
    ).bind(deliveryId, attempt, new Date(now + ATTEMPT_LEASE_MS).toISOString(), at),
    env.DB.prepare('SELECT e.* FROM webhook_deliveries AS d JOIN webhook_endpoints AS e ON e.id = d.endpoint_id WHERE d.id = ?1').bind(deliveryId),
  ]);
  const claimed = (claim!.results as DeliveryRow[])[0];
  if (!claimed) return;
  await postAndRecord(env, claimed, (endpoints!.results as EndpointRow[])[0], now);
}

/**
 * Posts a claimed attempt (its `attempt` already counts it, its lease held) to the endpoint and
 * records the answer: success, the endpoint disabled, or the next attempt scheduled and queued.
 */
export async function postAndRecord(env: Env, claimed: DeliveryRow, endpoint: EndpointRow | undefined, now = Date.now()): Promise<void> {
  const at = new Date(now).toISOString();
  if (!endpoint || !endpoint.enabled) {
    await finish(env, claimed, at, { status: null, body: null, error: endpoint ? 'The endpoint is disabled.' : 'The endpoint was deleted.', retryAfterS: null, durationMs: 0 }, 'failed');
    return;
  }
  const allowed = checkWebhookUrl(endpoint.url, allowsPrivate(env));
  if (!allowed.ok) {
    await finish(env, claimed, at, { status: null, body: null, error: allowed.message, retryAfterS: null, durationMs: 0 }, 'failed');
    return;
  }
  const answer = await post(allowed.url, signingSecrets(endpoint, now), claimed, now);
  if (answer.status !== null && answer.status >= 200 && answer.status < 300) {
    await finish(env, claimed, at, answer, 'succeeded', null, [env.DB.prepare('UPDATE webhook_endpoints SET failing_since = NULL WHERE id = ?1 AND failing_since IS NOT NULL').bind(endpoint.id)]);
    return;
  }
  if (answer.status === 410) {
    await finish(env, claimed, at, answer, 'failed');
    await disableEndpoint(env, endpoint, 'GONE', 'It answered 410 Gone, which asks senders to stop.');
    return;
  }
  const failing = env.DB.prepare('UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, ?2) WHERE id = ?1').bind(endpoint.id, at);
  const failingSince = endpoint.failing_since ? Date.parse(endpoint.failing_since) : now;
  if (now - failingSince >= FAILING_DISABLE_MS) {
    await finish(env, claimed, at, answer, 'failed', null, [failing]);
    await disableEndpoint(env, endpoint, 'FAILING', 'Every delivery to it failed for 5 days.');
    return;
  }
  const delay = retryDelaySeconds(claimed.attempt, Math.random(), answer.retryAfterS);
  if (delay === null) {
    await finish(env, claimed, at, answer, 'failed', null, [failing]);
    return;
  }
  await finish(env, claimed, at, answer, 'pending', new Date(now + delay * 1000).toISOString(), [failing]);
  try {
    await env.EVENT_QUEUE.send(webhookMessage(claimed.workspace_id, claimed.id, claimed.attempt), { delaySeconds: delay });
  } catch {
    // Recorded pending with its next attempt due: the minute sweep queues it.
  }
}

/** Posts the body; never throws (a timeout or refused connection is an answer without a status). */
async function post(url: string, secrets: string[], d: DeliveryRow, now: number): Promise<Answer> {
  const started = Date.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...signedHeaders(secrets, d.event_id, new Date(now), d.body), 'content-type': 'application/json', 'user-agent': 'lead-import-webhooks/1' },
      body: d.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    const body = await firstBytes(res, MAX_RESPONSE_BODY_BYTES);
    return { status: res.status, body, error: null, retryAfterS: parseRetryAfter(res.headers.get('retry-after'), Date.now()), durationMs: Date.now() - started };
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    return { status: null, body: null, error: timedOut ? `No answer within ${ATTEMPT_TIMEOUT_MS / 1000} s.` : 'The connection failed.', retryAfterS: null, durationMs: Date.now() - started };
  }
}

/** At most `max` bytes of a response body as text; the rest is not read. */
async function firstBytes(res: Response, max: number): Promise<string | null> {
  if (!res.body) return null;
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  const all = new Uint8Array(Math.min(size, max));
  let at = 0;
  for (const p of parts) {
    const take = p.subarray(0, all.length - at);
    all.set(take, at);
    at += take.length;
    if (at >= all.length) break;
  }
  return new TextDecoder().decode(all);
}

/** Records the attempt and where the delivery stands now (the lease is released). */
async function finish(
  env: Env,
  d: DeliveryRow,
  at: string,
  answer: Answer,
  status: 'pending' | 'succeeded' | 'failed',
  nextAttemptAt: string | null = null,
  also: D1PreparedStatement[] = [],
): Promise<void> {
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO webhook_attempts (delivery_id, attempt, at, duration_ms, response_status, response_body, error) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
       ON CONFLICT (delivery_id, attempt) DO NOTHING`,
    ).bind(d.id, d.attempt, at, answer.durationMs, answer.status, answer.body, answer.error),
    env.DB.prepare(
      `UPDATE webhook_deliveries SET status = ?3, response_status = ?4, next_attempt_at = ?5, lease_until = NULL WHERE id = ?1 AND attempt = ?2`,
    ).bind(d.id, d.attempt, status, answer.status, nextAttemptAt),
    ...also,
  ]);
}

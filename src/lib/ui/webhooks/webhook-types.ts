/** The webhook resources as the typed API client answers them (no hand-written copies of the shapes). */
import type { InferResponseType } from 'hono/client';
import type { api } from '../api.ts';

type Webhooks = ReturnType<typeof api>['webhooks'];

export type Endpoint = InferResponseType<Webhooks['$get'], 200>['items'][number];
export type CreatedEndpoint = InferResponseType<Webhooks['$post'], 201>;
export type Delivery = InferResponseType<Webhooks[':id']['deliveries']['$get'], 200>['items'][number];

/** When a time is shown: date and time, in the person's zone. */
export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'medium' }) : '—');

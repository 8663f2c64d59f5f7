// A small typed message router: validate the payload with zod, check the
// sender, then call the handler. Pure: the caller wires it to
// `browser.runtime.onMessage` (see ./listen.ts).
import type { ZodMiniType, infer as zInfer } from 'zod/mini';
import { type Self, type SenderLike, type SenderPolicy, senderAllowed } from './sender';

export interface Route<S extends ZodMiniType = ZodMiniType> {
  schema: S;
  from: SenderPolicy;
  handle: (message: zInfer<S>, sender: SenderLike) => unknown;
}

/** Define a route with the handler's message type inferred from the schema. */
export function route<S extends ZodMiniType>(
  schema: S,
  from: SenderPolicy,
  handle: (message: zInfer<S>, sender: SenderLike) => unknown,
): Route<S> {
  return { schema, from, handle };
}

export type RouteResult = { ok: false; error: 'invalid-message' | 'handler-failed' } | unknown;

/**
 * Returns `null` when the message is not for this router (unknown `type`) or
 * comes from a sender the route does not accept — the listener then stays
 * silent. Otherwise a promise of the handler's response; malformed payloads
 * from accepted senders answer `{ ok: false, error: 'invalid-message' }`.
 */
export type Router = (raw: unknown, sender: SenderLike) => Promise<RouteResult> | null;

export function messageType(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const type = (raw as { type?: unknown }).type;
  return typeof type === 'string' ? type : null;
}

export function createRouter(self: () => Self, routes: Record<string, Route>): Router {
  return (raw, sender) => {
    const type = messageType(raw);
    if (type === null || !Object.hasOwn(routes, type)) return null;
    const r = routes[type]!;
    if (!senderAllowed(r.from, sender, self())) return null;
    const parsed = r.schema.safeParse(raw);
    if (!parsed.success) return Promise.resolve({ ok: false, error: 'invalid-message' });
    try {
      return Promise.resolve(r.handle(parsed.data, sender)).catch(() => ({
        ok: false,
        error: 'handler-failed',
      }));
    } catch {
      return Promise.resolve({ ok: false, error: 'handler-failed' });
    }
  };
}

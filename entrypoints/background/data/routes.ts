// All data routes, and a Router for them. A route open to content scripts AND extension pages is
// registered in two sender-checked tables (one per policy) with the same handler, so the shared
// `createRouter` (lib/messages/router) does every sender check and validation.
import { createRouter, type Route, type Router, route } from '../../../lib/messages/router';
import type { SenderPolicy } from '../../../lib/messages/sender';
import type { DataDeps, DataRoute } from './define';
import { annotationRoutes } from './routes/annotations';
import { caseRoutes } from './routes/cases';
import { otherRoutes } from './routes/other';

/** Every data route by message type, with the senders it accepts. */
export function createDataRoutes(deps: DataDeps): Record<string, DataRoute> {
  return { ...annotationRoutes(deps), ...caseRoutes(deps), ...otherRoutes(deps) };
}

/** The data routes a sender policy may call, as plain `Route`s for `createRouter`. */
export function dataRoutesFor(
  routes: Record<string, DataRoute>,
  policy: SenderPolicy,
): Record<string, Route> {
  const out: Record<string, Route> = {};
  for (const [type, r] of Object.entries(routes)) {
    if (r.from.includes(policy)) out[type] = route(r.schema, policy, r.handle);
  }
  return out;
}

/**
 * A Router for the data API: null (no answer) for other types and for senders a route does not
 * accept (web pages, other extensions, a content script calling an extension-page route);
 * `{ ok: false, error: 'invalid-message' }` for malformed payloads; otherwise the route's answer,
 * never a rejection.
 */
export function createDataRouter(deps: DataDeps): Router {
  const routes = createDataRoutes(deps);
  const fromContent = createRouter(deps.self, dataRoutesFor(routes, 'content-script'));
  const fromPages = createRouter(deps.self, dataRoutesFor(routes, 'extension-page'));
  return (raw, sender) => fromContent(raw, sender) ?? fromPages(raw, sender);
}

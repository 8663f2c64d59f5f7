// A data route: schema, the senders it accepts, and a handler that always answers (see errors.ts).
import type { ZodMiniType, infer as zInfer } from 'zod/mini';
import type { SagssporDB } from '../../../lib/db';
import type { Self, SenderLike, SenderPolicy } from '../../../lib/messages/sender';
import type { Appearance } from '../../../lib/model/records';
import { type Access, accessOf } from './access';
import { answer } from './errors';

export interface DataDeps {
  self: () => Self;
  /** The database (one per service-worker lifetime: `dataDb`). */
  db: () => SagssporDB;
  /** Toolbar badge: new appearances in a tab, and the total over all followed cases. */
  badge?: {
    showNew(tabId: number, count: number): Promise<void>;
    setTotal(total: number): Promise<void>;
  };
  /** System notification of new appearances (only called when the user enabled it). */
  notify?: (appearances: readonly Appearance[]) => Promise<void>;
  /** `navigator.storage.persist()` (lib/db `requestPersistence`). */
  persistence?: () => Promise<{ persisted: boolean; supported: boolean }>;
  now?: () => number;
}

export interface Ctx {
  db: SagssporDB;
  sender: SenderLike;
  access: Access;
  now: number;
}

export interface DataRoute<S extends ZodMiniType = ZodMiniType> {
  schema: S;
  /** Accepted if the sender matches any of these policies. */
  from: readonly SenderPolicy[];
  handle: (message: zInfer<S>, sender: SenderLike) => Promise<unknown>;
}

export const BOTH: readonly SenderPolicy[] = ['content-script', 'extension-page'];
export const PAGES: readonly SenderPolicy[] = ['extension-page'];
export const CONTENT: readonly SenderPolicy[] = ['content-script'];

export function defineData(deps: DataDeps) {
  return <S extends ZodMiniType>(
    schema: S,
    from: readonly SenderPolicy[],
    handle: (message: zInfer<S>, ctx: Ctx) => Promise<unknown>,
  ): DataRoute<S> => ({
    schema,
    from,
    handle: (message, sender) =>
      answer(() =>
        handle(message, {
          db: deps.db(),
          sender,
          access: accessOf(sender, deps.self()),
          now: deps.now?.() ?? Date.now(),
        }),
      ),
  });
}

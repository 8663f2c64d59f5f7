// What the content script needs from the background's data routes, as an
// interface (tests pass a fake), plus the runtime-message implementation.
import { AnnotationsResponse, requestData, TagsResponse } from '../messages/data';
import type { Annotation } from '../model/annotation';
import type { Write, WriteResult } from './queue';

export interface PageWhere {
  url: string;
  meetingKey: string | null;
}

export interface AnnotationClient {
  /** One write; resolves with the background's acknowledgement (never rejects). */
  write(write: Write): Promise<WriteResult>;
  /** Live annotations of the page (by canonical URL and meeting key); null when the background did not answer. */
  listForPage(where: PageWhere): Promise<Annotation[] | null>;
  /** Existing tags, most used first (autocomplete). */
  listTags(prefix?: string): Promise<string[]>;
  /** True when the "uninstalling deletes your data" notice was not shown yet. */
  shouldShowPersistNotice(): Promise<boolean>;
  markPersistNoticeShown(): Promise<void>;
}

/** Map a background answer to a write result. */
export function toWriteResult(reply: unknown): WriteResult {
  if (!reply || typeof reply !== 'object') return { ok: false, error: 'unavailable' };
  const r = reply as { ok?: unknown; error?: unknown };
  if (r.ok === true) return { ok: true };
  const error = typeof r.error === 'string' ? r.error : '';
  if (error === 'storage-full') return { ok: false, error: 'storage-full' };
  // Refused for good: retrying the same payload cannot succeed. ('not-found' for a delete/undo of a
  // record that does not exist: nothing to do.)
  if (error === 'invalid-message' || error === 'forbidden' || error === 'not-found')
    return { ok: false, error: 'invalid' };
  return { ok: false, error: 'unavailable' };
}

type Send = (message: unknown) => Promise<unknown>;

/** The message for one write (lib/messages/data.ts). */
export function writeMessage(w: Write): unknown {
  switch (w.kind) {
    case 'upsert':
      return { type: 'annotations/upsert', annotation: w.annotation };
    case 'delete':
      return { type: 'annotations/delete', id: w.id };
    case 'undo':
      return { type: 'annotations/undoDelete', id: w.id };
    case 'status':
      return { type: 'annotations/setStatus', ids: w.ids, status: w.status };
  }
}

/** The client over `browser.runtime.sendMessage` (passed in: lib stays free of extension APIs). */
export function createRuntimeClient(send: Send): AnnotationClient {
  const safeSend: Send = async (m) => {
    try {
      return await send(m);
    } catch {
      return undefined;
    }
  };
  return {
    async write(w) {
      return toWriteResult(await safeSend(writeMessage(w)));
    },
    async listForPage(where) {
      const r = await requestData(safeSend, {
        type: 'annotations/listForPage',
        url: where.url,
        meetingKey: where.meetingKey,
      });
      // Validated here too: a half-updated extension must not break the page.
      const parsed = AnnotationsResponse.safeParse(r);
      return parsed.success ? parsed.data.annotations : null;
    },
    async listTags(prefix = '') {
      const r = await requestData(safeSend, { type: 'annotations/listTags', prefix, limit: 500 });
      const parsed = TagsResponse.safeParse(r);
      return parsed.success ? parsed.data.tags.map((x) => x.tag) : [];
    },
    async shouldShowPersistNotice() {
      const r = await requestData(safeSend, { type: 'meta/get', key: 'persistNoticeShown' });
      return r.ok && typeof r.value === 'boolean' ? !r.value : false;
    },
    async markPersistNoticeShown() {
      await requestData(safeSend, { type: 'meta/set', key: 'persistNoticeShown', value: true });
    },
  };
}

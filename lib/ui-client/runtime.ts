// DataApi over the background's data routes (lib/messages/data.ts): one typed request each,
// `{ ok: false }` answers thrown as ClientError (backup file problems carry their `reason`).
import { browser } from 'wxt/browser';
import {
  type DataRequest,
  type DataSuccess,
  type DataType,
  requestData,
  TRANSFER_PART_CHARS,
} from '../messages/data';
import { ClientError, type DataApi } from './api';

export type SendFn = (message: unknown) => Promise<unknown>;

const runtimeSend: SendFn = (message) => browser.runtime.sendMessage(message);

export function createRuntimeApi(send: SendFn = runtimeSend): DataApi {
  async function call<T extends DataType>(message: DataRequest<T> & { type: T }): Promise<DataSuccess<T>> {
    const res = await requestData<T>(send, message as Parameters<typeof requestData<T>>[1]);
    if (res.ok === false) throw new ClientError(res.reason ?? res.error);
    return res as DataSuccess<T>;
  }
  return {
    getFlag: async (key) => (await call({ type: 'meta/get', key })).value,
    setFlag: async (key, value) => {
      await call({ type: 'meta/set', key, value });
    },
    listFollowed: async () => (await call({ type: 'follows/list' })).follows,
    follow: async (input) => {
      await call({ type: 'follows/follow', ...input });
    },
    unfollow: async (caseKey) => {
      await call({ type: 'follows/unfollow', caseKey });
    },
    undoUnfollow: async (caseKey) => {
      await call({ type: 'follows/undoUnfollow', caseKey });
    },
    markSeen: async (caseKey) => {
      await call({ type: 'follows/markSeen', caseKey });
    },
    caseTimeline: async (caseKey) => {
      const r = await call({ type: 'follows/timeline', caseKey });
      return { follow: r.follow, appearances: r.appearances, annotations: r.annotations };
    },
    topics: async () => (await call({ type: 'topics/list' })).topics,
    addTopic: async (kind, value) => {
      await call({ type: 'topics/add', kind, value });
    },
    removeTopic: async (id) => {
      await call({ type: 'topics/remove', id });
    },
    restoreTopic: async (id) => {
      await call({ type: 'topics/restore', id });
    },
    topicPunkter: async (id, limit = 500) => {
      const r = await call({ type: 'topics/punkter', id, limit });
      return { topic: r.topic, punkter: r.punkter };
    },
    search: async (query, limit = 50) => {
      const r = await call({ type: 'search/query', query: query.slice(0, 500), limit });
      return { annotations: r.annotations, punkter: r.punkter, truncated: r.truncated };
    },
    listAnnotations: async (filter, limit) => {
      const r = await call({ type: 'annotations/list', filter, limit });
      return { annotations: r.annotations, total: r.total };
    },
    listMeetings: async (limit = 10_000) => (await call({ type: 'meetings/list', limit })).meetings,
    listTags: async () => (await call({ type: 'annotations/listTags', prefix: '' })).tags,
    renameTag: async (from, to) => {
      const r = await call({ type: 'annotations/renameTag', from, to });
      return { changed: r.changed, undoToken: r.undoToken };
    },
    deleteTag: async (tag) => {
      const r = await call({ type: 'annotations/deleteTag', tag });
      return { changed: r.changed, undoToken: r.undoToken };
    },
    undoTagEdit: async (undoToken) => {
      await call({ type: 'annotations/undoBulkEdit', undoToken });
    },
    // Through the text, so a backup of any size can travel (in parts beyond one message's limit).
    exportBackup: async () => JSON.parse(await exportText()),
    exportBackupText: () => exportText(),
    backupStatus: async () => (await call({ type: 'backup/status' })).status,
    markBackupSaved: async () => (await call({ type: 'backup/markSaved' })).status,
    snoozeBackupReminder: async () => (await call({ type: 'backup/snooze' })).status,
    importBackup: async (text, dryRun) => {
      if (text.length <= TRANSFER_PART_CHARS)
        return (await call({ type: 'backup/import', data: text, dryRun })).summary;
      // In parts; once more from the start if the background lost them (service worker restarted).
      return retryOnce(async () => {
        const transfer = crypto.randomUUID();
        const count = Math.ceil(text.length / TRANSFER_PART_CHARS);
        for (let index = 0; index < count; index++) {
          const part = text.slice(index * TRANSFER_PART_CHARS, (index + 1) * TRANSFER_PART_CHARS);
          await call({ type: 'backup/importPart', transfer, index, count, text: part });
        }
        return (await call({ type: 'backup/import', transfer, dryRun })).summary;
      });
    },
  };

  async function exportText(): Promise<string> {
    return retryOnce(async () => {
      const r = await call({ type: 'backup/export', asText: true });
      if (typeof r.text === 'string') return r.text;
      if (r.backup) return JSON.stringify(r.backup);
      if (!r.transfer) throw new ClientError('failed');
      const parts: string[] = [];
      for (let index = 0; index < r.transfer.parts; index++) {
        parts.push((await call({ type: 'backup/exportPart', transfer: r.transfer.id, index })).text);
      }
      return parts.join('');
    });
  }
}

/** Runs `op` again once if the background answered 'not-found' (it lost a transfer's parts). */
async function retryOnce<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if (e instanceof ClientError && e.code === 'not-found') return op();
    throw e;
  }
}

// Topics, search, backup and settings. All but settings are for extension pages only.
import {
  addTopic,
  backupStatus,
  exportBackup,
  getMeta,
  importBackup,
  markBackupSaved,
  NotFoundError,
  punkterForTopic,
  removeTopic,
  restoreTopic,
  search,
  setMeta,
  snoozeBackupReminder,
  topicsWithCounts,
} from '../../../../lib/db';
import {
  AddTopicMessage,
  BackupSavedMessage,
  BackupSnoozeMessage,
  BackupStatusMessage,
  ExportBackupMessage,
  ExportPartMessage,
  GetMetaMessage,
  ImportBackupMessage,
  ImportPartMessage,
  ListTopicsMessage,
  PersistenceMessage,
  RemoveTopicMessage,
  RestoreTopicMessage,
  SearchMessage,
  SetMetaMessage,
  TopicPunkterMessage,
  TRANSFER_PART_CHARS,
} from '../../../../lib/messages/data';
import { changesOf, type WithChanges } from '../changes';
import { BOTH, type DataDeps, type DataRoute, defineData, PAGES } from '../define';
import { Transfers } from '../transfer';

export function otherRoutes(deps: DataDeps & WithChanges): Record<string, DataRoute> {
  const def = defineData(deps);
  // Large backups in parts (one message is capped at 64 MiB in Chromium): see transfer.ts.
  const transfers = new Transfers(() => deps.now?.() ?? Date.now());
  return {
    'topics/add': def(AddTopicMessage, PAGES, async (m, { db, now }) => ({
      ok: true,
      topic: await addTopic(db, m.kind, m.value, now),
    })),

    'topics/remove': def(RemoveTopicMessage, PAGES, async (m, { db, now }) => {
      if (!(await db.topics.get(m.id))) throw new NotFoundError('topic', m.id);
      await removeTopic(db, m.id, now);
      return { ok: true };
    }),

    'topics/restore': def(RestoreTopicMessage, PAGES, async (m, { db }) => {
      if (!(await db.topics.get(m.id))) throw new NotFoundError('topic', m.id);
      await restoreTopic(db, m.id);
      return { ok: true };
    }),

    'topics/list': def(ListTopicsMessage, PAGES, async (_m, { db }) => ({
      ok: true,
      topics: await topicsWithCounts(db),
    })),

    'topics/punkter': def(TopicPunkterMessage, PAGES, async (m, { db }) => {
      const topic = await db.topics.get(m.id);
      if (!topic || topic.deletedAt !== null) throw new NotFoundError('topic', m.id);
      return { ok: true, topic, punkter: await punkterForTopic(db, topic, m.limit ?? 500) };
    }),

    'search/query': def(SearchMessage, PAGES, async (m, { db }) => ({
      ok: true,
      ...(await search(db, m.query, { limit: m.limit ?? 50 })),
    })),

    'backup/export': def(ExportBackupMessage, PAGES, async (m, { db, now }) => {
      const backup = await exportBackup(db, now);
      if (!m.asText) return { ok: true, backup };
      const text = JSON.stringify(backup);
      if (text.length <= TRANSFER_PART_CHARS) return { ok: true, text };
      return { ok: true, transfer: transfers.stageDownload(text) };
    }),

    'backup/exportPart': def(ExportPartMessage, PAGES, async (m) => {
      const text = transfers.downloadPart(m.transfer, m.index);
      if (text === null) throw new NotFoundError('export', m.transfer);
      return { ok: true, text };
    }),

    'backup/importPart': def(ImportPartMessage, PAGES, async (m) => ({
      ok: true,
      received: transfers.putPart(m.transfer, m.index, m.count, m.text),
    })),

    'backup/status': def(BackupStatusMessage, PAGES, async (_m, { db, now }) => ({
      ok: true,
      status: await backupStatus(db, now),
    })),

    'backup/markSaved': def(BackupSavedMessage, PAGES, async (_m, { db, now }) => {
      await markBackupSaved(db, now);
      return { ok: true, status: await backupStatus(db, now) };
    }),

    'backup/snooze': def(BackupSnoozeMessage, PAGES, async (_m, { db, now }) => {
      await snoozeBackupReminder(db, now);
      return { ok: true, status: await backupStatus(db, now) };
    }),

    'backup/import': def(ImportBackupMessage, PAGES, async (m, { db }) => {
      let data = m.data;
      if (m.transfer) {
        data = transfers.takeUpload(m.transfer) ?? undefined;
        if (data === undefined) throw new NotFoundError('transfer', m.transfer);
      }
      if (data === undefined) throw new RangeError('No backup file: send data or transfer.');
      const summary = await importBackup(db, data, { dryRun: m.dryRun });
      // Open readers fetch their annotations again (which ones changed is not tracked: all).
      if (!summary.dryRun && summary.annotations.new + summary.annotations.updated > 0)
        changesOf(deps).changedAll();
      return { ok: true, summary };
    }),

    'meta/get': def(GetMetaMessage, BOTH, async (m, { db }) => ({
      ok: true,
      key: m.key,
      value: (await getMeta(db, m.key)) === true,
    })),

    'meta/set': def(SetMetaMessage, BOTH, async (m, { db }) => {
      await setMeta(db, m.key, m.value);
      return { ok: true, key: m.key, value: m.value };
    }),

    'meta/persistence': def(PersistenceMessage, BOTH, async () => {
      const status = (await deps.persistence?.()) ?? { persisted: false, supported: false };
      return { ok: true, persisted: status.persisted, supported: status.supported };
    }),
  };
}

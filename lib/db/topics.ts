// Followed topics (issue 4): a phrase, a committee or a KLE main group.

import type { PunktIndexRow } from '../model/records';
import { type Topic, TopicKind } from '../model/records';
import type { SagssporDB } from './db';
import { guarded, validate } from './errors';
import { normaliseName } from './keys';
import { queryTokens } from './text';

function normaliseValue(kind: TopicKind, value: string): string {
  return kind === 'kle' ? value.trim().slice(0, 2) : normaliseName(value);
}

/** Adds a topic (or restores a deleted one with the same kind and value). */
export async function addTopic(
  db: SagssporDB,
  kind: TopicKind,
  value: string,
  now = Date.now(),
  id: string = crypto.randomUUID(),
): Promise<Topic> {
  validate('topic kind', TopicKind, kind);
  const v = normaliseValue(kind, value);
  if (!v) throw new RangeError('empty topic');
  return guarded(() =>
    db.transaction('rw', db.topics, async () => {
      const existing = await db.topics.where('[kind+value]').equals([kind, v]).first();
      if (existing) {
        const next = { ...existing, deletedAt: null };
        await db.topics.put(next);
        return next;
      }
      const t: Topic = { id, kind, value: v, createdAt: now, deletedAt: null };
      await db.topics.add(t);
      return t;
    }),
  );
}

/** Soft-deletes a topic (undo with `restoreTopic`). */
export async function removeTopic(db: SagssporDB, id: string, now = Date.now()): Promise<void> {
  await guarded(() => db.topics.update(id, { deletedAt: now }));
}

export async function restoreTopic(db: SagssporDB, id: string): Promise<void> {
  await guarded(() => db.topics.update(id, { deletedAt: null }));
}

export async function listTopics(db: SagssporDB): Promise<Topic[]> {
  const rows = await guarded(() => db.topics.toArray());
  return rows.filter((t) => t.deletedAt === null).sort((a, b) => a.createdAt - b.createdAt);
}

/** Remembered punkter matching a topic, newest first, from indexes. */
export async function punkterForTopic(db: SagssporDB, topic: Topic, limit = 500): Promise<PunktIndexRow[]> {
  return guarded(async () => {
    let rows: PunktIndexRow[];
    if (topic.kind === 'kle') rows = await db.punktIndex.where('kleGroup').equals(topic.value).toArray();
    else if (topic.kind === 'committee') {
      rows = await db.punktIndex.where('committee').equalsIgnoreCase(topic.value).toArray();
    } else {
      const tokens = queryTokens(topic.value);
      if (!tokens.length) return [];
      const sets = await Promise.all(
        tokens.map(async (t) => new Set(await db.punktIndex.where('words').equals(t).primaryKeys())),
      );
      const [first, ...rest] = sets.sort((a, b) => a.size - b.size);
      const ids = [...first!].filter((id) => rest.every((s) => s.has(id)));
      const phrase = normaliseName(topic.value);
      rows = ((await db.punktIndex.bulkGet(ids)).filter(Boolean) as PunktIndexRow[]).filter((r) =>
        // A phrase of several words must occur as a phrase in the title.
        tokens.length > 1 ? normaliseName(r.title).includes(phrase) : true,
      );
    }
    return rows.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')).slice(0, limit);
  });
}

// Backups larger than one runtime message (Chromium refuses messages over 64 MiB) travel in parts.
import { describe, expect, it, vi } from 'vitest';
import { generateExportSource } from '../../../bench/export';
import { TRANSFER_TTL_MS, Transfers } from '../../../entrypoints/background/data/transfer';
import { TRANSFER_PART_CHARS } from '../../../lib/messages/data';
import { createRuntimeApi } from '../../../lib/ui-client/runtime';
import { dashboard, harness } from './helpers';

const ID = '00000000-0000-4000-8000-0000000000aa';

describe('Transfers', () => {
  it('joins the parts of an upload in order, once, whatever order they came in', () => {
    const t = new Transfers();
    expect(t.putPart(ID, 2, 3, 'c')).toBe(1);
    expect(t.putPart(ID, 0, 3, 'a')).toBe(2);
    expect(t.takeUpload(ID)).toBeNull(); // a part is missing: nothing, and forgotten
    t.putPart(ID, 2, 3, 'c');
    t.putPart(ID, 0, 3, 'a');
    expect(t.putPart(ID, 1, 3, 'b')).toBe(3);
    expect(t.putPart(ID, 1, 3, 'b')).toBe(3); // a repeated part counts once
    expect(t.takeUpload(ID)).toBe('abc');
    expect(t.takeUpload(ID)).toBeNull();
  });

  it('refuses parts that do not fit together', () => {
    const t = new Transfers();
    t.putPart(ID, 0, 2, 'a');
    expect(() => t.putPart(ID, 1, 3, 'b')).toThrow(RangeError);
    expect(t.takeUpload(ID)).toBeNull();
    expect(() => t.putPart(ID, 3, 3, 'x')).toThrow(RangeError);
  });

  it('stages a download in parts and forgets it after the last part or after a while', () => {
    let now = 0;
    const t = new Transfers(() => now);
    const text = 'x'.repeat(TRANSFER_PART_CHARS * 2 + 5);
    const staged = t.stageDownload(text, ID);
    expect(staged).toEqual({ id: ID, parts: 3 });
    expect(t.downloadPart(ID, 0)?.length).toBe(TRANSFER_PART_CHARS);
    expect(t.downloadPart(ID, 2)).toBe('xxxxx');
    expect(t.downloadPart(ID, 1)).toBeNull(); // the last part was taken: forgotten
    t.stageDownload('abc', ID);
    t.putPart(ID, 0, 2, 'a');
    now = TRANSFER_TTL_MS + 1;
    expect(t.downloadPart(ID, 0)).toBeNull();
    t.putPart(ID, 1, 2, 'b');
    expect(t.takeUpload(ID)).toBeNull(); // part 0 expired with the rest
  });
});

describe('backup of any size through the data API', () => {
  it('exports and imports a backup longer than one message in parts, and the data arrives whole', async () => {
    const src = harness();
    const dst = harness();
    const sent: Array<{ type: string; size: number }> = [];
    const api = (h: ReturnType<typeof harness>) =>
      createRuntimeApi(async (message) => {
        sent.push({ type: (message as { type: string }).type, size: JSON.stringify(message).length });
        return h.send(message, dashboard);
      });
    const data = generateExportSource(8000, 400);
    const seedText = JSON.stringify({
      format: 'sagsspor-backup',
      version: 1,
      exportedAt: new Date(0).toISOString(),
      ...data,
      topics: [],
    });
    expect(seedText.length).toBeGreaterThan(TRANSFER_PART_CHARS);

    const dry = await api(src).importBackup(seedText, true);
    expect(dry.annotations.new).toBe(8000);
    expect(await src.db.annotations.count()).toBe(0);
    expect(sent.filter((s) => s.type === 'backup/importPart')).toHaveLength(2);
    await api(src).importBackup(seedText, false);
    expect(await src.db.annotations.count()).toBe(8000);

    sent.length = 0;
    const text = await api(src).exportBackupText();
    expect(sent.map((s) => s.type)).toEqual(['backup/export', 'backup/exportPart', 'backup/exportPart']);
    const summary = await api(dst).importBackup(text, false);
    expect(summary.annotations).toEqual({ new: 8000, updated: 0, unchanged: 0, invalid: 0 });
    expect(summary.meetings.new).toBe(400);
    // No single message came near the limit.
    expect(Math.max(...sent.map((s) => s.size))).toBeLessThan(3 * TRANSFER_PART_CHARS);
    const back = await api(dst).exportBackup();
    expect(back.annotations).toEqual(JSON.parse(text).annotations);
  }, 60_000);

  it('sends the parts again when the background lost them (service worker restarted)', async () => {
    const h = harness();
    let drop = true;
    const api = createRuntimeApi(async (message) => {
      const m = message as { type: string };
      // The first time, the background "restarts" before the import: its parts are gone.
      if (m.type === 'backup/import' && drop) {
        drop = false;
        return { ok: false, error: 'not-found', message: 'No transfer' };
      }
      return h.send(message, dashboard);
    });
    const big = JSON.stringify({
      format: 'sagsspor-backup',
      version: 1,
      exportedAt: new Date(0).toISOString(),
      annotations: [],
      meetings: [],
      appearances: [],
      follows: [],
      topics: [],
      padding: 'x'.repeat(TRANSFER_PART_CHARS),
    });
    const summary = await api.importBackup(big, true);
    expect(summary.dryRun).toBe(true);
    expect(drop).toBe(false);
  });

  it('a missing part or an unknown transfer is a clear error, and nothing is written', async () => {
    const h = harness();
    const res = await h.send({ type: 'backup/import', transfer: ID, dryRun: false }, dashboard);
    expect(res).toMatchObject({ ok: false, error: 'not-found' });
    await h.send(
      { type: 'backup/importPart', transfer: ID, index: 0, count: 2, text: '{"format":' },
      dashboard,
    );
    expect(await h.send({ type: 'backup/import', transfer: ID, dryRun: false }, dashboard)).toMatchObject({
      ok: false,
      error: 'not-found',
    });
    expect(await h.send({ type: 'backup/exportPart', transfer: ID, index: 0 }, dashboard)).toMatchObject({
      ok: false,
      error: 'not-found',
    });
    expect(await h.db.annotations.count()).toBe(0);
    vi.restoreAllMocks();
  });
});

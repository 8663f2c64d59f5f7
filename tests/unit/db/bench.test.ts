import { describe, expect, it } from 'vitest';
import { benchDb } from '../../../bench/db';

describe('benchDb (smoke, small data set on fake-indexeddb)', () => {
  it('runs and reports every figure', async () => {
    const r = await benchDb({ annotations: 1000, meetings: 50, follows: 50, reps: 3 });
    console.log('db bench (1,000 annotations, fake-indexeddb):', r);
    for (const key of [
      'search_ms_fake_idb',
      'list_for_page_ms_fake_idb',
      'list_followed_500_ms_fake_idb',
      'list_tags_ms_fake_idb',
      'upsert_ms_fake_idb',
    ]) {
      expect(r[key], key).toBeGreaterThan(0);
    }
    expect(r.list_for_page_count).toBe(20);
  });
});

// The popup's "Følg sag" keys the case exactly as the background keys the remembered meeting, so a
// follow made in the popup meets the appearances recorded on visits (same municipality, case key).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { rememberMeeting } from '../../../lib/db';
import { parseDocument } from '../../../lib/minutes';
import { followInputOf } from '../../../lib/ui-client/follow';
import { freshDb } from '../db/helpers';
import { fixtureHtml, htmlDoc, manifest } from '../minutes/helpers';

describe('followInputOf', () => {
  const pages = manifest()
    .filter((e) => e.truth.isMinutes && !e.file.includes('drupal'))
    .slice(0, 4);

  it.each(pages.map((p) => [p.file, p] as const))(
    '%s: same case keys as rememberMeeting',
    async (_f, entry) => {
      const result = parseDocument(htmlDoc(fixtureHtml(entry.file), entry.url), entry.url);
      if (!result.isMinutes || !result.meeting) return;
      const meeting = result.meeting;
      const db = await freshDb();
      await rememberMeeting(db, { meeting, url: entry.url });
      const stored = await db.meetings.toArray();
      expect(stored).toHaveLength(1);
      const byNumber = new Map(stored[0]!.punkter.map((p) => [p.number, p]));
      for (const p of meeting.punkter) {
        const input = followInputOf(meeting, entry.url, p)!;
        expect(input.caseKey, `punkt ${p.number}`).toBe(byNumber.get(p.number)?.caseKey);
        expect(input.municipality).toBe(stored[0]!.municipality);
      }
    },
  );
});

import { describe, expect, it, vi } from 'vitest';
import { Follower } from '../../../entrypoints/reader.content/follower';
import type { Meeting } from '../../../lib/model/minutes';

const punkt = (number: number, caseNumber: string | null) => ({
  number,
  title: `Punkt ${number}`,
  printedTitle: `Punkt ${number}`,
  prefixes: [],
  caseNumber,
  case: null,
  closed: false,
  decision: 'Godkendt.',
  sections: [
    { kind: 'beslutning' as const, heading: 'Beslutning', text: 'Godkendt. Lang sagstekst', dom: null },
  ],
  attachments: [],
  history: [],
  upcoming: [],
  deepLink: null,
  dom: null,
});

const meeting: Meeting = {
  municipality: 'Ballerup',
  committee: 'Økonomiudvalget',
  date: '2023-06-06',
  time: null,
  place: null,
  participants: [],
  absent: [],
  kind: 'referat',
  sourceUrl: 'https://dagsorden.ballerup.dk/meeting/1',
  punkter: [punkt(1, '24.00.00-G01-16-23'), punkt(2, '24.00.00-G01-16-23'), punkt(3, null)],
};

/** Cases the background says are followed (followed or unfollowed elsewhere, in the tests). */
const followedElsewhere = new Set<string>();

function backend() {
  followedElsewhere.clear();
  const sent: Record<string, unknown>[] = [];
  const send = vi.fn(async (m: unknown) => {
    const msg = m as Record<string, unknown>;
    sent.push(msg);
    switch (msg.type) {
      case 'meetings/remember':
        return {
          ok: true,
          stored: true,
          meetingKey: 'ballerup|økonomiudvalget|2023-06-06',
          isNewMeeting: true,
          punkter: [
            {
              number: 1,
              caseKey: 'ballerup:24.00.00-G01-16-23',
              followed: false,
              topics: ['t1'],
              newCount: 0,
            },
            { number: 2, caseKey: 'ballerup:24.00.00-G01-16-23', followed: false, topics: [], newCount: 1 },
            { number: 3, caseKey: 'ballerup:x#3', followed: false, topics: [], newCount: 0 },
          ],
          topics: [{ id: 't1', kind: 'kle', value: '24', createdAt: 1, deletedAt: null }],
          newAppearances: [],
          newCount: 1,
          totalNew: 1,
        };
      case 'follows/follow':
      case 'follows/unfollow':
        return { ok: true, follow: {} };
      case 'follows/status':
        return { ok: true, followed: (msg.caseKeys as string[]).filter((k) => followedElsewhere.has(k)) };
      default:
        return { ok: false, error: 'invalid-message' };
    }
  });
  return { send, sent };
}

describe('Follower (reader side of following)', () => {
  it('remembers a meeting once, as metadata only', async () => {
    const { send, sent } = backend();
    const f = new Follower(send, () => {});
    await f.remember(meeting, 'https://dagsorden.ballerup.dk/meeting/1', 'aabendagsorden');
    await f.remember(meeting, 'https://dagsorden.ballerup.dk/meeting/1', 'aabendagsorden');
    expect(sent.filter((m) => m.type === 'meetings/remember')).toHaveLength(1);
    const body = JSON.stringify(sent[0]);
    expect(body).not.toContain('Lang sagstekst'); // no section texts leave the page
    expect(f.state.flags.get(2)?.newCount).toBe(1);
    expect(f.topicLabels(1, (t) => `KLE ${t.value}`)).toEqual(['KLE 24']);
  });

  it('follows a punkt by meeting key and number, and flags every punkt of the same case', async () => {
    const { send, sent } = backend();
    const changes = vi.fn();
    const f = new Follower(send, changes);
    await f.remember(meeting, 'https://dagsorden.ballerup.dk/meeting/1', null);
    expect(await f.toggle(1, true)).toBe(true);
    expect(sent.at(-1)).toEqual({
      type: 'follows/follow',
      meetingKey: 'ballerup|økonomiudvalget|2023-06-06',
      punktNumber: 1,
    });
    expect(f.state.flags.get(1)?.followed).toBe(true);
    expect(f.state.flags.get(2)?.followed).toBe(true);
    expect(f.state.flags.get(3)?.followed).toBe(false);
    expect(await f.toggle(2, false)).toBe(true);
    expect(sent.at(-1)).toEqual({ type: 'follows/unfollow', caseKey: 'ballerup:24.00.00-G01-16-23' });
    expect(f.state.flags.get(1)?.followed).toBe(false);
    expect(changes).toHaveBeenCalled();
  });

  it('follows what was followed or unfollowed elsewhere (popup, dashboard, another tab)', async () => {
    const { send, sent } = backend();
    const changes = vi.fn();
    const f = new Follower(send, changes);
    await f.remember(meeting, 'https://dagsorden.ballerup.dk/meeting/1', null);
    changes.mockClear();
    followedElsewhere.add('ballerup:24.00.00-G01-16-23');
    await f.refreshFollowed(['ballerup:other', 'ballerup:24.00.00-G01-16-23']);
    // Only this page's cases are asked about.
    expect(sent.at(-1)).toEqual({ type: 'follows/status', caseKeys: ['ballerup:24.00.00-G01-16-23'] });
    expect([1, 2, 3].map((n) => f.state.flags.get(n)?.followed)).toEqual([true, true, false]);
    expect(changes).toHaveBeenCalledTimes(1);
    followedElsewhere.clear();
    await f.refreshFollowed(null);
    expect([1, 2, 3].map((n) => f.state.flags.get(n)?.followed)).toEqual([false, false, false]);
    const asked = sent.length;
    await f.refreshFollowed(['ballerup:other']); // not on this page: nothing to ask
    expect(sent).toHaveLength(asked);
  });

  it('stores nothing for a page without punkter and survives a background that does not answer', async () => {
    const send = vi.fn(async () => undefined);
    const f = new Follower(send, () => {});
    await f.remember({ ...meeting, punkter: [] }, 'https://x.dk/', null);
    expect(send).not.toHaveBeenCalled();
    await f.remember(meeting, 'https://x.dk/', null);
    expect(f.state.error).toBe(true);
    expect(await f.toggle(1, true)).toBe(false);
  });
});

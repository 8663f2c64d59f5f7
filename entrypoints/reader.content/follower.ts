// Issue 4 on the page: remember every recognised meeting (metadata only) in
// the background, and let the user follow a punkt's case from the outline.
// The background answers with per-punkt flags (followed, topic matches, new
// appearances), which the outline shows.
import { type DataResponse, type PunktFlags, requestData, slimMeeting } from '../../lib/messages/data';
import type { Meeting, Platform } from '../../lib/model/minutes';
import type { Topic } from '../../lib/model/records';

export type Send = (message: unknown) => Promise<unknown>;

export interface FollowState {
  flags: ReadonlyMap<number, PunktFlags>;
  topics: ReadonlyMap<string, Topic>;
  busy: ReadonlySet<number>;
  error: boolean;
}

export class Follower {
  private key = '';
  private meetingKey: string | null = null;
  private flags = new Map<number, PunktFlags>();
  private topics = new Map<string, Topic>();
  private busy = new Set<number>();
  private error = false;

  constructor(
    private readonly send: Send,
    private readonly onChange: () => void,
  ) {}

  get state(): FollowState {
    return { flags: this.flags, topics: this.topics, busy: this.busy, error: this.error };
  }

  /** Remember the page's meeting once per URL and punkt list; no-op when unchanged. */
  async remember(meeting: Meeting | null, url: string, platform: Platform | null): Promise<void> {
    if (!meeting || meeting.punkter.length === 0) return;
    const slim = slimMeeting(meeting);
    const key = `${url}\n${JSON.stringify(slim)}`;
    if (key === this.key) return;
    this.key = key;
    const res = await requestData(this.send, { type: 'meetings/remember', url, platform, meeting: slim });
    if (key !== this.key) return; // the page moved on meanwhile
    if (!res.ok) {
      this.error = true;
      this.onChange();
      return;
    }
    this.error = false;
    this.meetingKey = res.stored ? res.meetingKey : null;
    this.flags = new Map(res.punkter.map((f) => [f.number, f]));
    this.topics = new Map(res.topics.map((tp) => [tp.id, tp]));
    this.onChange();
  }

  /** Follow or unfollow the case of punkt `number`. */
  async toggle(number: number, follow: boolean): Promise<boolean> {
    const flag = this.flags.get(number);
    if (!flag || !this.meetingKey || this.busy.has(number)) return false;
    this.busy.add(number);
    this.onChange();
    let res: DataResponse<'follows/follow'> | DataResponse<'follows/unfollow'>;
    try {
      res = follow
        ? await requestData(this.send, {
            type: 'follows/follow',
            meetingKey: this.meetingKey,
            punktNumber: number,
          })
        : await requestData(this.send, { type: 'follows/unfollow', caseKey: flag.caseKey });
    } finally {
      this.busy.delete(number);
    }
    if (res.ok) {
      // Every punkt of the same case (a case can recur on one page) changes together.
      for (const [n, f] of this.flags) {
        if (f.caseKey === flag.caseKey) this.flags.set(n, { ...f, followed: follow });
      }
    }
    this.error = !res.ok;
    this.onChange();
    return res.ok;
  }

  /**
   * A case was followed or unfollowed elsewhere (popup, dashboard, another tab): asks the
   * background which of this page's cases are followed now (`caseKeys` null: any of them).
   */
  async refreshFollowed(caseKeys: readonly string[] | null): Promise<void> {
    const mine = [...new Set([...this.flags.values()].map((f) => f.caseKey))];
    const asked = caseKeys === null ? mine : mine.filter((k) => caseKeys.includes(k));
    if (!asked.length) return;
    const flags = this.flags;
    const res = await requestData(this.send, { type: 'follows/status', caseKeys: asked });
    if (!res.ok || flags !== this.flags) return; // failed, or the page moved on meanwhile
    const followed = new Set(res.followed);
    let changed = false;
    for (const [n, f] of this.flags) {
      if (!asked.includes(f.caseKey) || this.busy.has(n)) continue;
      const on = followed.has(f.caseKey);
      if (f.followed !== on) {
        this.flags.set(n, { ...f, followed: on });
        changed = true;
      }
    }
    if (changed) this.onChange();
  }

  /** Topic labels for a punkt's flags. */
  topicLabels(number: number, label: (topic: Topic) => string): string[] {
    const ids = this.flags.get(number)?.topics ?? [];
    return ids.flatMap((id) => {
      const tp = this.topics.get(id);
      return tp ? [label(tp)] : [];
    });
  }
}

import type { ModelResponse, TabSummary } from '../../lib/messages/schemas';
import type { ParseResult } from '../../lib/model/minutes';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the badge (and later the DB) gets about a recognised page. */
export function toTabSummary(result: ParseResult, url: string): TabSummary | null {
  const m = result.meeting;
  if (!result.isMinutes || !m || m.punkter.length === 0) return null;
  return {
    punktCount: m.punkter.length,
    committee: m.committee,
    date: m.date && ISO_DATE.test(m.date) ? m.date : null,
    municipality: m.municipality,
    kind: m.kind,
    platform: result.platform,
    url,
  };
}

/**
 * recognised: minutes with punkter. not-recognised: looks like minutes (the
 * parser says "no-punkter", or the detector still finds it likely) but no
 * punkter came out. idle: not minutes — the panel stays away.
 */
export function statusOf(result: ParseResult | null, looksLikeMinutes: boolean): ModelResponse['status'] {
  if (result?.isMinutes && (result.meeting?.punkter.length ?? 0) > 0) return 'recognised';
  if (looksLikeMinutes || result?.isMinutes || result?.reason === 'no-punkter') return 'not-recognised';
  return 'idle';
}

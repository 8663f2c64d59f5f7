// Narrow everything the database holds to one export: a meeting, a case, a tag, or all of it.
import type { Annotation } from '../model/annotation';
import type { Appearance, MeetingRecord } from '../model/records';
import { annotationCaseKey, compareMeetings } from './shared';
import type { ExportBundle, ExportLang, ExportScope, ExportSource, ScopeRequest } from './types';

export interface SelectOptions {
  /** `generatedAt` of the bundle; default Date.now(). */
  now?: number;
  /** Language of generated labels ("Alle noter" / "All notes"). Default 'da'. */
  lang?: ExportLang;
}

/** Tags compare case- and normalisation-insensitively ("Klima" = "klima"). */
export function normaliseTag(tag: string): string {
  return tag.normalize('NFC').trim().toLowerCase();
}

export function meetingLabel(m: MeetingRecord): string {
  return [m.municipality, m.committee, m.date].filter(Boolean).join(' — ') || m.key;
}

/** Title and case number of a case, from its follow, its latest appearance or a remembered punkt. */
export function caseTitle(
  key: string,
  src: Pick<ExportSource, 'follows' | 'appearances' | 'meetings'>,
  annotations: readonly Annotation[] = [],
): { title: string; caseNumber: string | null } {
  const follow = src.follows?.find((f) => f.caseKey === key);
  let title = follow?.title ?? '';
  let caseNumber = follow?.caseNumber ?? null;
  const punkter = [...src.meetings]
    .sort(compareMeetings)
    .reverse()
    .flatMap((m) => m.punkter.filter((p) => p.caseKey === key));
  if (!caseNumber) caseNumber = punkter.find((p) => p.caseNumber)?.caseNumber ?? null;
  if (!caseNumber) caseNumber = annotations.find((a) => a.page.caseNumber)?.page.caseNumber ?? null;
  if (!title) title = punkter[0]?.title ?? '';
  if (!title) {
    const latest = [...(src.appearances ?? [])]
      .filter((a) => a.caseKey === key && a.title)
      .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : -1))[0];
    title = latest?.title ?? '';
  }
  return { title, caseNumber };
}

const ALL_LABEL = { da: 'Alle noter', en: 'All notes' };
const TAG_LABEL = { da: 'Mærkat', en: 'Tag' };

/**
 * The bundle for a scope. Soft-deleted annotations are always left out, and so are unfollowed cases.
 * - meeting: that meeting (every punkt), its annotations, the appearances in it, follows of its cases;
 * - case: the meetings where the case was treated or annotated, its annotations, appearances and follow;
 * - tag: annotations with the tag (case-insensitive) and their meetings;
 * - all: everything.
 */
export function selectBundle(
  all: ExportSource,
  request: ScopeRequest,
  opts: SelectOptions = {},
): ExportBundle {
  const lang = opts.lang ?? 'da';
  const generatedAt = opts.now ?? Date.now();
  const live = all.annotations.filter((a) => a.deletedAt == null);
  const follows = (all.follows ?? []).filter((f) => f.unfollowedAt == null);
  const appearances = all.appearances ?? [];
  const meetingsOf = (
    annotations: readonly Annotation[],
    extra: (m: MeetingRecord) => boolean = () => false,
  ) => {
    const keys = new Set(annotations.map((a) => a.page.meetingKey).filter((k): k is string => !!k));
    return all.meetings.filter((m) => keys.has(m.key) || extra(m));
  };

  switch (request.kind) {
    case 'meeting': {
      const meeting = all.meetings.find((m) => m.key === request.key);
      const annotations = live.filter((a) => a.page.meetingKey === request.key);
      const caseKeys = new Set(meeting?.punkter.map((p) => p.caseKey) ?? []);
      const scope: ExportScope = {
        kind: 'meeting',
        key: request.key,
        label: meeting ? meetingLabel(meeting) : request.key,
      };
      return {
        meetings: meeting ? [meeting] : [],
        annotations,
        follows: follows.filter((f) => caseKeys.has(f.caseKey)),
        appearances: appearances.filter((a) => a.meetingKey === request.key),
        generatedAt,
        scope,
      };
    }
    case 'case': {
      const annotations = live.filter((a) => annotationCaseKey(a) === request.key);
      const caseAppearances: Appearance[] = appearances.filter((a) => a.caseKey === request.key);
      const meetings = meetingsOf(annotations, (m) => m.punkter.some((p) => p.caseKey === request.key));
      const { title, caseNumber } = caseTitle(request.key, { follows, appearances, meetings }, annotations);
      const label = caseNumber ? `${title || caseNumber} (${caseNumber})` : title || request.key;
      return {
        meetings,
        annotations,
        follows: follows.filter((f) => f.caseKey === request.key),
        appearances: caseAppearances,
        generatedAt,
        scope: { kind: 'case', key: request.key, label },
      };
    }
    case 'tag': {
      const wanted = normaliseTag(request.tag);
      const annotations = live.filter((a) => a.tags.some((t) => normaliseTag(t) === wanted));
      return {
        meetings: meetingsOf(annotations),
        annotations,
        follows: [],
        appearances: [],
        generatedAt,
        scope: { kind: 'tag', key: request.tag, label: `${TAG_LABEL[lang]} ${request.tag}` },
      };
    }
    case 'all':
      return {
        meetings: [...all.meetings],
        annotations: live,
        follows,
        appearances: [...appearances],
        generatedAt,
        scope: { kind: 'all', label: ALL_LABEL[lang] },
      };
  }
}

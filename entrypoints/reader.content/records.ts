// Building annotation records on the content side (the background validates them again).
import { caseKeyOf, municipalityKey, municipalityOf, normaliseName } from '../../lib/db/keys';
import { pageRefOf } from '../../lib/db/meetings';
import type {
  Annotation,
  AnnotationColor,
  AnnotationPage,
  Motivation,
  PunktTarget,
} from '../../lib/model/annotation';
import type { Meeting } from '../../lib/model/minutes';
import type { Target } from '../../lib/model/selectors';

const TRACKING = /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|igshid|yclid|ref_src)$/i;

/** lib/db's canonicalUrl without spreading URLSearchParams iterators (see `pageRef`). */
export function canonicalUrlCompat(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim();
  }
  u.hash = '';
  const names: string[] = [];
  u.searchParams.forEach((_v, name) => {
    names.push(name);
  });
  for (const name of names) if (TRACKING.test(name)) u.searchParams.delete(name);
  if (u.search === '?') u.search = '';
  return u.toString();
}

/**
 * `pageRefOf` (lib/db), keyed exactly as the background keys meetings. In
 * Firefox content scripts lib/db's canonicalUrl throws ("searchParams.keys()
 * is not iterable": a URL iterator cannot be spread there); until it is fixed
 * there, the same keys are computed with `forEach` (a unit test keeps both equal).
 */
export function pageRef(meeting: Meeting, url: string, punktNumber: number | null): AnnotationPage {
  try {
    return pageRefOf(meeting, url, punktNumber);
  } catch {
    return pageRefCompat(meeting, url, punktNumber);
  }
}

export function pageRefCompat(meeting: Meeting, url: string, punktNumber: number | null): AnnotationPage {
  const canonical = canonicalUrlCompat(url);
  const municipality = municipalityOf(meeting.municipality, url);
  const meetingKey =
    meeting.committee?.trim() && meeting.date
      ? `${municipalityKey(municipality)}|${normaliseName(meeting.committee)}|${meeting.date}`
      : `url:${canonical}`;
  const p = punktNumber === null ? undefined : meeting.punkter.find((x) => x.number === punktNumber);
  const caseNumber = p?.caseNumber ?? null;
  return {
    url: canonical,
    municipality,
    meetingKey,
    punktNumber,
    caseNumber,
    caseKey: punktNumber === null ? null : caseKeyOf(municipality, caseNumber, meetingKey, punktNumber),
  };
}

export type TextAnnotation = Annotation & { target: Target };

export function isTextAnnotation(a: Annotation): a is TextAnnotation {
  return a.target.selectors.length === 2;
}

/** A note makes it a comment; tags alone (or a whole punkt) a tagging; else a highlight. */
export function motivationOf(note: string, tags: readonly string[], text: boolean): Motivation {
  if (note.trim()) return 'commenting';
  if (tags.length > 0 || !text) return 'tagging';
  return 'highlighting';
}

export interface Content {
  color: AnnotationColor;
  note: string;
  tags: string[];
}

interface Made {
  id: string;
  now: number;
}

/** A text annotation: the described selection in punkt `target.scope`. */
export function textAnnotation(
  meeting: Meeting,
  url: string,
  target: Target,
  c: Content,
  made: Made,
): Annotation {
  return {
    id: made.id,
    page: pageRef(meeting, url, target.scope?.punktNumber ?? null),
    target,
    motivation: motivationOf(c.note, c.tags, true),
    color: c.color,
    note: c.note,
    tags: c.tags,
    quote: target.selectors[0].exact,
    created: made.now,
    modified: made.now,
    status: 'anchored',
    deletedAt: null,
  };
}

/** A note or tags on a whole punkt: the punkt's scope, no selectors, no quote. */
export function punktAnnotation(
  meeting: Meeting,
  url: string,
  meetingKey: string | null,
  n: number,
  c: Content,
  made: Made,
): Annotation | null {
  const punkt = meeting.punkter.find((p) => p.number === n);
  if (!punkt) return null;
  const target: PunktTarget = {
    scope: {
      ...(meetingKey ? { meetingKey } : {}),
      punktNumber: n,
      caseNumber: punkt.caseNumber,
      sectionKind: null,
      sectionIndex: null,
    },
    selectors: [],
  };
  return {
    id: made.id,
    page: pageRef(meeting, url, n),
    target,
    motivation: motivationOf(c.note, c.tags, false),
    color: c.color,
    note: c.note,
    tags: c.tags,
    quote: '',
    created: made.now,
    modified: made.now,
    status: 'anchored',
    deletedAt: null,
  };
}

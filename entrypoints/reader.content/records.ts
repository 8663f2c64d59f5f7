// Building annotation records on the content side (the background validates them again).
import { pageRefOf } from '../../lib/db/meetings';
import type { Annotation, AnnotationColor, Motivation, PunktTarget } from '../../lib/model/annotation';
import type { Meeting } from '../../lib/model/minutes';
import type { Target } from '../../lib/model/selectors';

/** The annotation's page, keyed exactly as the background keys meetings (lib/db, Dexie-free part). */
export const pageRef = pageRefOf;

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

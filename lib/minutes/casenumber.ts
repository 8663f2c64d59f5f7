// Case numbers ("sagsnumre") as printed by Danish ESDH systems.
//   24.00.00-G01-16-23      KLE-facet-serial-yy          (format 'kle')
//   23-5-85.10.00-P07       yy-serial-KLE-facet          (format 'kle-prefixed')
//   22/18533, 2022/18533    yy/serial                    (format 'year-serial')
//   anything else after a "Sagsnr." label               (format 'other')
import type { CaseNumber } from '../model/minutes';

const KLE = String.raw`\d{2}\.\d{2}(?:\.\d{2})?`;
const FACET = String.raw`[A-ZÆØÅ]\d{2}`;

const KLE_FULL = new RegExp(
  String.raw`^(${KLE})(?:\s*-\s*(${FACET}))?(?:\s*-\s*(\d+)\s*-\s*(\d{2}|\d{4}))?$`,
);
const KLE_PREFIXED = new RegExp(String.raw`^(\d{2}|\d{4})\s*-\s*(\d+)\s*-\s*(${KLE})(?:\s*-\s*(${FACET}))?$`);
const YEAR_SERIAL = /^(\d{2}|\d{4})\s*[/-]\s*(\d{2,8})$/;
const PREFIXED_YEAR_SERIAL = /^[A-ZÆØÅ]{1,4}[-\s]?(\d{4})\s*-\s*(\d{2,8})$/;

/** Finds case-number-shaped substrings (used on unlabeled lines and in headings). */
export const CASE_NUMBER_PATTERN = new RegExp(
  String.raw`(?:\b\d{2}-\d{1,8}-${KLE}(?:-${FACET})?\b)|(?:\b${KLE}-${FACET}(?:-\d{1,8}-\d{2,4})?\b)|(?:(?<![\d/.])\d{2}/\d{3,8}\b(?![/.]\d))`,
);

/** "Sagsnr.: X", "Sagsnummer X", "Sag nr. X", "J.nr. X", "Journalnr.: X". */
export const CASE_LABEL =
  /^(?:sags?\s*-?\s*nr\.?|sags?nummer|sag\s+nr\.?|j\.\s?nr\.?|journal\s*-?\s*nr\.?|journalnummer|dok\.?\s*nr\.?|esdh(?:-nr\.?)?|acadre(?:-nr\.?)?)\s*:?\s*/i;

function year(y: string): number {
  const n = Number(y);
  return n < 100 ? 2000 + n : n;
}

/** Normalised form for matching across meetings: uppercase, no spaces. */
export function normaliseCaseNumber(raw: string): string {
  return raw.replace(/\s+/g, '').replace(/–/g, '-').toUpperCase();
}

/** Parse a printed case number into its parts (never throws). */
export function parseCaseNumber(printed: string): CaseNumber {
  const raw = printed.trim();
  const n = normaliseCaseNumber(raw);
  const base = { raw, normalised: n };
  let m = KLE_FULL.exec(n);
  if (m) {
    return {
      ...base,
      format: 'kle',
      kle: m[1]!,
      facet: m[2] ?? null,
      serial: m[3] ?? null,
      year: m[4] ? year(m[4]) : null,
    };
  }
  m = KLE_PREFIXED.exec(n);
  if (m) {
    return {
      ...base,
      format: 'kle-prefixed',
      kle: m[3]!,
      facet: m[4] ?? null,
      serial: m[2]!,
      year: year(m[1]!),
    };
  }
  m = YEAR_SERIAL.exec(n) ?? PREFIXED_YEAR_SERIAL.exec(n);
  if (m) {
    return { ...base, format: 'year-serial', kle: null, facet: null, serial: m[2]!, year: year(m[1]!) };
  }
  return { ...base, format: 'other', kle: null, facet: null, serial: null, year: null };
}

/**
 * If `line` is a case-number line ("Sagsnr.: 21/24526", or just "21/24526"),
 * return the number as printed, else null.
 */
export function caseNumberFromLine(line: string): string | null {
  const s = line.trim();
  if (s.length > 120) return null;
  // Labels start with s, j, d, e or a; unlabeled numbers with a digit.
  const first = s.charCodeAt(0) | 32;
  if (
    first !== 115 &&
    first !== 106 &&
    first !== 100 &&
    first !== 101 &&
    first !== 97 &&
    (first < 48 || first > 57)
  )
    return null;
  const label = CASE_LABEL.exec(s);
  if (label) {
    const rest = s
      .slice(label[0].length)
      .trim()
      .replace(/[.;,]$/, '');
    if (!rest) return null;
    const shaped = CASE_NUMBER_PATTERN.exec(rest);
    if (shaped) return shaped[0];
    // Unknown format: first token run up to a separator.
    const tok = /^[A-Za-z0-9ÆØÅæøå][\w./\-–]*/.exec(rest);
    return tok && /\d/.test(tok[0]) ? tok[0] : null;
  }
  const c0 = s.charCodeAt(0);
  if (c0 < 48 || c0 > 57) return null;
  const m = CASE_NUMBER_PATTERN.exec(s);
  if (m && m.index === 0 && m[0].length >= s.replace(/[.;,]$/, '').length) return m[0];
  return null;
}

/** Find a labelled case number inside a longer line ("Punkt 3 · Møde … · Sagsnr. 21/24526"). */
export function caseNumberInText(text: string): string | null {
  const m = /(?:sags?\s*-?\s*nr\.?|sagsnummer|sag\s+nr\.?|j\.\s?nr\.?)\s*:?\s*(\S+(?:\s*-\s*\S+)?)/i.exec(
    text,
  );
  if (!m) return null;
  return caseNumberFromLine(`Sagsnr. ${m[1]!.replace(/[·|,;]+$/, '')}`);
}

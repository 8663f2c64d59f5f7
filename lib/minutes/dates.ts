// Danish date and time parsing: "Tirsdag d. 06. juni 2023 kl. 08:00",
// "06-06-2023", "15.09.2022", "6. juni 2023", "2023-06-06", "12.12.23".

const MONTHS: Record<string, number> = {
  jan: 1,
  januar: 1,
  feb: 2,
  februar: 2,
  mar: 3,
  marts: 3,
  apr: 4,
  april: 4,
  maj: 5,
  jun: 6,
  juni: 6,
  jul: 7,
  juli: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const MONTH_RE =
  'januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec';

/** Matches the first date in a string; groups: iso(y,m,d) | numeric(d,m,y) | named(d,month,y). */
const DATE_RE = new RegExp(
  `(?:\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b)` +
    `|(?:(?<![\\d.\\-/])(\\d{1,2})[.\\-/](\\d{1,2})[.\\-/](\\d{4}|\\d{2})(?![\\d.\\-/]*\\d)(?!-[A-ZÆØÅ]\\d))` +
    `|(?:\\b(\\d{1,2})\\.?\\s*(${MONTH_RE})\\.?\\s+(\\d{4})\\b)`,
  'gi',
);

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function build(y: number, m: number, d: number): string | null {
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Find the first valid date in `s`. */
export function findDate(s: string): FoundDate | null {
  DATE_RE.lastIndex = 0;
  for (let guard = 0; guard < 20; guard++) {
    const m = DATE_RE.exec(s);
    if (!m) return null;
    let iso: string | null = null;
    if (m[1]) iso = build(+m[1], +m[2]!, +m[3]!);
    else if (m[4]) iso = build(+m[6]!, +m[5]!, +m[4]);
    else if (m[7]) iso = build(+m[9]!, MONTHS[m[8]!.toLowerCase()] ?? 0, +m[7]);
    if (iso) return { iso, index: m.index, length: m[0].length };
    DATE_RE.lastIndex = m.index + 1;
  }
  return null;
}

/** The first date in `s` as ISO "YYYY-MM-DD", or null. */
export function parseDate(s: string): string | null {
  return findDate(s)?.iso ?? null;
}

/** "kl. 08:00", "kl. 8.00", "08:00" → "08:00". Prefers times introduced by "kl.". */
export function parseTime(s: string): string | null {
  const m = /\bkl\.?\s*(\d{1,2})[:.](\d{2})\b/i.exec(s) ?? /\b(\d{1,2}):(\d{2})\b/.exec(s);
  if (!m) return null;
  const h = +m[1]!;
  const min = +m[2]!;
  if (h > 23 || min > 59) return null;
  return `${pad(h)}:${pad(min)}`;
}

/** Compact dates in URLs such as "møde-06062023" → ISO. */
export function parseCompactDate(s: string): string | null {
  const m = /(?:^|[^\d])(\d{2})(\d{2})(\d{4})(?:[^\d]|$)/.exec(s);
  return m ? build(+m[3]!, +m[2]!, +m[1]!) : null;
}

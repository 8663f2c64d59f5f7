// Embedded app state (<script type="application/json">) of client-rendered
// portals: find an array of agenda items (number + title [+ html/body]) and
// render it into an inert document the structural parser can read. Item
// HTML is parsed in a separate HTMLDocument — never in the live page.

const NUM_KEYS = [
  'nr',
  'number',
  'no',
  'num',
  'punktnummer',
  'punktnr',
  'itemnumber',
  'agendaitemnumber',
  'punkt',
  'sortnumber',
  'position',
];
const TITLE_KEYS = ['title', 'titel', 'overskrift', 'caption', 'heading', 'name', 'navn', 'subject'];
const BODY_KEYS = [
  'html',
  'body',
  'content',
  'indhold',
  'bodyhtml',
  'text',
  'description',
  'fields',
  'sections',
];
const CASE_KEYS = [
  'sag',
  'sagsnr',
  'sagsnummer',
  'casenumber',
  'caseno',
  'case',
  'journalnr',
  'journalnummer',
];
const ID_KEYS = ['id', 'punktid', 'itemid', 'uid', 'guid'];
const META_TITLE = ['title', 'titel', 'name', 'navn', 'committee', 'udvalg', 'heading'];
const META_DATE = ['date', 'dato', 'meetingdate', 'mødedato', 'start', 'startdate'];
const META_PLACE = ['place', 'location', 'sted', 'mødested', 'lokale'];
const META_PEOPLE = ['participants', 'deltagere', 'mødedeltagere', 'members', 'attendees'];

type Obj = Record<string, unknown>;

function pick(o: Obj, keys: string[]): unknown {
  for (const k of Object.keys(o)) if (keys.includes(k.toLowerCase())) return o[k];
  return undefined;
}

function asNumber(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 10000) return v;
  if (typeof v === 'string' && /^\s*\d{1,4}\.?\s*$/.test(v)) return Number.parseInt(v, 10);
  return null;
}

function asText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string').join(', ') || null;
  return null;
}

function isItem(v: unknown): v is Obj {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Obj;
  return asNumber(pick(o, NUM_KEYS)) !== null && typeof pick(o, TITLE_KEYS) === 'string';
}

export interface AgendaState {
  meta: Obj;
  items: Obj[];
}

/** Find the largest array of agenda items in a JSON value (bounded depth). */
export function findAgendaState(json: unknown): AgendaState | null {
  let best: AgendaState | null = null;
  const visit = (v: unknown, parent: Obj, depth: number) => {
    if (depth > 8 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      const items = v.filter(isItem);
      if (items.length >= 1 && items.length * 2 >= v.length && (!best || items.length > best.items.length)) {
        best = { meta: parent, items };
      }
      for (const x of v.slice(0, 500)) visit(x, parent, depth + 1);
      return;
    }
    const o = v as Obj;
    for (const k of Object.keys(o).slice(0, 200)) visit(o[k], o, depth + 1);
  };
  visit(json, {}, 0);
  return best;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Item body as HTML: item HTML as is, plain text escaped into paragraphs, field lists as h3 + body. */
function bodyHtml(body: unknown, depth = 0): string {
  if (typeof body === 'string') {
    if (/<[a-z][\s\S]*>/i.test(body)) return body;
    return body
      .split(/\n/)
      .map((p) => `<p>${esc(p)}</p>`)
      .join('');
  }
  if (Array.isArray(body) && depth < 4) {
    const out: string[] = [];
    for (const f of body) {
      if (typeof f === 'string') out.push(bodyHtml(f, depth + 1));
      else if (f && typeof f === 'object') {
        const o = f as Obj;
        const h = asText(pick(o, TITLE_KEYS));
        if (h) out.push(`<h3>${esc(h)}</h3>`);
        out.push(bodyHtml(pick(o, BODY_KEYS), depth + 1));
      }
    }
    return out.join('');
  }
  return '';
}

/** Render agenda state into an inert document: h1 + meta lines + one section per item. */
export function renderAgendaState(
  state: AgendaState,
  live: Document,
): { root: Element; ids: (string | null)[] } {
  // One parse with DOMParser: a separate, inert document (no browsing context: no
  // scripts run, no resources load), never attached to the live page.
  const parts: string[] = [];
  const add = (tag: string, text: string | null, label?: string) => {
    if (text) parts.push(`<${tag}>${esc(label ? `${label}: ${text}` : text)}</${tag}>`);
  };
  add('h1', asText(pick(state.meta, META_TITLE)));
  add('p', asText(pick(state.meta, META_DATE)), 'Mødedato');
  add('p', asText(pick(state.meta, META_PLACE)), 'Mødested');
  add('p', asText(pick(state.meta, META_PEOPLE)), 'Deltagere');
  const ids: (string | null)[] = [];
  for (const it of state.items) {
    const id = asText(pick(it, ID_KEYS));
    ids.push(id);
    const title = `Punkt ${asNumber(pick(it, NUM_KEYS))} ${asText(pick(it, TITLE_KEYS)) ?? ''}`;
    const cn = asText(pick(it, CASE_KEYS));
    parts.push(
      `<section${id ? ` data-punkt-id="${esc(id)}"` : ''}><h2>${esc(title)}</h2>${cn ? `<p>Sagsnr.: ${esc(cn)}</p>` : ''}<div>${bodyHtml(pick(it, BODY_KEYS))}</div></section>`,
    );
  }
  const Parser = live.defaultView?.DOMParser ?? globalThis.DOMParser;
  const inert = new Parser().parseFromString(`<div>${parts.join('')}</div>`, 'text/html');
  const root = inert.body.firstElementChild ?? inert.createElement('div');
  return { root, ids };
}

/** Parse JSON script texts and return the first usable agenda state. */
export function agendaStateFromScripts(scripts: string[]): AgendaState | null {
  let best: AgendaState | null = null;
  for (const s of scripts) {
    if (s.length > 20_000_000) continue;
    let json: unknown;
    try {
      json = JSON.parse(s);
    } catch {
      continue;
    }
    const st = findAgendaState(json);
    if (st && (!best || st.items.length > best.items.length)) best = st;
  }
  return best;
}

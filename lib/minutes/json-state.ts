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

function appendBody(doc: Document, parent: Element, body: unknown) {
  if (typeof body === 'string') {
    if (/<[a-z][\s\S]*>/i.test(body)) {
      const tpl = doc.createElement('template');
      tpl.innerHTML = body;
      parent.append(tpl.content);
    } else {
      for (const para of body.split(/\n\s*\n|\n/)) {
        const p = doc.createElement('p');
        p.textContent = para;
        parent.append(p);
      }
    }
  } else if (Array.isArray(body)) {
    for (const f of body) {
      if (typeof f === 'string') appendBody(doc, parent, f);
      else if (f && typeof f === 'object') {
        const o = f as Obj;
        const h = asText(pick(o, TITLE_KEYS));
        if (h) {
          const el = doc.createElement('h3');
          el.textContent = h;
          parent.append(el);
        }
        appendBody(doc, parent, pick(o, BODY_KEYS));
      }
    }
  }
}

/** Render agenda state into an inert document: h1 + meta lines + one section per item. */
export function renderAgendaState(
  state: AgendaState,
  make: () => Document,
): { doc: Document; ids: (string | null)[] } {
  const doc = make();
  const root = doc.body;
  const add = (tag: string, text: string | null, label?: string) => {
    if (!text) return;
    const el = doc.createElement(tag);
    el.textContent = label ? `${label}: ${text}` : text;
    root.append(el);
  };
  add('h1', asText(pick(state.meta, META_TITLE)));
  add('p', asText(pick(state.meta, META_DATE)), 'Mødedato');
  add('p', asText(pick(state.meta, META_PLACE)), 'Mødested');
  add('p', asText(pick(state.meta, META_PEOPLE)), 'Deltagere');
  const ids: (string | null)[] = [];
  for (const it of state.items) {
    const sec = doc.createElement('section');
    const id = asText(pick(it, ID_KEYS));
    ids.push(id);
    if (id) sec.setAttribute('data-punkt-id', id);
    const h = doc.createElement('h2');
    h.textContent = `Punkt ${asNumber(pick(it, NUM_KEYS))} ${asText(pick(it, TITLE_KEYS)) ?? ''}`;
    sec.append(h);
    const cn = asText(pick(it, CASE_KEYS));
    if (cn) {
      const p = doc.createElement('p');
      p.textContent = `Sagsnr.: ${cn}`;
      sec.append(p);
    }
    appendBody(doc, sec, pick(it, BODY_KEYS));
    root.append(sec);
  }
  return { doc, ids };
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

// Hash routes of the dashboard: #/case/<key>, #/annotations?tag=…, #/tags, #/export?case=…, #/backup.
export type Route =
  | { name: 'home' }
  | { name: 'case'; key: string }
  | { name: 'topic'; id: string }
  | { name: 'annotations'; params: URLSearchParams }
  | { name: 'tags' }
  | { name: 'export'; params: URLSearchParams }
  | { name: 'backup' };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  const [head, ...rest] = path.split('/');
  switch (head) {
    case 'case': {
      const key = decodeSafe(rest.join('/'));
      return key ? { name: 'case', key } : { name: 'home' };
    }
    case 'topic': {
      const id = decodeSafe(rest.join('/'));
      return id ? { name: 'topic', id } : { name: 'home' };
    }
    case 'annotations':
      return { name: 'annotations', params };
    case 'tags':
      return { name: 'tags' };
    case 'export':
      return { name: 'export', params };
    case 'backup':
      return { name: 'backup' };
    default:
      return { name: 'home' };
  }
}

export function caseHref(key: string): string {
  return `#/case/${encodeURIComponent(key)}`;
}

export function hrefWith(path: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return `#/${path}${s ? `?${s}` : ''}`;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // keep it as written
  }
}

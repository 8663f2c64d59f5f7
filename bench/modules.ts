// The bench's modules. To add metrics (e.g. anchor_ms_1000), write a module
// in bench/ that exports an async function returning a flat record of
// figures, and register it here with its targets. `npm run bench -- NAME…`
// runs only the named modules.
import type { BenchModule } from './types';

export const modules: BenchModule[] = [
  {
    name: 'minutes',
    description: 'detection and parsing (issue 2)',
    run: async () => (await import('./minutes')).benchMinutes(),
    targets: {
      detect_ms_non_minutes: { max: 1, unit: 'ms' },
      parse_ratio_floor_200: { max: 3, unit: '×' },
      parse_200_punkter_found: { min: 200, max: 200 },
    },
  },
  {
    name: 'browser',
    description: 'detection and parsing in real Chromium',
    run: async () => (await import('./browser')).benchBrowser(),
    targets: {
      detect_ms_non_minutes_chromium: { max: 1, unit: 'ms' },
      parse_ratio_floor_200_chromium: { max: 3, unit: '×' },
      parse_200_punkter_found_chromium: { min: 200, max: 200 },
    },
  },
  {
    name: 'anchoring',
    description: 're-anchoring 1,000 highlights (issue 3)',
    run: async () => (await import('./anchoring')).benchAnchoring(),
  },
  {
    name: 'db',
    description: 'data layer on fake-indexeddb',
    run: async () => (await import('./db')).benchDb(),
  },
  {
    name: 'db-chromium',
    description: 'data layer on real IndexedDB in Chromium',
    run: async () => (await import('./db')).benchDbChromium(),
  },
  {
    // After db-chromium: its in-page `search_ms` is replaced by this end-to-end figure (popup → background).
    name: 'popup',
    description:
      'popup first paint and search through the extension in real Chromium, 500 followed cases + 10,000 annotations (issue 4)',
    run: async () => (await import('./popup')).benchPopup(),
    targets: {
      popup_first_paint_ms: { max: 150, unit: 'ms' },
      search_ms: { max: 20, unit: 'ms' },
    },
  },
  {
    name: 'exportimport',
    description:
      'export of every format (Node) and backup import in real Chromium, 10,000 annotations (issue 5)',
    run: async () => (await import('./exportimport')).benchExportImport(),
    targets: {
      export_ms_10000: { max: 1000, unit: 'ms' },
      import_ms_10000: { max: 2000, unit: 'ms' },
    },
  },
];

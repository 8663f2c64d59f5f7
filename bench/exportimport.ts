// Export and backup import of 10,000 annotations (issue 5).
// - `export_ms_10000`: every format (Markdown, CSV, W3C JSON-LD, iCalendar) over 10,000
//   annotations in 500 meetings — bench/export.ts (lib/export is pure; runs in Node).
// - `import_ms_10000`: `backup/import` (validate + merge + write) of that data set as a version-1
//   backup into a FRESH profile of real Chromium with the built extension, timed around the message
//   round trip in an extension page; median of 3 fresh profiles. Beside it the dry run
//   (`import_dry_run_ms_10000`, the summary shown before writing) and a second import of the same
//   file (`import_again_ms_10000`: everything unchanged).
import { launchChromium } from '../scripts/lib/chromium.mjs';
import { benchExport } from './export';
import { round } from './lib/stats';
import { apiPage, benchBackupText, chromiumBenchSkip, N_ANNOTATIONS, seed, timedImport } from './popup';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

async function importOnce(text: string, extra: boolean) {
  const ext = await launchChromium();
  try {
    const page = await apiPage(ext.context, ext.extensionId);
    const out: { dry?: number; ms: number; again?: number } = { ms: 0 };
    if (extra) {
      const dry = await timedImport(page, text, true);
      if (!dry.res.ok || dry.res.summary?.annotations?.new !== N_ANNOTATIONS)
        throw new Error(`dry run: ${JSON.stringify(dry.res).slice(0, 300)}`);
      out.dry = dry.ms;
    }
    out.ms = await seed(page, text);
    if (extra) {
      const again = await timedImport(page, text, false);
      if (!again.res.ok || again.res.summary?.annotations?.unchanged !== N_ANNOTATIONS)
        throw new Error(`second import: ${JSON.stringify(again.res).slice(0, 300)}`);
      out.again = again.ms;
    }
    return out;
  } finally {
    await ext.close();
  }
}

export async function benchExportImport(): Promise<Record<string, number | string>> {
  const exportFigures = await benchExport();
  const skip = chromiumBenchSkip();
  if (skip) return { ...exportFigures, import_bench: skip };
  const text = benchBackupText();
  const runs = [await importOnce(text, true), await importOnce(text, false), await importOnce(text, false)];
  return {
    ...exportFigures,
    import_ms_10000: round(median(runs.map((r) => r.ms)), 1),
    import_dry_run_ms_10000: round(runs[0]?.dry ?? Number.NaN, 1),
    import_again_ms_10000: round(runs[0]?.again ?? Number.NaN, 1),
    import_file_kb: Math.round(text.length / 1024),
  };
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  benchExportImport().then((r) => console.table(r));
}

import { useState } from 'preact/hooks';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  renderExportAsync,
  type ScopeRequest,
  selectBundle,
} from '../../lib/export';
import type { DataApi } from '../../lib/ui-client/api';
import { useLoad } from '../common/hooks';
import { tr } from '../common/i18n';
import { t } from '../i18n';
import { meetingText } from './Annotations';
import type { SaveFile } from './save';
import { todayIso } from './Timeline';

export interface ExportViewProps {
  api: DataApi;
  save: SaveFile;
  params: URLSearchParams;
  now?: () => number;
}

type Kind = ScopeRequest['kind'];
type Progress = { stage: 'reading' | 'formatting' | 'saving'; value: number } | null;

const nextFrame = () => new Promise<void>((r) => setTimeout(r, 0));

function initialScope(params: URLSearchParams): { kind: Kind; key: string } {
  for (const kind of ['case', 'meeting', 'tag'] as const) {
    const key = params.get(kind);
    if (key) return { kind, key };
  }
  return { kind: 'all', key: '' };
}

/** Export a meeting, a case, a tag or everything as Markdown, CSV, W3C JSON-LD; iCalendar of upcoming treatments. */
export function ExportView({ api, save, params, now = Date.now }: ExportViewProps) {
  const [scope, setScope] = useState(() => initialScope(params));
  const [progress, setProgress] = useState<Progress>(null);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [choices] = useLoad(async () => {
    const [meetings, follows, tags] = await Promise.all([
      api.listMeetings().catch(() => []),
      api.listFollowed().catch(() => []),
      api.listTags().catch(() => []),
    ]);
    return { meetings, follows, tags };
  }, [api]);
  const c = choices.status === 'ready' ? choices.data : { meetings: [], follows: [], tags: [] };
  const lang = t('locale') === 'en' ? 'en' : 'da';

  const options: Array<[string, string]> =
    scope.kind === 'meeting'
      ? c.meetings.map((m) => [m.key, meetingText(m)])
      : scope.kind === 'case'
        ? c.follows.map((f) => [f.caseKey, f.title])
        : scope.kind === 'tag'
          ? c.tags.map((x) => [x.tag, `${x.tag} (${x.count})`])
          : [];
  if (scope.key && scope.kind !== 'all' && !options.some(([v]) => v === scope.key))
    options.unshift([scope.key, scope.key]);
  const ready = scope.kind === 'all' || !!scope.key;

  const run = async (format: ExportFormat) => {
    setStatus(null);
    setProgress({ stage: 'reading', value: 0.05 });
    try {
      const all = await api.exportBackup();
      setProgress({ stage: 'formatting', value: 0.3 });
      await nextFrame();
      const onProgress = (done: number, total: number) => {
        if (total > 0) setProgress({ stage: 'formatting', value: 0.3 + 0.6 * (done / total) });
      };
      const stamp = now();
      // iCalendar: the upcoming treatments of followed cases (of the chosen case, else of all).
      const request: ScopeRequest =
        format === 'ics'
          ? scope.kind === 'case' && scope.key
            ? { kind: 'case', key: scope.key }
            : { kind: 'all' }
          : scope.kind === 'all'
            ? { kind: 'all' }
            : scope.kind === 'tag'
              ? { kind: 'tag', tag: scope.key }
              : { kind: scope.kind, key: scope.key };
      const bundle = selectBundle(all, request, { lang, now: stamp });
      // In slices, so the progress bar repaints while a large export is formatted.
      const out = await renderExportAsync(format, bundle, {
        lang,
        onProgress,
        today: todayIso(new Date(stamp)),
      });
      if (format === 'ics' && !out.text.includes('BEGIN:VEVENT')) {
        setProgress(null);
        setStatus({ text: tr('dash_exportNoUpcoming') });
        return;
      }
      const { text, fileName: filename, mime } = out;
      setProgress({ stage: 'saving', value: 0.95 });
      await nextFrame();
      await save(new Blob([text], { type: mime }), filename);
      setProgress(null);
      setStatus({ text: tr('dash_exportSaved', [filename]) });
    } catch {
      setProgress(null);
      setStatus({ text: tr('dash_exportFailed'), error: true });
    }
  };

  return (
    <section>
      <h1>{tr('dash_exportHeading')}</h1>
      <fieldset class="dash-fieldset">
        <legend>{tr('dash_exportWhat')}</legend>
        {(['all', 'meeting', 'case', 'tag'] as const).map((k) => (
          <label key={k} class="dash-radio">
            <input
              type="radio"
              name="scope"
              value={k}
              checked={scope.kind === k}
              onChange={() => setScope({ kind: k, key: '' })}
            />{' '}
            {tr(
              k === 'all'
                ? 'dash_scopeAll'
                : k === 'meeting'
                  ? 'dash_scopeMeeting'
                  : k === 'case'
                    ? 'dash_scopeCase'
                    : 'dash_scopeTag',
            )}
          </label>
        ))}
        {scope.kind !== 'all' && (
          <label class="dash-filter">
            <span>{tr('dash_exportChoose')}</span>
            <select
              class="sgs-input"
              data-testid="export-scope"
              value={scope.key}
              onChange={(e) =>
                setScope({ kind: scope.kind, key: (e.currentTarget as HTMLSelectElement).value })
              }
            >
              <option value="">{tr('dash_exportChooseNone')}</option>
              {options.map(([v, text]) => (
                <option key={v} value={v}>
                  {text}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>
      <div class="dash-export-buttons">
        {EXPORT_FORMATS.map((f) => (
          <button
            key={f}
            type="button"
            class="sgs-button"
            data-testid={`export-${f}`}
            disabled={progress !== null || (f !== 'ics' && !ready)}
            onClick={() => run(f)}
          >
            {formatLabel(f)}
          </button>
        ))}
      </div>
      <p class="sgs-muted">{tr('dash_exportHelp')}</p>
      <div aria-live="polite" data-testid="export-status">
        {progress && (
          <p>
            <label>
              {tr(
                progress.stage === 'reading'
                  ? 'dash_progressReading'
                  : progress.stage === 'formatting'
                    ? 'dash_progressFormatting'
                    : 'dash_progressSaving',
              )}{' '}
              <progress max={100} value={Math.round(progress.value * 100)} />
            </label>
          </p>
        )}
        {status && <p class={status.error ? 'dash-error' : undefined}>{status.text}</p>}
      </div>
    </section>
  );
}

function formatLabel(f: ExportFormat): string {
  switch (f) {
    case 'markdown':
      return tr('dash_formatMarkdown');
    case 'csv':
      return tr('dash_formatCsv');
    case 'jsonld':
      return tr('dash_formatJsonLd');
    case 'ics':
      return tr('dash_formatIcs');
  }
}

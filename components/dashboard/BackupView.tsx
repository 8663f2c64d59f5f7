import { useEffect, useRef, useState } from 'preact/hooks';
import { dateStamp } from '../../lib/export';
import { ClientError, type DataApi, type ImportSummary, type ImportTable } from '../../lib/ui-client/api';
import { tr } from '../common/i18n';
import { formatDateTime } from '../i18n';
import type { SaveFile } from './save';

export interface BackupViewProps {
  api: DataApi;
  save: SaveFile;
  now?: () => number;
}

/** Files larger than this are not a Sagsspor backup anyone made (10,000 annotations ≈ 10 MB). */
const MAX_BYTES = 256 * 1024 * 1024;
const TABLES: ImportTable[] = ['annotations', 'meetings', 'appearances', 'follows', 'topics'];

type Restore =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'dry-run'; text: string; name: string; summary: ImportSummary }
  | { step: 'importing' }
  | { step: 'done'; summary: ImportSummary }
  | { step: 'error'; message: string };

export function importErrorText(e: unknown): string {
  const code = e instanceof ClientError ? e.code : '';
  switch (code) {
    case 'not-json':
      return tr('dash_importNotJson');
    case 'foreign':
      return tr('dash_importForeign');
    case 'corrupt':
      return tr('dash_importCorrupt');
    case 'newer-version':
      return tr('dash_importNewer');
    case 'too-large':
      return tr('dash_importTooLarge');
    case 'storage-full':
      return tr('dash_importStorageFull');
    default:
      return tr('dash_importFailed');
  }
}

/** Download a JSON backup of everything; restore with a dry-run summary before anything is written. */
export function BackupView({ api, save, now = Date.now }: BackupViewProps) {
  const [saving, setSaving] = useState<'idle' | 'busy' | 'done' | 'error'>('idle');
  const [savedAs, setSavedAs] = useState('');
  const [restore, setRestore] = useState<Restore>({ step: 'idle' });
  /** When the last backup was saved (undefined: not known yet). */
  const [lastBackupAt, setLastBackupAt] = useState<number | null | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let alive = true;
    api.backupStatus().then(
      (s) => alive && setLastBackupAt(s.lastBackupAt),
      () => {},
    );
    return () => {
      alive = false;
    };
  }, [api]);

  const download = async () => {
    setSaving('busy');
    try {
      const text = await api.exportBackupText();
      const name = `sagsspor-backup-${dateStamp(now())}.json`;
      await save(new Blob([text], { type: 'application/json;charset=utf-8' }), name);
      setSavedAs(name);
      setSaving('done');
      // The reminder in the popup waits 30 days from here.
      const status = await api.markBackupSaved().catch(() => null);
      setLastBackupAt(status ? status.lastBackupAt : now());
    } catch {
      setSaving('error');
    }
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setRestore({ step: 'checking' });
    try {
      if (file.size > MAX_BYTES) throw new ClientError('too-large');
      const text = await file.text();
      const summary = await api.importBackup(text, true);
      setRestore({ step: 'dry-run', text, name: file.name, summary });
    } catch (e) {
      setRestore({ step: 'error', message: importErrorText(e) });
    }
  };

  const apply = async (text: string) => {
    setRestore({ step: 'importing' });
    try {
      const summary = await api.importBackup(text, false);
      setRestore({ step: 'done', summary });
    } catch (e) {
      setRestore({ step: 'error', message: importErrorText(e) });
    }
  };

  const reset = () => {
    setRestore({ step: 'idle' });
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <section>
      <h1>{tr('dash_backupHeading')}</h1>
      <div class="dash-notice" role="note">
        <p>{tr('dash_backupUninstall')}</p>
      </div>
      <h2>{tr('dash_backupDownloadHeading')}</h2>
      <p>{tr('dash_backupDownloadHelp')}</p>
      {lastBackupAt !== undefined && (
        <p data-testid="backup-last">
          {lastBackupAt === null
            ? tr('dash_backupNever')
            : tr('dash_backupLast', [formatDateTime(lastBackupAt)])}
        </p>
      )}
      <p>
        <button
          type="button"
          class="sgs-button sgs-button-primary"
          data-testid="backup-download"
          disabled={saving === 'busy'}
          onClick={download}
        >
          {tr('dash_backupDownload')}
        </button>
      </p>
      <div aria-live="polite">
        {saving === 'busy' && <p class="sgs-muted">{tr('dash_progressReading')}</p>}
        {saving === 'done' && <p>{tr('dash_exportSaved', [savedAs])}</p>}
        {saving === 'error' && <p class="dash-error">{tr('dash_exportFailed')}</p>}
      </div>

      <h2>{tr('dash_restoreHeading')}</h2>
      <p>{tr('dash_restoreHelp')}</p>
      <p>
        <label class="dash-filter">
          <span>{tr('dash_restorePick')}</span>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            data-testid="backup-file"
            disabled={restore.step === 'checking' || restore.step === 'importing'}
            onChange={(e) => pick((e.currentTarget as HTMLInputElement).files?.[0])}
          />
        </label>
      </p>
      <div aria-live="polite">
        {restore.step === 'checking' && <p class="sgs-muted">{tr('dash_restoreChecking')}</p>}
        {restore.step === 'importing' && <p class="sgs-muted">{tr('dash_restoreImporting')}</p>}
        {restore.step === 'error' && (
          <p class="dash-error" role="alert" data-testid="import-error">
            {restore.message}
          </p>
        )}
        {restore.step === 'dry-run' && (
          <div data-testid="dry-run-summary">
            <p>{tr('dash_dryRunIntro', [restore.name])}</p>
            <SummaryTable summary={restore.summary} />
            {restore.summary.problems.length > 0 && <Problems summary={restore.summary} />}
            <p class="dash-actions">
              <button
                type="button"
                class="sgs-button sgs-button-primary"
                data-testid="import-confirm"
                onClick={() => apply(restore.text)}
              >
                {tr('dash_importConfirm')}
              </button>{' '}
              <button type="button" class="sgs-button" data-testid="import-cancel" onClick={reset}>
                {tr('dash_importCancel')}
              </button>
            </p>
          </div>
        )}
        {restore.step === 'done' && (
          <div data-testid="import-done">
            <p>{tr('dash_importDone')}</p>
            <SummaryTable summary={restore.summary} />
          </div>
        )}
      </div>
    </section>
  );
}

function tableName(t: ImportTable): string {
  switch (t) {
    case 'annotations':
      return tr('dash_tableAnnotations');
    case 'meetings':
      return tr('dash_tableMeetings');
    case 'appearances':
      return tr('dash_tableAppearances');
    case 'follows':
      return tr('dash_tableFollows');
    case 'topics':
      return tr('dash_tableTopics');
  }
}

/** Problem lines shown at most; the rest are counted. */
const SHOWN_PROBLEMS = 20;

/** Rows the dry run found invalid: how many, and the first ones in words (the raw check as a tooltip). */
function Problems({ summary }: { summary: ImportSummary }) {
  const { problems } = summary;
  // The background lists the first problems only; every invalid row is counted per table.
  const total = Math.max(
    problems.length,
    TABLES.reduce((n, t) => n + summary[t].invalid, 0),
  );
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  return (
    <details data-testid="dry-run-problems">
      <summary>{tr('dash_dryRunProblems', [total])}</summary>
      <ul>
        {shown.map((p) => (
          <li key={`${p.table}-${p.index}`} title={p.message}>
            {problemText(p)}
          </li>
        ))}
        {total > shown.length && <li>{tr('dash_problemsMore', [total - shown.length])}</li>}
      </ul>
    </details>
  );
}

/**
 * One invalid backup row in words: "Noter, post 2: feltet ‘color’ er ikke gyldigt". The background
 * reports `<field path>: <check message>` (or `(root)` for a row that is not an object at all); the
 * path is kept as written, the table named in the UI language, the position counted from 1.
 */
export function problemText(p: ImportSummary['problems'][number]): string {
  const table = isTable(p.table) ? tableName(p.table) : p.table;
  const position = p.index + 1;
  const colon = p.message.indexOf(': ');
  const path = colon > 0 ? p.message.slice(0, colon) : '';
  const detail = colon > 0 ? p.message.slice(colon + 2) : p.message;
  if (!path || path === '(root)') return tr('dash_problemEntry', [table, position]);
  // zod says "… received undefined" for an absent field (when its messages are in English).
  if (/received undefined/i.test(detail)) return tr('dash_problemMissing', [table, position, path]);
  return tr('dash_problemField', [table, position, path]);
}

function isTable(t: string): t is ImportTable {
  return (TABLES as string[]).includes(t);
}

function SummaryTable({ summary }: { summary: ImportSummary }) {
  return (
    <table class="dash-table">
      <thead>
        <tr>
          <th scope="col">{tr('dash_summaryWhat')}</th>
          <th scope="col">{tr('dash_summaryNew')}</th>
          <th scope="col">{tr('dash_summaryUpdated')}</th>
          <th scope="col">{tr('dash_summaryUnchanged')}</th>
          <th scope="col">{tr('dash_summaryInvalid')}</th>
        </tr>
      </thead>
      <tbody>
        {TABLES.map((t) => (
          <tr key={t} data-table={t}>
            <th scope="row">{tableName(t)}</th>
            <td data-count="new">{summary[t].new}</td>
            <td data-count="updated">{summary[t].updated}</td>
            <td data-count="unchanged">{summary[t].unchanged}</td>
            <td data-count="invalid">{summary[t].invalid}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

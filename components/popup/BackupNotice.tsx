import { useEffect, useState } from 'preact/hooks';
import type { BackupStatus, DataApi } from '../../lib/ui-client/api';
import { tr } from '../common/i18n';

const DAY = 24 * 60 * 60 * 1000;

/**
 * When there is something to lose and no backup for 30 days (or none at all): data lives only in
 * this browser, so uninstalling or a broken profile deletes it — make a backup. "Make a backup"
 * opens the backup page (saving one there ends the reminder); "Not now" waits 30 days.
 */
export function BackupNotice({
  api,
  onBackup,
  now = Date.now,
}: {
  api: DataApi;
  onBackup: () => void;
  now?: () => number;
}) {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    let alive = true;
    api.backupStatus().then(
      (s) => alive && setStatus(s),
      () => {},
    );
    return () => {
      alive = false;
    };
  }, [api]);
  if (!status?.due || hidden) return null;
  const days = status.lastBackupAt === null ? null : Math.floor((now() - status.lastBackupAt) / DAY);
  return (
    <div class="popup-notice-box" role="note" data-testid="backup-notice">
      <p>{days === null ? tr('popup_backupNotice') : tr('popup_backupReminder', [String(days)])}</p>
      <p class="popup-notice-actions">
        <button
          type="button"
          class="sgs-button sgs-button-small"
          data-testid="backup-notice-backup"
          onClick={() => {
            setHidden(true);
            onBackup();
          }}
        >
          {tr('popup_backupNoticeBackup')}
        </button>
        <button
          type="button"
          class="sgs-button sgs-button-small"
          data-testid="backup-notice-later"
          onClick={() => {
            setHidden(true);
            api.snoozeBackupReminder().catch(() => {});
            // The in-page one-time notice says the same: it has been seen.
            api.setFlag('persistNoticeShown', true).catch(() => {});
          }}
        >
          {tr('popup_backupNoticeLater')}
        </button>
      </p>
    </div>
  );
}

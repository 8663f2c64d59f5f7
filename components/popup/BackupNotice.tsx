import { useEffect, useState } from 'preact/hooks';
import type { DataApi } from '../../lib/ui-client/api';
import { tr } from '../common/i18n';

/**
 * Once, when the user has something to lose: data lives only in this browser, so uninstalling
 * deletes it — make a backup. Either button marks the notice as shown (`persistNoticeShown`).
 */
export function BackupNotice({ api, onBackup }: { api: DataApi; onBackup: () => void }) {
  const [show, setShow] = useState(false);
  useEffect(() => {
    let alive = true;
    api.getFlag('persistNoticeShown').then(
      (shown) => alive && setShow(!shown),
      () => {},
    );
    return () => {
      alive = false;
    };
  }, [api]);
  if (!show) return null;
  const done = () => {
    setShow(false);
    api.setFlag('persistNoticeShown', true).catch(() => {});
  };
  return (
    <div class="popup-notice-box" role="note" data-testid="backup-notice">
      <p>{tr('popup_backupNotice')}</p>
      <p class="popup-notice-actions">
        <button
          type="button"
          class="sgs-button sgs-button-small"
          onClick={() => {
            done();
            onBackup();
          }}
        >
          {tr('popup_backupNoticeBackup')}
        </button>
        <button type="button" class="sgs-button sgs-button-small" onClick={done}>
          {tr('popup_backupNoticeOk')}
        </button>
      </p>
    </div>
  );
}

import { render } from 'preact';
import { browser } from 'wxt/browser';
import { commonStyles } from '../../components/common/styles';
import { DashboardApp } from '../../components/dashboard/DashboardApp';
import { createSaveFile } from '../../components/dashboard/save';
import { dashboardStyles } from '../../components/dashboard/styles';
import { t } from '../../components/i18n';
import { createRuntimeApi } from '../../lib/ui-client/runtime';

const style = document.createElement('style');
style.textContent = dashboardStyles + commonStyles;
document.head.appendChild(style);
document.documentElement.lang = t('locale') === 'en' ? 'en' : 'da';

render(
  <DashboardApp
    api={createRuntimeApi()}
    save={createSaveFile()}
    requestNotifications={() =>
      browser.permissions.request({ permissions: ['notifications'] }).catch(() => false)
    }
  />,
  document.getElementById('app') as HTMLElement,
);

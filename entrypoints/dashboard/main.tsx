import { render } from 'preact';
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
  <DashboardApp api={createRuntimeApi()} save={createSaveFile()} />,
  document.getElementById('app') as HTMLElement,
);

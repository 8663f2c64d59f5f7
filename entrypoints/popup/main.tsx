import { render } from 'preact';
import { browser } from 'wxt/browser';
import { commonStyles } from '../../components/common/styles';
import { t } from '../../components/i18n';
import { PopupApp } from '../../components/popup/PopupApp';
import { popupStyles } from '../../components/popup/styles';
import { createRuntimeApi } from '../../lib/ui-client/runtime';
import { requestFirstFollows } from './first';
import { createSiteControl } from './sites';
import { jumpInTab, loadModel, readAnyway, targetTabId } from './tab';

// First of all (before styles and the first render): the followed cases shown first.
const firstFollows = requestFirstFollows();

const style = document.createElement('style');
style.textContent = popupStyles + commonStyles;
document.head.appendChild(style);
document.documentElement.lang = t('locale') === 'en' ? 'en' : 'da';

// Everything is requested at once: the tab's model and (inside PopupApp) followed cases and topics.
const tabId = targetTabId(location.search).catch(() => null);
const load = async () => loadModel(await tabId);
const jump = async (punkt: number) => jumpInTab(await tabId, punkt);
const read = async () => readAnyway(await tabId);

const api = createRuntimeApi();
const openTab = (url: string) => {
  if (!/^(https?:|chrome-extension:|moz-extension:)/.test(url)) return;
  browser.tabs.create({ url }).then(
    () => window.close(),
    () => {},
  );
};
const dashboardUrl = (route: string) =>
  `${browser.runtime.getURL('/dashboard.html' as Parameters<typeof browser.runtime.getURL>[0])}#${route}`;

render(
  <PopupApp
    load={load}
    jump={jump}
    readAnyway={read}
    site={createSiteControl(tabId)}
    data={{
      api,
      firstFollows: () => firstFollows,
      openDashboard: (route) => openTab(dashboardUrl(route)),
      openUrl: openTab,
    }}
  />,
  document.getElementById('app') as HTMLElement,
);

import { render } from 'preact';
import { t } from '../../components/i18n';
import { PopupApp } from '../../components/popup/PopupApp';
import { popupStyles } from '../../components/popup/styles';
import { jumpInTab, loadModel, readAnyway, targetTabId } from './tab';

const style = document.createElement('style');
style.textContent = popupStyles;
document.head.appendChild(style);
document.documentElement.lang = t('locale') === 'en' ? 'en' : 'da';

const tabId = targetTabId(location.search).catch(() => null);
const load = async () => loadModel(await tabId);
const jump = async (punkt: number) => jumpInTab(await tabId, punkt);
const read = async () => readAnyway(await tabId);

render(<PopupApp load={load} jump={jump} readAnyway={read} />, document.getElementById('app') as HTMLElement);

// The popup's first request, sent while the rest of the popup is still being set up: the followed
// cases it shows first (latest activity first). The whole list is asked for after they are painted.
import { browser } from 'wxt/browser';
import { FOLLOWED_PAGE } from '../../components/popup/FollowedList';
import { requestData } from '../../lib/messages/data';
import type { Follow } from '../../lib/model/records';

export function requestFirstFollows(): Promise<Follow[]> {
  return requestData((m) => browser.runtime.sendMessage(m), {
    type: 'follows/list',
    limit: FOLLOWED_PAGE,
  }).then((res) => {
    if (res.ok === false) throw new Error(res.message ?? res.error);
    return res.follows;
  });
}

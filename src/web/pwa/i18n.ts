// Messages of the offline layer (banner, drafts, timeouts), added to the staff app's catalogue when first imported.
import i18n from 'i18next';

export const pwaMessages = {
  zh: {
    pwa: {
      offlineData: '离线，显示 {{time}} 的数据',
      offlineNoData: '离线，本机还没有保存的数据；有信号时打开一次即可离线使用',
      draftRestored: '已恢复上次未保存的内容',
      draftDiscard: '清空草稿',
      slowQueued: '网络太慢，记录已保存在本机，有信号后自动上传',
      signInQueued: '登录已过期。记录已保存在本机，重新登录后自动上传',
    },
  },
  en: {
    pwa: {
      offlineData: 'Offline — showing data from {{time}}',
      offlineNoData: 'Offline — nothing is stored on this phone yet; open the app once with signal to use it offline',
      draftRestored: 'Your unsaved entry was restored',
      draftDiscard: 'Clear draft',
      slowQueued:
        'The connection is too slow: the record is kept on this phone and will be sent when the signal returns',
      signInQueued:
        'Your session has expired. The record is kept on this phone and will be sent after you sign in again',
    },
  },
};

let added = false;
/** Adds the messages once (deep merge, existing keys kept). */
export function addPwaMessages() {
  if (added) return;
  added = true;
  for (const [lang, res] of Object.entries(pwaMessages)) i18n.addResourceBundle(lang, 'translation', res, true, false);
}
addPwaMessages();

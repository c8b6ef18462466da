import Taro from '@tarojs/taro';

export const PAGES = {
  home: '/pages/home/index',
  todo: '/pages/todo/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  ownerBills: '/packages/owner/bills/index',
  bindRoom: '/packages/owner/bind-room/index',
  committee: '/packages/committee/index/index',
  staffBindings: '/packages/staff/bindings/index',
  staffArrears: '/packages/staff/arrears/index',
  ownerAsk: '/packages/owner/ask/index',
  ownerInquiries: '/packages/owner/inquiries/index',
  ownerNotices: '/packages/owner/notices/index',
  committeeDocuments: '/packages/committee/documents/index',
  committeeInquiries: '/packages/committee/inquiries/index',
  staffWorkbench: '/packages/staff/workbench/index',
  staffDocuments: '/packages/staff/documents/index',
  staffQueue: '/packages/staff/queue/index',
} as const;

const TAB_PAGES: readonly string[] = [PAGES.home, PAGES.todo, PAGES.me];

/**
 * Opens a page path from the server (a todo's `link`) or from a page. Tab pages can only be reached
 * with switchTab, which drops the query string, so a link into a tab page loses its parameters.
 */
export function openLink(link: string): void {
  const url = link.startsWith('/') ? link : `/${link}`;
  const path = url.split('?')[0]!;
  const fail = () => void Taro.showToast({ title: '该功能即将上线', icon: 'none' });
  if (TAB_PAGES.includes(path)) {
    Taro.switchTab({ url: path }).catch(fail);
  } else {
    Taro.navigateTo({ url }).catch(fail);
  }
}

/** To the login page, replacing the whole stack so "back" cannot return to a signed-in page. */
export function toLogin(): void {
  void Taro.reLaunch({ url: PAGES.login });
}

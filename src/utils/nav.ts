import Taro from '@tarojs/taro';
import { currentLink, ROUTES, TAB_ROUTES } from '@domain/routes';

/**
 * Opens a page path from the server (a todo's `link`) or from a page. Tab pages can only be reached
 * with switchTab, which drops the query string, so a link into a tab page loses its parameters.
 */
export function openLink(link: string): void {
  const url = currentLink(link.startsWith('/') ? link : `/${link}`);
  const path = url.split('?')[0]!;
  const fail = () => void Taro.showToast({ title: '该功能即将上线', icon: 'none' });
  if ((TAB_ROUTES as readonly string[]).includes(path)) {
    Taro.switchTab({ url: path }).catch(fail);
  } else {
    Taro.navigateTo({ url }).catch(fail);
  }
}

/** To the login page, replacing the whole stack so "back" cannot return to a signed-in page. */
export function toLogin(): void {
  void Taro.reLaunch({ url: ROUTES.login });
}

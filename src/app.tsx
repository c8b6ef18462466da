import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { currentLink, ROUTES } from './domain/routes';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Only the mini-program talks to CloudBase directly; H5 goes through the local host's HTTP API.
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ env: TCB_ENV || undefined, traceUser: true });
      // A subscribe message sent before a page moved to another subpackage still names its old path.
      Taro.onPageNotFound(({ path, query }) => {
        const search = Object.entries(query ?? {})
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
          .join('&');
        const link = `/${path.replace(/^\//, '')}${search ? `?${search}` : ''}`;
        const moved = currentLink(link);
        const home = () => void Taro.reLaunch({ url: ROUTES.home });
        if (moved === link) home();
        else Taro.redirectTo({ url: moved }).catch(home);
      });
    }
  });

  return children;
}

export default App;

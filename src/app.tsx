import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Only the mini-program talks to CloudBase directly; H5 goes through the local host's HTTP API.
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ env: TCB_ENV || undefined, traceUser: true });
    }
  });

  return children;
}

export default App;

import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ROUTES } from '@domain/routes';

/** Fee collection moved to its own subpackage; old links (todos, bookmarks) land here and go on. */
export default function ArrearsRedirect() {
  useEffect(() => {
    void Taro.redirectTo({ url: ROUTES.fees.arrears });
  }, []);
  return (
    <View className="page" onClick={() => void Taro.redirectTo({ url: ROUTES.fees.arrears })}>
      正在打开欠费催缴…
    </View>
  );
}

import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';

/** Publishing to owners always asks first and shows the wording owners will read. */
export async function confirmOwnerWording(title: string, text: string): Promise<boolean> {
  const r = await Taro.showModal({ title: `向业主公告：${title}`, content: text.slice(0, 300), confirmText: '确认公告' });
  return r.confirm;
}

export function Line({ label, value }: { label: string; value?: string }) {
  return (
    <View className="row">
      <Text className="muted">{label}</Text>
      <Text>{value ?? ''}</Text>
    </View>
  );
}

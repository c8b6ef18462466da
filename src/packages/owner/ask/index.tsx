import { View } from '@tarojs/components';
import { AskForm } from '../../../components/inquiry/AskForm';

export default function AskPage() {
  return (
    <View className="page ask-page" data-testid="owner-ask-page">
      <AskForm channel="owner" />
    </View>
  );
}

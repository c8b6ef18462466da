import { View } from '@tarojs/components';
import { AskForm } from '../../../components/inquiry/AskForm';

export default function CommitteeAskPage() {
  return (
    <View className="page ask-page" data-testid="committee-ask-page">
      <AskForm channel="committee" />
    </View>
  );
}

import { View } from '@tarojs/components';
import { AskForm } from '../../../components/inquiry/AskForm';
import { INQUIRY_PAGES } from '../../../components/inquiry/parts';

export default function CommitteeAskPage() {
  return (
    <View className="page ask-page" data-testid="committee-ask-page">
      <AskForm channel="committee" listLink={INQUIRY_PAGES.committeeList} detailLink={INQUIRY_PAGES.committeeDetail} />
    </View>
  );
}

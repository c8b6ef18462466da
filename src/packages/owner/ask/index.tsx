import { View } from '@tarojs/components';
import { AskForm } from '../../../components/inquiry/AskForm';
import { INQUIRY_PAGES } from '../../../components/inquiry/parts';

export default function AskPage() {
  return (
    <View className="page ask-page" data-testid="owner-ask-page">
      <AskForm channel="owner" listLink={INQUIRY_PAGES.ownerList} detailLink={INQUIRY_PAGES.ownerDetail} />
    </View>
  );
}

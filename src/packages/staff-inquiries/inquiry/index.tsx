import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { InquiryDetail } from '../../../components/inquiry/InquiryDetail';

export default function InquiryPage() {
  const { params } = useRouter();
  return (
    <View className="page inquiry-page">
      <InquiryDetail id={params.id ?? ''} />
    </View>
  );
}

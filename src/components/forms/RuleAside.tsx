import { Text, View } from '@tarojs/components';
import './forms.scss';

/** The rule book's sentence beside the form it governs, so the person acting sees what is expected. */
export function RuleAside({ text, source = '《物业服务中心与业主委员会沟通规程》' }: { text: string; source?: string }) {
  return (
    <View className="rule-aside" data-testid="rule-aside">
      <Text>{text}</Text>
      <Text className="rule-aside-source">——{source}</Text>
    </View>
  );
}

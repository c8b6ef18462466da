import { Text, View } from '@tarojs/components';
import './forms.scss';

/** One choice out of a few, as a radio list: the first step of a guided form. */
export function Choices<K extends string>({
  options,
  value,
  onPick,
  testid,
}: {
  options: Array<{ key: K; label: string }>;
  value: K | null;
  onPick: (k: K) => void;
  testid: string;
}) {
  return (
    <View className="choice-list" role="radiogroup">
      {options.map((o) => (
        <View
          key={o.key}
          role="radio"
          aria-checked={value === o.key}
          className={`choice${value === o.key ? ' choice-active' : ''}`}
          data-testid={`${testid}-${o.key}`}
          onClick={() => onPick(o.key)}
        >
          <View className="choice-dot" />
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  );
}

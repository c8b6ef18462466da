import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { counterText, textLength, textProblem } from '@domain/limits';
import './forms.scss';

/**
 * A long text field that says how much room is left and what is wrong as the user types, with the
 * limit and the words of the server's own schema (src/domain/limits.ts). Nothing is cut off: text
 * over the limit stays, shown in red, until the user shortens it.
 */
export function CountedText({
  value,
  onChange,
  label,
  max,
  required = true,
  placeholder,
  testid,
  showProblem = false,
  className = '',
}: {
  value: string;
  onChange: (v: string) => void;
  label: string;
  max: number;
  required?: boolean;
  placeholder?: string;
  testid?: string;
  /** Show the problem before the user has typed (after a tap on submit). */
  showProblem?: boolean;
  className?: string;
}) {
  const [touched, setTouched] = useState(false);
  const problem = textProblem(value, label, max, required);
  const over = textLength(value) > max;
  return (
    <View className={`counted-text ${className}`} data-testid={testid}>
      <Textarea
        className={`form-textarea${problem && (touched || showProblem) ? ' form-textarea-invalid' : ''}`}
        value={value}
        maxlength={-1}
        placeholder={placeholder}
        onInput={(e) => {
          setTouched(true);
          onChange(e.detail.value);
        }}
        onBlur={() => setTouched(true)}
      />
      <View className="counted-text-foot">
        <Text className="field-problem" data-testid={testid ? `${testid}-problem` : undefined}>
          {problem && (touched || showProblem) ? problem : ''}
        </Text>
        <Text className={`field-counter${over ? ' field-counter-over' : ''}`} data-testid={testid ? `${testid}-counter` : undefined}>
          {counterText(value, max)}
        </Text>
      </View>
    </View>
  );
}

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { call, isApiError } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';

const EXAMPLE = `[
  { "year": 2027,
    "holidays": [{ "date": "2027-01-01", "name": "元旦" }],
    "workdays": [{ "date": "2027-02-07", "name": "春节" }] },
  { "date": "2027-01-04", "kind": "holiday", "name": "停电检修" }
]`;

/** Paste the year's official list (or single-day corrections) as JSON; any error stores nothing. */
export function ImportForm({ onDone }: { onDone: () => void }) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const { busy: saving, submit } = useSubmit();

  async function save(): Promise<void> {
    if (!text.trim()) {
      void Taro.showToast({ title: '请粘贴日历数据', icon: 'none' });
      return;
    }
    await submit(async () => {
      setErrors([]);
      const { saved, unchanged } = await call('workbench', 'importCalendar', { text }).catch((e: unknown) => {
        // The error toast has room for one line; the form lists every problem so all are fixed in one go.
        if (isApiError(e) && e.code === 'CALENDAR_IMPORT_INVALID' && Array.isArray(e.details)) setErrors(e.details.map(String));
        throw e;
      });
      void Taro.showToast({ title: saved.length > 0 ? `已导入 ${saved.length} 条` : `无变化（${unchanged} 条相同）`, icon: 'none' });
      setText('');
      onDone();
    });
  }

  return (
    <View className="card import-form" data-testid="import-form">
      <View className="card-title">导入日历数据</View>
      <View className="muted">
        国务院公布次年放假安排后，可在此粘贴 JSON 列表：整年安排写 year、holidays（放假日）、workdays（调休上班日）；单日更正写 date、kind（holiday 放假 /
        workday 上班）、name。有任何错误则全部不保存。
      </View>
      <Textarea
        className="import-text"
        data-testid="import-text"
        placeholder={EXAMPLE}
        maxlength={100000}
        value={text}
        onInput={(e) => setText(e.detail.value)}
      />
      {errors.length > 0 && (
        <View className="import-errors" data-testid="import-errors">
          <View>未保存，请更正以下问题：</View>
          {errors.map((err) => (
            <Text key={err} className="import-error">
              · {err}
            </Text>
          ))}
        </View>
      )}
      <View className="card-actions">
        <Button type="primary" loading={saving} data-testid="import-save" onClick={() => void save()}>
          校验并导入
        </Button>
      </View>
    </View>
  );
}

import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ImportView } from '@domain/api/admin';
import { FEE_TEMPLATES, type FeeImportKind } from '@domain/fee-import-templates';
import { call } from '../../../api/client';
import { useSpreadsheetImport } from '../../admin/useSpreadsheetImport';
import { saveTemplate } from './template';

const KINDS: FeeImportKind[] = ['bills', 'payments'];

function outcomeText(v: ImportView): string {
  const c = v.counts;
  return v.kind === 'payments'
    ? `入账 ${c.created}，此前已入账 ${c.unchanged}，待处理 ${c.unmatched ?? 0}`
    : `新增账单 ${c.created}，已存在未改动 ${c.unchanged}`;
}

/**
 * Bills or payments from the billing system or the bank: the same import as rooms (checked whole,
 * every bad row listed and nothing stored, then chunk by chunk with a progress bar, continued here
 * after an interruption).
 */
export function FeeImportSection({ communityId, imports, onChanged }: { communityId: string; imports: ImportView[]; onChanged: () => void }) {
  const [kind, setKind] = useState<FeeImportKind>('bills');
  const { busy, errors, running, choose, resume } = useSpreadsheetImport((file) => call('admin', 'importStart', { communityId, kind, file }), onChanged);
  const unfinished = imports.find((i) => i.status !== 'committed');
  const last = imports.find((i) => i.status === 'committed' && i.kind !== 'rooms');
  const t = FEE_TEMPLATES[kind];

  return (
    <View className="card" data-testid="fee-import">
      <View className="chip-row">
        {KINDS.map((k) => (
          <Text key={k} className={`chip${k === kind ? ' chip-active' : ''}`} data-testid={`fee-import-kind-${k}`} onClick={() => setKind(k)}>
            {FEE_TEMPLATES[k].title}
          </Text>
        ))}
      </View>
      <View className="muted">表格第一行为表头（.xlsx 或 .csv）：</View>
      <View className="import-template" data-testid="fee-import-columns">
        {t.header.join('，')}
      </View>
      <View className="muted">例：{t.example.join('，')}</View>
      <View className="muted">{t.notes}</View>
      <Button size="small" fill="outline" onClick={() => void saveTemplate(kind)}>
        下载模板
      </Button>
      {running && (
        <View className="import-progress">
          <View className="import-progress-fill" style={{ width: `${running.percent}%` }} />
        </View>
      )}
      {unfinished && !busy ? (
        <Button type="warning" onClick={() => void resume(unfinished)}>
          继续未完成的导入（{unfinished.percent}%）
        </Button>
      ) : (
        <Button type="primary" loading={busy} onClick={() => void choose()} data-testid="fee-import-choose">
          选择表格并导入
        </Button>
      )}
      {errors.length > 0 && (
        <View className="import-errors" data-testid="import-errors">
          {errors.map((e) => (
            <View key={e.line}>{e.message}</View>
          ))}
        </View>
      )}
      {last && (
        <View className="list-item-meta" data-testid="fee-import-last">
          最近一次：{last.fileName}，{outcomeText(last)}
        </View>
      )}
    </View>
  );
}

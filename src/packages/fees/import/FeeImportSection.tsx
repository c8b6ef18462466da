import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ImportView } from '@domain/api/admin';
import { FEE_TEMPLATES, type FeeImportKind } from '@domain/fee-import-templates';
import type { RowError } from '@domain/room-import';
import { call, isApiError } from '../../../api/client';
import { uploadFile } from '../../../api/files';
import { useSubmit } from '../../../components/useSubmit';
import { pickSpreadsheet } from '../../admin/pickFile';
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
  const [errors, setErrors] = useState<RowError[]>([]);
  const [progress, setProgress] = useState<ImportView | null>(null);
  const { busy, submit } = useSubmit();
  const unfinished = imports.find((i) => i.status !== 'committed');
  const last = imports.find((i) => i.status === 'committed' && i.kind !== 'rooms');
  const t = FEE_TEMPLATES[kind];

  async function run(start: () => Promise<ImportView>): Promise<void> {
    let view = await start();
    setProgress(view);
    while (view.status !== 'committed') {
      view = await call('admin', 'importStep', { importId: view.importId });
      setProgress(view);
    }
    onChanged();
  }

  const choose = () =>
    submit(async () => {
      setErrors([]);
      const picked = await pickSpreadsheet();
      if (!picked) return;
      const file = await uploadFile(picked.path, picked.name, 'imports');
      try {
        await run(() => call('admin', 'importStart', { communityId, kind, file: { fileId: file.fileId, name: picked.name } }));
      } catch (e) {
        if (isApiError(e) && e.code === 'IMPORT_INVALID' && Array.isArray(e.details)) setErrors(e.details as RowError[]);
        throw e;
      }
    });

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
      {progress && progress.status !== 'committed' && (
        <View className="import-progress">
          <View className="import-progress-fill" style={{ width: `${progress.percent}%` }} />
        </View>
      )}
      {unfinished && !busy ? (
        <Button type="warning" onClick={() => void submit(() => run(async () => unfinished))}>
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

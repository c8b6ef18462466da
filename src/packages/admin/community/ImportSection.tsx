import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ImportView } from '@domain/api/admin';
import { call } from '../../../api/client';
import { useSpreadsheetImport } from '../useSpreadsheetImport';

/**
 * Rooms and owners from the company's spreadsheet: checked whole (every bad row listed, nothing
 * stored), then imported chunk by chunk with a progress bar; an interrupted import continues here.
 */
export function ImportSection({ communityId, imports, onChanged }: { communityId: string; imports: ImportView[]; onChanged: () => void }) {
  const { busy, submit, errors, running, choose, resume } = useSpreadsheetImport((file) => call('admin', 'importStart', { communityId, file }), onChanged);
  const unfinished = imports.find((i) => i.status !== 'committed');
  // Unfinished: any kind (one import at a time per community); the last result shown: rooms only.
  const last = imports.find((i) => i.status === 'committed' && i.kind === 'rooms');

  const retire = (roomIds: string[]) =>
    submit(async () => {
      await call('admin', 'retireRooms', { communityId, roomIds });
      onChanged();
    }, '已停用');

  return (
    <View className="card" data-testid="import-section">
      <View className="section-title">房屋与业主导入</View>
      <View className="muted">表格第一行为表头：楼栋、单元、房号、建筑面积、业主姓名、业主手机（.xlsx 或 .csv）。再次导入按房号更新。</View>
      {running && (
        <View className="progress-track">
          <View className="progress-fill" style={{ width: `${running.percent}%` }} />
        </View>
      )}
      {unfinished && !busy ? (
        <Button type="warning" onClick={() => void resume(unfinished)}>
          继续未完成的导入（{unfinished.percent}%）
        </Button>
      ) : (
        <Button type="primary" loading={busy} onClick={() => void choose()}>
          选择表格并导入
        </Button>
      )}
      {unfinished?.stalled && <View className="errors">{unfinished.stalled}</View>}
      {errors.length > 0 && (
        <View className="errors" data-testid="import-errors">
          {errors.map((e) => (
            <View key={e.line}>{e.message}</View>
          ))}
        </View>
      )}
      {last && (
        <View className="list-item-meta" data-testid="import-last">
          最近一次：{last.fileName}，新增 {last.counts.created}，更新 {last.counts.updated}，未变 {last.counts.unchanged}
        </View>
      )}
      {last && last.missing.length > 0 && (
        <View>
          <Text className="section-extra">表格中没有以下 {last.missing.length} 套房屋，请核实后停用（记录保留）：</Text>
          {last.missing.slice(0, 50).map((m) => (
            <Text key={m.roomId} className="chip">
              {m.label}
            </Text>
          ))}
          <Button size="small" type="danger" onClick={() => void retire(last.missing.map((m) => m.roomId))}>
            全部停用
          </Button>
        </View>
      )}
    </View>
  );
}

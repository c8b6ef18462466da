import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { CalendarOverrideView } from '@domain/api/workbench';
import { call, showError } from '../../../api/client';
import { Empty } from '../../../components/States';
import { formatDateTime } from '../../../utils/format';

/** Every correction with who made it and when; each keeps its earlier versions, and revoking keeps the record. */
export function OverrideList({
  list,
  onChanged,
  onEditYear,
}: {
  list: CalendarOverrideView[];
  onChanged: () => void;
  onEditYear: (o: CalendarOverrideView) => void;
}) {
  const [open, setOpen] = useState<string | null>(null);

  async function revoke(o: CalendarOverrideView): Promise<void> {
    const { confirm } = await Taro.showModal({ title: '撤销修正', content: `撤销后“${o.summary}”不再生效，记录仍会保留。确定撤销吗？` });
    if (!confirm) return;
    try {
      await call('workbench', 'revokeCalendarOverride', { id: o.id });
      void Taro.showToast({ title: '已撤销', icon: 'success' });
      onChanged();
    } catch (e) {
      showError(e);
    }
  }

  if (list.length === 0) return <Empty text="暂无修正记录，日历按国家公布的安排计算" icon="日" />;
  return (
    <View data-testid="override-list">
      {list.map((o) => (
        <View key={o.id} className={`list-item override-item${o.revoked ? ' override-revoked' : ''}`} data-testid="override-item">
          <View className="row">
            <Text className="list-item-title override-summary">{o.summary}</Text>
            <Text className={`tag ${o.revoked ? 'tag-muted' : 'tag-success'}`}>{o.revoked ? '已撤销' : '生效中'}</Text>
          </View>
          <View className="list-item-meta">
            {o.updatedByName} · {formatDateTime(o.updatedAt)} · 第{o.version}版
          </View>
          <View className="row override-actions">
            <Text className="override-history-toggle" onClick={() => setOpen(open === o.id ? null : o.id)}>
              {open === o.id ? '收起修改历史' : `修改历史（${o.history.length}）`}
            </Text>
            <View>
              {o.scope === 'year' && (
                <Button size="small" fill="outline" onClick={() => onEditYear(o)}>
                  更正
                </Button>
              )}
              {!o.revoked && (
                <Button size="small" fill="outline" className="override-revoke" onClick={() => void revoke(o)}>
                  撤销
                </Button>
              )}
            </View>
          </View>
          {open === o.id &&
            o.history.map((h) => (
              <View key={`${h.at}-${h.change}`} className="override-history">
                {formatDateTime(h.at)} {h.byName}：
                {h.change === '撤销' ? `撤销“${h.previous ?? ''}”` : h.previous ? `由“${h.previous}”改为“${h.change}”` : `新增“${h.change}”`}
              </View>
            ))}
        </View>
      ))}
    </View>
  );
}

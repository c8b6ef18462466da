import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { InquiryDetailView } from '@domain/api/inquiries';
import { OPEN_STATUSES } from '@domain/inquiry-labels';
import { call, errorMessage, showError } from '../../api/client';
import { useSession } from '../../stores/session';
import { useTodos } from '../../stores/todos';
import { formatDateTime } from '../../utils/format';
import { Pending } from '../States';
import { AskerActions, type Act } from './AskerActions';
import { StaffActions } from './StaffActions';
import { Thread } from './Thread';
import { Photos, StatusTag, dueText } from './parts';

/** One inquiry: what was asked, when it is due, the whole thread, and what the viewer may do next. */
export function InquiryDetail({ id }: { id: string }) {
  const me = useSession((s) => s.me);
  const [item, setItem] = useState<InquiryDetailView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (): Promise<void> => {
    try {
      if (!useSession.getState().me) await useSession.getState().refresh();
      setItem(await call('inquiries', 'get', { inquiryId: id }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const act: Act = async (work, done) => {
    try {
      setItem(await work());
      void Taro.showToast({ title: done, icon: 'none' });
      void useTodos
        .getState()
        .load()
        .catch(() => undefined);
      return true;
    } catch (e) {
      showError(e);
      return false;
    }
  };

  if (!item) return <Pending error={error} onRetry={() => void load()} />;

  const staffView = me?.area === 'staff';
  const waiting = OPEN_STATUSES.includes(item.status);
  return (
    <View className="inquiry-detail" data-testid="inquiry-detail">
      <View className="card inquiry-head">
        <View className="row">
          <Text className="tag inquiry-kind">{item.channel === 'committee' ? `业委会${item.kindLabel}` : item.kindLabel}</Text>
          <StatusTag status={item.status} label={item.statusLabel} />
        </View>
        <View className="inquiry-text" data-testid="inquiry-text">
          {item.text}
        </View>
        <Photos photos={item.photos} />
        {item.auditDate && <View className="inquiry-line">查账日期：{item.auditDate}</View>}
        <View className="inquiry-line muted">
          {item.askerName}
          {item.roomLabel ? ` · ${item.roomLabel}` : ''} · {formatDateTime(item.receivedAt)} 提交
        </View>
        {staffView && item.askerPhone && (
          <View className="inquiry-line muted" data-testid="asker-phone">
            联系电话：{item.askerPhone}
          </View>
        )}
        {waiting && (
          <View className={`inquiry-due${item.overdue ? ' overdue' : ''}`} data-testid="detail-due">
            {dueText(item)}
          </View>
        )}
        {item.rating && <View className="inquiry-line">评价：{item.rating === 'satisfied' ? '满意' : '不满意'}</View>}
        <View className="muted inquiry-rule">{item.ruleText}</View>
      </View>

      <AskerActions item={item} act={act} />
      {staffView && <StaffActions item={item} act={act} />}

      <View className="section-title">处理过程</View>
      <Thread items={item.thread} />
    </View>
  );
}

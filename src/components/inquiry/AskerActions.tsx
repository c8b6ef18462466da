import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { InquiryDetailView } from '@domain/api/inquiries';
import type { FileRef } from '@domain/files';
import { call } from '../../api/client';
import { formatDateTime } from '../../utils/format';
import { PhotoPicker } from './PhotoPicker';

/** Runs one action and reports whether it landed (errors are already shown). */
export type Act = (work: () => Promise<InquiryDetailView>, done: string) => Promise<boolean>;

/** Rate the answer, reopen within 7 days if unsatisfied, or add to an item still being handled. */
export function AskerActions({ item, act }: { item: InquiryDetailView; act: Act }) {
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<FileRef[]>([]);
  const id = item.inquiryId;
  const { can } = item;
  if (!can.rate && !can.reopen && !can.followUp) return null;

  function withText(run: () => Promise<boolean>): void {
    if (!text.trim()) {
      void Taro.showToast({ title: '请先填写内容', icon: 'none' });
      return;
    }
    void run().then((ok) => {
      if (!ok) return;
      setText('');
      setPhotos([]);
    });
  }

  return (
    <View className="card asker-actions" data-testid="asker-actions">
      {can.rate && (
        <>
          <View className="action-title">服务中心已{item.status === 'explained' ? '作出解释说明' : '答复'}，您是否满意？</View>
          <View className="row rate-buttons">
            <Button
              className="rate-yes"
              data-testid="rate-yes"
              type="primary"
              onClick={() => void act(() => call('inquiries', 'rate', { inquiryId: id, satisfied: true }), '感谢您的评价')}
            >
              满意
            </Button>
            <Button
              className="rate-no"
              data-testid="rate-no"
              fill="outline"
              onClick={() => void act(() => call('inquiries', 'rate', { inquiryId: id, satisfied: false }), '已记录，您可以重新打开')}
            >
              不满意
            </Button>
          </View>
        </>
      )}
      {can.reopen && (
        <>
          <View className="action-title">对答复不满意？</View>
          <View className="muted">可在 {item.reopenUntil ? formatDateTime(item.reopenUntil) : ''} 前重新打开，服务中心将重新处理并重新计算答复期限。</View>
          <Textarea
            className="form-textarea"
            data-testid="reopen-text"
            value={text}
            maxlength={500}
            placeholder="请说明不满意的原因"
            onInput={(e) => setText(e.detail.value)}
          />
          <Button
            className="reopen-submit"
            data-testid="reopen-submit"
            type="primary"
            block
            onClick={() => withText(() => act(() => call('inquiries', 'reopen', { inquiryId: id, reason: text.trim() }), '已重新打开'))}
          >
            重新打开
          </Button>
        </>
      )}
      {can.followUp && (
        <>
          <View className="action-title">补充说明 / 追问</View>
          <Textarea
            className="form-textarea"
            data-testid="follow-text"
            value={text}
            maxlength={500}
            placeholder="补充情况或追问进度"
            onInput={(e) => setText(e.detail.value)}
          />
          <PhotoPicker photos={photos} onChange={setPhotos} folder="inquiries" />
          <Button
            className="follow-submit"
            data-testid="follow-submit"
            type="primary"
            fill="outline"
            block
            onClick={() => withText(() => act(() => call('inquiries', 'followUp', { inquiryId: id, text: text.trim(), photos }), '已发送'))}
          >
            发送
          </Button>
        </>
      )}
    </View>
  );
}

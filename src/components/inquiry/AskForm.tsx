import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Picker, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { InquiryDetailView } from '@domain/api/inquiries';
import type { FileRef } from '@domain/files';
import { askerInquiriesRoute, askerInquiryUrl } from '@domain/routes';
import { COMMITTEE_KINDS, OWNER_KINDS, type InquiryChannel, type InquiryKind } from '@domain/inquiry-labels';
import { RULE_PHRASES } from '@domain/rules';
import { call, isWeapp } from '../../api/client';
import { askConsent } from '../../api/consent';
import { useSession } from '../../stores/session';
import { useSubmit } from '../useSubmit';
import { PhotoPicker } from './PhotoPicker';
import { dueText } from './parts';

const HINTS: Record<InquiryChannel, string> = {
  owner: `服务中心收到后会先判断诉求是否合理：合理的在${RULE_PHRASES.inquiryWithin}答复或解决；暂时无法满足的会向您耐心解释；服务中心无法解决的将上报公司总经理。`,
  committee: `业委会的质询、质疑、建议和要求将书面登记，全体委员可见。查账请选择${RULE_PHRASES.auditWindow}之间的工作日。`,
};

/** 我要提问 / 提出质询: the same form for owners and the committee, with the answer date after sending. */
export function AskForm({ channel }: { channel: InquiryChannel }) {
  const me = useSession((s) => s.me);
  const kinds = Object.entries(channel === 'owner' ? OWNER_KINDS : COMMITTEE_KINDS) as Array<[InquiryKind, string]>;
  const rooms = (me?.rooms ?? []).filter((r) => r.status === 'approved');
  const [kind, setKind] = useState<InquiryKind>(kinds[0]![0]);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<FileRef[]>([]);
  const [roomId, setRoomId] = useState<string | undefined>(rooms.length === 1 ? rooms[0]!.roomId : undefined);
  const [auditDate, setAuditDate] = useState('');
  const { busy: sending, submit: send } = useSubmit();
  const [sent, setSent] = useState<InquiryDetailView | null>(null);

  // Opened from a link before the session loaded: learn the rooms, and pick the only one.
  useEffect(() => {
    if (!me)
      void useSession
        .getState()
        .refresh()
        .catch(() => undefined);
    else if (!roomId && rooms.length === 1) setRoomId(rooms[0]!.roomId);
    // Only when the session arrives: a room the user picked afterwards is theirs to keep.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [me]);

  async function submit(): Promise<void> {
    if (sending) return;
    if (!text.trim()) {
      void Taro.showToast({ title: '请填写内容', icon: 'none' });
      return;
    }
    const payload = {
      channel,
      kind,
      text: text.trim(),
      photos,
      ...(channel === 'owner' && roomId ? { roomId } : {}),
      ...(kind === 'audit' && auditDate ? { auditDate } : {}),
    };
    await send(async () => setSent(await call('inquiries', 'ask', payload)));
  }

  if (sent) {
    return (
      <View className="card ask-done" data-testid="ask-done">
        <View className="ask-done-mark">✓</View>
        <View className="ask-done-title">已提交，服务中心已登记</View>
        <View className="ask-done-due" data-testid="ask-done-due">
          {dueText(sent)}
        </View>
        {sent.dueProvisional && <View className="muted">该日期所在年份的法定节假日尚未公布，暂按周末推算，公布后以官方日历为准。</View>}
        <View className="muted ask-done-rule">{sent.ruleText}。答复后您会收到通知，可评价是否满意。</View>
        {isWeapp && (
          // WeChat shows the consent dialog only from a tap: this is the moment the asker wants to hear back.
          <Button className="ask-done-subscribe" type="primary" onClick={() => void askConsent('answered')}>
            答复时通知我
          </Button>
        )}
        <View className="row ask-done-actions">
          <View
            className="btn btn-plain btn-small"
            data-testid="ask-done-view"
            onClick={() => void Taro.redirectTo({ url: askerInquiryUrl(channel, sent.inquiryId) })}
          >
            查看详情
          </View>
          <View className="btn btn-plain btn-small" onClick={() => void Taro.redirectTo({ url: askerInquiriesRoute(channel) })}>
            {channel === 'owner' ? '我的提问' : '业委会事项'}
          </View>
        </View>
      </View>
    );
  }

  return (
    <View className="ask-form" data-testid="ask-form">
      <View className="notice ask-hint">{HINTS[channel]}</View>

      <View className="card">
        <View className="form-label">类型</View>
        <View className="chip-row">
          {kinds.map(([k, label]) => (
            <View key={k} className={`inquiry-chip${kind === k ? ' inquiry-chip-active' : ''}`} data-testid={`kind-${k}`} onClick={() => setKind(k)}>
              {label}
            </View>
          ))}
        </View>

        {channel === 'owner' && rooms.length > 1 && (
          <>
            <View className="form-label">房屋</View>
            <View className="chip-row">
              {rooms.map((r) => (
                <View key={r.roomId} className={`inquiry-chip${roomId === r.roomId ? ' inquiry-chip-active' : ''}`} onClick={() => setRoomId(r.roomId)}>
                  {r.label}
                </View>
              ))}
            </View>
          </>
        )}
        {channel === 'owner' && rooms.length === 1 && <View className="muted ask-room">房屋：{rooms[0]!.label}</View>}

        {kind === 'audit' && (
          <>
            <View className="form-label">查账日期（{RULE_PHRASES.auditWindow}）</View>
            <Picker mode="date" value={auditDate} onChange={(e) => setAuditDate(String(e.detail.value))}>
              <View className="form-field" data-testid="audit-date">
                {auditDate || '请选择日期'}
              </View>
            </Picker>
          </>
        )}

        <View className="form-label">内容</View>
        <Textarea
          className="form-textarea"
          data-testid="ask-text"
          value={text}
          maxlength={1000}
          placeholder={channel === 'owner' ? '请描述您的问题、建议或要求，如位置、时间、现象' : '请写明质询、质疑、建议或要求的具体内容'}
          onInput={(e) => setText(e.detail.value)}
        />
        <View className="form-label">照片（选填，最多6张）</View>
        <PhotoPicker photos={photos} onChange={setPhotos} folder="inquiries" />
      </View>

      <Button className="ask-submit" data-testid="ask-submit" type="primary" block loading={sending} onClick={() => void submit()}>
        提交
      </Button>
      <Text className="muted ask-foot">提交后可在“{channel === 'owner' ? '我的提问' : '业委会事项'}”中查看处理进度和答复。</Text>
    </View>
  );
}

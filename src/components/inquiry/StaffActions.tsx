import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Picker, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { AssigneeView, InquiryDetailView } from '@domain/api/inquiries';
import type { FileRef } from '@domain/files';
import type { Classification } from '@domain/inquiry-labels';
import { isStaffRole, LEAD_ROLES } from '@domain/roles';
import { call } from '../../api/client';
import { askConsent } from '../../api/consent';
import { useSession } from '../../stores/session';
import type { Act } from './AskerActions';
import { PhotoPicker } from './PhotoPicker';

const CHOICES: Array<[Classification, string, string]> = [
  ['reasonable', '合理，受理', '将在答复期限内答复或解决'],
  ['unreasonable', '不合理，解释说明', '请耐心、细致地说明原因，说明会发给提问人'],
  ['cannot_resolve', '无法解决，上报总经理', '上报后由总经理负责处理'],
];

function AssignRow({ item, act }: { item: InquiryDetailView; act: Act }) {
  const me = useSession((s) => s.me);
  const [staff, setStaff] = useState<AssigneeView[]>([]);
  const lead = isStaffRole(me?.staffRole, LEAD_ROLES);
  useEffect(() => {
    if (lead)
      void call('inquiries', 'assignees', {})
        .then(setStaff)
        .catch(() => setStaff([]));
  }, [lead]);
  const assign = (personId: string, name: string) =>
    act(() => call('inquiries', 'assign', { inquiryId: item.inquiryId, assigneeId: personId }), `已指派给${name}`);

  return (
    <View className="row assign-row" data-testid="assign-row">
      <Text>处理人：{item.assigneeName ?? '未指派'}</Text>
      {lead ? (
        <Picker
          mode="selector"
          range={staff.map((s) => `${s.name}（${s.roleLabel}）`)}
          onChange={(e) => {
            const s = staff[Number(e.detail.value)];
            if (s) void assign(s.personId, s.name);
          }}
        >
          <View className="btn btn-plain btn-small" data-testid="assign-open">
            指派
          </View>
        </Picker>
      ) : (
        me &&
        item.assigneeId !== me.personId && (
          <View
            className="btn btn-plain btn-small"
            data-testid="assign-self"
            onClick={() => {
              // Taking it is the natural moment to ask to be alerted of its deadline; straight from the tap.
              void askConsent('deadline');
              void assign(me.personId, '我');
            }}
          >
            由我处理
          </View>
        )
      )}
    </View>
  );
}

/** Assign, classify, answer with photos, explain or escalate: whatever the record allows this person now. */
export function StaffActions({ item, act }: { item: InquiryDetailView; act: Act }) {
  const { can } = item;
  const [choice, setChoice] = useState<Classification | null>(null);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<FileRef[]>([]);
  const id = item.inquiryId;
  if (!can.assign && !can.classify && !can.answer && !can.explain && !can.escalate) return null;

  function send(run: () => Promise<InquiryDetailView>, done: string, textRequired: boolean): void {
    if (textRequired && !text.trim()) {
      void Taro.showToast({ title: '请先填写内容', icon: 'none' });
      return;
    }
    void act(run, done).then((ok) => {
      if (!ok) return;
      setText('');
      setPhotos([]);
      setChoice(null);
    });
  }
  const classify = (c: Classification, done: string) =>
    send(() => call('inquiries', 'classify', { inquiryId: id, classification: c, ...(text.trim() ? { text: text.trim() } : {}) }), done, c !== 'reasonable');

  return (
    <View className="card staff-actions" data-testid="staff-actions">
      {can.assign && <AssignRow item={item} act={act} />}

      {can.classify && (
        <>
          <View className="action-title">受理分类</View>
          <View className="classify-options">
            {CHOICES.map(([c, label, hint]) => (
              <View
                key={c}
                className={`classify-option${choice === c ? ' classify-option-active' : ''}`}
                data-testid={`classify-${c}`}
                onClick={() => setChoice(c)}
              >
                <View className="classify-label">{label}</View>
                <View className="muted">{hint}</View>
              </View>
            ))}
          </View>
          {choice && (
            <>
              <Textarea
                className="form-textarea"
                data-testid="classify-text"
                value={text}
                maxlength={1000}
                placeholder={choice === 'reasonable' ? '备注（选填）' : choice === 'unreasonable' ? '解释说明（必填），请耐心细致' : '无法解决的原因（必填）'}
                onInput={(e) => setText(e.detail.value)}
              />
              <Button
                className="classify-submit"
                data-testid="classify-submit"
                type="primary"
                block
                onClick={() => classify(choice, choice === 'cannot_resolve' ? '已上报总经理' : '已提交')}
              >
                确认
              </Button>
            </>
          )}
        </>
      )}

      {(can.answer || can.explain) && (
        <>
          <View className="action-title">答复提问人</View>
          <Textarea
            className="form-textarea"
            data-testid="answer-text"
            value={text}
            maxlength={1000}
            placeholder="答复内容，将通知提问人"
            onInput={(e) => setText(e.detail.value)}
          />
          <PhotoPicker photos={photos} onChange={setPhotos} folder="inquiries" />
          {can.answer && (
            <Button
              className="answer-submit"
              data-testid="answer-submit"
              type="primary"
              block
              onClick={() => send(() => call('inquiries', 'answer', { inquiryId: id, text: text.trim(), photos }), '已答复', true)}
            >
              提交答复
            </Button>
          )}
          {can.explain && (
            <Button className="explain-submit" fill="outline" block onClick={() => classify('unreasonable', '已提交解释说明')}>
              作为解释说明提交
            </Button>
          )}
          {can.escalate && (
            <Button
              className="escalate-submit"
              data-testid="escalate-submit"
              fill="outline"
              type="danger"
              block
              onClick={() => classify('cannot_resolve', '已上报总经理')}
            >
              无法解决，上报总经理（请在上方填写原因）
            </Button>
          )}
        </>
      )}
    </View>
  );
}

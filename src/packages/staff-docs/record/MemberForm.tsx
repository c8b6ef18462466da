import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { TEXT_LIMITS, textProblem } from '@domain/limits';
import type { RecordRow } from '@domain/record';
import { call } from '../../../api/client';
import { CountedText } from '../../../components/forms/CountedText';
import { RuleAside } from '../../../components/forms/RuleAside';

export type MemberFormKind = 'reply' | 'refusal';

/** The staff's two acts on a member's delivery: one form each, with the rule that asks for it beside it. */
const FORMS: Record<MemberFormKind, { title: string; rule: string; field: string; max: number; placeholder: string; submit: string; done: string }> = {
  reply: {
    title: '答复异议',
    rule: '委员提出异议的，应及时给予充分的解释；答复记入《输出信息审批记录》。',
    field: '答复内容',
    max: TEXT_LIMITS.objectionReply,
    placeholder: '请给予充分、耐心的解释',
    submit: '提交答复',
    done: '答复已记录',
  },
  refusal: {
    title: '记录拒签',
    rule: '委员拒绝签收的，由工作人员做好记录；记录人和时间将存档。',
    field: '拒签原因',
    max: TEXT_LIMITS.refusalReason,
    placeholder: '如：委员当面表示不认可，拒绝签收',
    submit: '记录拒签',
    done: '拒签已记录',
  },
};

export function MemberForm({
  kind,
  row,
  busy,
  onCancel,
  onSubmit,
}: {
  kind: MemberFormKind;
  row: RecordRow;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (work: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const f = FORMS[kind];
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const objection = row.objections[row.objections.length - 1]?.text;

  function submit(): void {
    setTried(true);
    const problem = textProblem(text, f.field, f.max);
    if (problem) {
      void Taro.showToast({ title: problem, icon: 'none' });
      return;
    }
    const body = text.trim();
    void onSubmit(
      () =>
        kind === 'reply'
          ? call('filings', 'reply', { deliveryId: row.deliveryId, text: body })
          : call('filings', 'recordRefusal', { deliveryId: row.deliveryId, reason: body }),
      f.done,
    );
  }

  return (
    <View className="record-form" data-testid={kind === 'reply' ? 'reply-form' : 'refusal-form'}>
      <View className="record-form-title">
        {f.title} · {row.memberName}
      </View>
      {kind === 'reply' && objection && (
        <View className="muted">
          {row.memberName} 的异议：{objection}
        </View>
      )}
      <RuleAside text={f.rule} />
      <CountedText value={text} onChange={setText} label={f.field} max={f.max} placeholder={f.placeholder} testid="record-form-text" showProblem={tried} />
      <View className="record-form-actions">
        <Button onClick={onCancel}>取消</Button>
        <Button type="primary" data-testid="record-form-submit" loading={busy} onClick={submit}>
          {f.submit}
        </Button>
      </View>
    </View>
  );
}

import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { AssigneeView, InquiryDetailView } from '@domain/api/inquiries';
import type { FileRef } from '@domain/files';
import type { Classification } from '@domain/inquiry-labels';
import { HANDLING_CHOICES, handlingCalls, handlingChoices, presetChoice } from '@domain/inquiry-handling';
import { textProblem } from '@domain/limits';
import { isStaffRole, LEAD_ROLES } from '@domain/roles';
import { call } from '../../api/client';
import { askConsent } from '../../api/consent';
import { useSession } from '../../stores/session';
import type { Act } from './AskerActions';
import { PhotoPicker } from './PhotoPicker';
import { Choices } from '../forms/Choices';
import { CountedText } from '../forms/CountedText';
import { RuleAside } from '../forms/RuleAside';
import { useSubmit } from '../useSubmit';

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

/**
 * Handling as one guided step: how the centre treats it (合理 / 不合理 / 无法解决), the one form that
 * treatment needs with the rule beside it, and one submit; what is offered follows the record's abilities.
 */
export function StaffActions({ item, act }: { item: InquiryDetailView; act: Act }) {
  const { can } = item;
  const [picked, setPicked] = useState<Classification | null>(null);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<FileRef[]>([]);
  const [tried, setTried] = useState(false);
  const { busy, submit } = useSubmit();
  const id = item.inquiryId;
  const choices = handlingChoices(can);
  if (!can.assign && choices.length === 0) return null;
  const choice = picked ?? presetChoice(can);
  const form = choice ? HANDLING_CHOICES[choice] : null;
  const problem = form ? textProblem(text, form.field, form.max) : null;

  function run(): void {
    if (!form || !choice) return;
    setTried(true);
    if (problem) {
      void Taro.showToast({ title: problem, icon: 'none' });
      return;
    }
    const body = text.trim();
    void submit(async () => {
      let last: InquiryDetailView | null = null;
      for (const c of handlingCalls(choice, can)) {
        const work =
          c.action === 'answer'
            ? () => call('inquiries', 'answer', { inquiryId: id, text: body, photos })
            : () => call('inquiries', 'classify', { inquiryId: id, classification: c.classification, ...(c.withText ? { text: body } : {}) });
        // Each call lands on its own; a failed answer after a stored classification keeps the text for a retry.
        const ok = await act(async () => (last = await work()), c.action === 'answer' || c.withText ? form.doneToast : '已受理');
        if (!ok) return;
      }
      if (last) {
        setText('');
        setPhotos([]);
        setPicked(null);
        setTried(false);
      }
    });
  }

  return (
    <View className="card staff-actions" data-testid="staff-actions">
      {can.assign && <AssignRow item={item} act={act} />}
      {choices.length > 0 && (
        <>
          <View className="action-title">处理方式</View>
          <Choices
            options={choices.map((c) => ({ key: c.key, label: c.label }))}
            value={choice}
            onPick={(k) => {
              setPicked(k);
              setTried(false);
            }}
            testid="classify"
          />
        </>
      )}
      {form && (
        <View className="handling-form" data-testid={`handling-${form.key}`}>
          <RuleAside text={form.rule} />
          <View className="form-label">{form.field}</View>
          <CountedText
            value={text}
            onChange={setText}
            label={form.field}
            max={form.max}
            placeholder={form.placeholder}
            testid="handle-text"
            showProblem={tried}
          />
          {form.photos && <PhotoPicker photos={photos} onChange={setPhotos} folder="inquiries" />}
          <Button
            className="handle-submit"
            data-testid="handle-submit"
            type={form.key === 'cannot_resolve' ? 'danger' : 'primary'}
            block
            loading={busy}
            onClick={run}
          >
            {form.submitLabel}
          </Button>
          {form.key === 'reasonable' && can.classify && (
            <View
              className="btn btn-plain btn-small accept-only"
              data-testid="accept-only"
              onClick={() => void act(() => call('inquiries', 'classify', { inquiryId: id, classification: 'reasonable' }), '已受理，请按期答复')}
            >
              先受理，稍后答复
            </View>
          )}
        </View>
      )}
    </View>
  );
}

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { MEETING_KIND_LABELS } from '@domain/meetings';
import { RULE_PHRASES } from '@domain/rules';
import { ROUTES, routeUrl } from '@domain/routes';
import { call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { addDays, Rule, today, WhenField } from '../fields';
import { NoticePlan } from './NoticePlan';

type Kind = 'special' | 'half_year' | 'annual';
const KIND_RULES: Record<Kind, string> = {
  special: `服务中心需要业委会同意的事项召开专题工作会议；通知和材料须在${RULE_PHRASES.specialMeetingNotice}送达每位委员。`,
  half_year: `半年度工作汇报会（公司领导出席）须在${RULE_PHRASES.halfYearReport}召开。`,
  annual: `年度工作汇报会（公司领导出席）须在${RULE_PHRASES.annualReport}召开。`,
};

/** A new special or report meeting: day and time from the pickers, the notice rule checked as the day changes. */
export function ScheduleForm() {
  const [kind, setKind] = useState<Kind>('special');
  const [title, setTitle] = useState('');
  // The first day a notice sent today is still on time (the default setting); the picker can move it.
  const [day, setDay] = useState(addDays(today(), 7));
  const [time, setTime] = useState('14:30');
  const [place, setPlace] = useState('物业服务中心会议室');
  const [motion, setMotion] = useState('');
  const { busy, submit } = useSubmit();
  return (
    <View className="page" data-testid="schedule-page">
      <View className="card">
        <View className="mt-chips">
          {(Object.keys(KIND_RULES) as Kind[]).map((k) => (
            <View key={k} className={`mt-chip${kind === k ? ' mt-chip-on' : ''}`} data-testid={`kind-${k}`} onClick={() => setKind(k)}>
              {MEETING_KIND_LABELS[k]}
            </View>
          ))}
        </View>
        <Rule>{KIND_RULES[kind]}</Rule>
        <View className="mt-label">会议名称</View>
        <Input value={title} onChange={setTitle} placeholder="如：2栋电梯更新专题会" data-testid="schedule-title" />
        <WhenField day={day} time={time} start={today()} onDay={setDay} onTime={setTime} testid="schedule-when" />
        {kind === 'special' && <NoticePlan day={day} />}
        <View className="mt-label">地点</View>
        <Input value={place} onChange={setPlace} placeholder="地点" />
        <View className="mt-label">表决议题（可空，会上也可增加）</View>
        <Input value={motion} onChange={setMotion} placeholder="如：同意更新2栋电梯" />
      </View>
      <Button
        type="primary"
        block
        loading={busy}
        disabled={!title.trim()}
        data-testid="schedule-submit"
        onClick={() =>
          void submit(async () => {
            const m = await call('meetings', 'schedule', {
              kind,
              title,
              day,
              time,
              place,
              motions: motion.trim() ? [{ title: motion.trim(), requiresPosting: true }] : [],
            });
            void Taro.redirectTo({ url: routeUrl(ROUTES.meetings.meeting, { id: m._id }) });
          }, '已安排')
        }
      >
        安排会议
      </Button>
    </View>
  );
}

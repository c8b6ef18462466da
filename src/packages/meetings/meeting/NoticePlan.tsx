import { View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { meetingNoticePhrase } from '@domain/rules';
import { call } from '../../../api/client';
import { usePageData } from '../../../components/usePageData';
import { Rule } from '../fields';

/**
 * The notice rule for a chosen meeting day, asked of the server (it knows the community's setting):
 * the latest day the notice may reach members, flagged before submit when that day has passed, with
 * the late reason the send then needs.
 */
export function NoticePlan({ day, lateReason, onLateReason }: { day: string; lateReason?: string; onLateReason?: (v: string) => void }) {
  const { data } = usePageData(() => call('meetings', 'previewNotice', { day }), [day]);
  if (!data) return null;
  return (
    <View data-testid="notice-plan">
      <Rule>
        会议通知和材料须在{meetingNoticePhrase(data.noticeDays)}书面送达每位委员，逐一签收。本次最迟送达：{data.deadline.dueDate}
      </Rule>
      {data.late ? (
        <View>
          <View className="mt-flag" data-testid="notice-late">
            已晚于最迟送达日（{data.deadline.dueDate}），发送将标记为逾期，须填写原因；或改选更晚的会议日期。
          </View>
          {onLateReason && <Input value={lateReason ?? ''} onChange={onLateReason} placeholder="逾期原因（必填）" data-testid="late-reason" />}
        </View>
      ) : (
        <View className="mt-ok" data-testid="notice-on-time">
          按时：今天送达符合通知期限
        </View>
      )}
    </View>
  );
}

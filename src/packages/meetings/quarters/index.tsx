import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { ROUTES, routeUrl } from '@domain/routes';
import { call } from '../../../api/client';
import { Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSubmit } from '../../../components/useSubmit';
import { openLink } from '../../../utils/nav';
import { useSession } from '../../../stores/session';

/** Meetings by quarter: the routine duty's status, the proposal, meetings and communications. */
export default function QuartersPage() {
  const today = new Date();
  const [year, setYear] = useState(today.getFullYear());
  const { data, error, reload } = usePageData(() => call('meetings', 'quarters', { year }), [year]);
  const { busy, submit } = useSubmit();
  const [summary, setSummary] = useState('');

  if (!data)
    return (
      <View className="page">
        <Pending error={error} onRetry={reload} />
      </View>
    );
  return (
    <View className="page" data-testid="quarters-page">
      <View className="row">
        <Button size="small" onClick={() => setYear(year - 1)}>
          上一年
        </Button>
        <Text className="section-title">{year}年</Text>
        <Button size="small" onClick={() => setYear(year + 1)}>
          下一年
        </Button>
      </View>
      {data.rows.map((row) => (
        <View key={row.period} className="card" data-testid={`quarter-${row.period}`}>
          <View className="row">
            <Text className="section-title">{row.period}</Text>
            <Text className={`tag ${row.quarter.status === 'at_risk' || row.quarter.status === 'missed' ? 'overdue' : ''}`}>{row.quarter.label}</Text>
          </View>
          {row.quarter.reasons.map((r) => (
            <View key={r} className="muted">
              {r}
            </View>
          ))}
          {row.proposal ? (
            <View className="list-item" onClick={() => openLink(routeUrl(ROUTES.meetings.proposal, { id: row.proposal!._id }))}>
              提议：{row.proposal.statusLabel}
              {row.proposal.reply?.reason ? `（${row.proposal.reply.reason}）` : ''}
            </View>
          ) : (
            data.canPropose && (
              <Button
                type="primary"
                size="small"
                data-testid="propose"
                loading={busy}
                onClick={() => void submit(() => call('meetings', 'propose', { period: row.period }).then(reload), '已提议')}
              >
                向主任提议例行会议
              </Button>
            )
          )}
          {row.meetings.map((m) => (
            <View key={m._id} className="list-item" onClick={() => openLink(routeUrl(ROUTES.meetings.meeting, { id: m._id }))}>
              {m.title} · {m.day} · {m.statusLabel}
            </View>
          ))}
          {row.communications.map((c) => (
            <View key={c._id} className="list-item muted">
              {c.on} {c.channelLabel} {c.participants.map((p) => p.name).join('、')}：{c.summary}
            </View>
          ))}
          {data.canPropose && row.proposal?.status === 'declined' && (
            <View>
              <TextArea value={summary} onChange={setSummary} placeholder="与主任、副主任的沟通摘要（方式：上门拜访）" />
              <Button
                size="small"
                loading={busy}
                onClick={() =>
                  void submit(async () => {
                    const p = row.proposal!;
                    await call('meetings', 'recordCommunication', {
                      period: row.period,
                      on: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
                      channel: 'visit',
                      participantIds: [p.chair.personId, ...(p.delegate ? [p.delegate.personId] : [])],
                      summary,
                    });
                    setSummary('');
                    reload();
                  }, '已记录')
                }
              >
                记录沟通
              </Button>
            </View>
          )}
        </View>
      ))}
      <View className="list-item" data-testid="to-resolutions" onClick={() => openLink(ROUTES.meetings.resolutions)}>
        会议决议（签字、盖章、公告）
      </View>
      {!data.canPropose && <MyVotes />}
      {data.canPropose && (
        <Button onClick={() => void Taro.navigateTo({ url: routeUrl(ROUTES.meetings.meeting, { new: 1 }) })}>安排专题会议或工作汇报会</Button>
      )}
    </View>
  );
}

/** A member's own recorded votes, per meeting and motion (staff see votes on the meeting page). */
function MyVotes() {
  const roles = useSession((s) => s.me)?.roles ?? [];
  const isMember = roles.includes('committee');
  const { data } = usePageData(() => (isMember ? call('meetings', 'myVotes', {}) : Promise.resolve([])), [isMember]);
  if (!data?.length) return null;
  return (
    <View className="card" data-testid="my-votes">
      <View className="section-title">我的表决</View>
      {data.map((v) => (
        <View key={`${v.meetingId}-${v.motionId}`} className="list-item">
          {v.day} {v.motionTitle}：{v.choice}
          {v.passed === undefined ? '' : v.passed ? '（通过）' : '（未通过）'}
        </View>
      ))}
    </View>
  );
}

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { RULE_PHRASES } from '@domain/rules';
import { ROUTES, routeUrl } from '@domain/routes';
import { appNow, call } from '../../../api/client';
import { Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSubmit } from '../../../components/useSubmit';
import { openLink } from '../../../utils/nav';
import { useSession } from '../../../stores/session';
import { Rule } from '../fields';
import { CommunicationForm } from './Communication';

/** Meetings by quarter: the routine duty's status, the proposal, meetings and communications. */
export default function QuartersPage() {
  const today = new Date(appNow());
  const [year, setYear] = useState(today.getFullYear());
  const { data, error, reload } = usePageData(() => call('meetings', 'quarters', { year }), [year]);
  const { busy, submit } = useSubmit();

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
      {data.canPropose && (
        <Rule>
          {RULE_PHRASES.routineMeetingProposal}向主任提议召开例行工作沟通会议（议程默认为上一季度工作情况、收支状况、本季度工作安排）；
          {RULE_PHRASES.proposalRisk}
          仍未提议、或{RULE_PHRASES.quarterRisk}仍无会议也无沟通记录，即为有风险。
        </Rule>
      )}
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
              <View>
                <Button
                  type="primary"
                  size="small"
                  data-testid="propose"
                  loading={busy}
                  onClick={() => void submit(() => call('meetings', 'propose', { period: row.period }).then(reload), '已提议')}
                >
                  向主任提议例行会议
                </Button>
              </View>
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
          {data.canPropose && row.proposal?.status === 'declined' && row.quarter.status !== 'met' && (
            <CommunicationForm row={row} roster={data.roster} onDone={reload} />
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

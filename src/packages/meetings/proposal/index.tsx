import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { call } from '../../../api/client';
import { Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSubmit } from '../../../components/useSubmit';
import { addDays, Rule, Step, today, WhenField } from '../fields';
import { Line } from '../parts';

/** The chair's (or delegate's) answer: accept with day, time and place, delegate, or decline with a reason. */
export default function ProposalPage() {
  const id = useRouter().params.id ?? '';
  const period = id.slice(-7);
  const year = Number(period.slice(0, 4));
  const { data, error, reload } = usePageData(() => call('meetings', 'quarters', { year }), [year]);
  const { busy, submit } = useSubmit();
  const [day, setDay] = useState(addDays(today(), 7));
  const [time, setTime] = useState('14:30');
  const [place, setPlace] = useState('物业服务中心会议室');
  const [reason, setReason] = useState('');

  const row = data?.rows.find((r) => r.proposal?._id === id);
  if (!data || !row?.proposal)
    return (
      <View className="page">
        <Pending error={error ?? (data ? '提议不存在' : null)} onRetry={reload} />
      </View>
    );
  const p = row.proposal;
  const open = p.status === 'proposed' || p.status === 'delegated';
  const outside = day < row.quarter.firstDay || day > row.quarter.lastDay;
  const answer = (payload: Parameters<typeof call<'meetings', 'replyProposal'>>[2]) =>
    void submit(() => call('meetings', 'replyProposal', payload).then(reload), '已答复');
  return (
    <View className="page" data-testid="proposal-page">
      <View className="card">
        <Step title={`${p.period} 例行工作沟通会议`} state={open ? 'now' : 'done'} />
        <Line label="提议人" value={p.proposedBy.name} />
        <Line label="状态" value={p.statusLabel} />
        {p.delegate && <Line label="受托召集" value={p.delegate.name} />}
        {p.reply?.day && <Line label="会议时间" value={`${p.reply.day} ${p.reply.time ?? ''} ${p.reply.place ?? ''}`} />}
        {p.reply?.reason && <Line label="原因" value={p.reply.reason} />}
        <View className="mt-label">议程</View>
        {p.agenda.map((a, i) => (
          <View key={a}>{`${i + 1}. ${a}`}</View>
        ))}
      </View>
      {open && (
        <View className="card" data-testid="proposal-reply">
          <Rule>
            请选择：同意召开并确定时间地点；委托副主任或一名委员召集（受托人再答复）；或认为无需召开并说明原因（此后服务中心以与主任、副主任的沟通记录完成本季度职责）。
          </Rule>
          <WhenField day={day} time={time} start={today()} onDay={setDay} onTime={setTime} testid="accept-when" />
          {outside && (
            <View className="mt-flag" data-testid="accept-outside">
              所选日期不在{p.period}（{row.quarter.firstDay} 至 {row.quarter.lastDay}）内，本季度的例行会议职责将不能由此完成
            </View>
          )}
          <View className="mt-label">地点</View>
          <Input value={place} onChange={setPlace} placeholder="地点" />
          <Button type="primary" block loading={busy} data-testid="accept" onClick={() => answer({ proposalId: id, event: 'accept', day, time, place })}>
            同意召开
          </Button>
          {p.status === 'proposed' && (
            <View>
              <View className="mt-label">委托召集</View>
              <View className="mt-buttons">
                {data.roster
                  .filter((m) => m.personId !== p.chair.personId)
                  .map((m) => (
                    <Button key={m.personId} size="small" loading={busy} onClick={() => answer({ proposalId: id, event: 'delegate', delegateId: m.personId })}>
                      {m.position}
                      {m.name}
                    </Button>
                  ))}
              </View>
            </View>
          )}
          <View className="mt-label">认为无需召开</View>
          <TextArea value={reason} onChange={setReason} placeholder="原因（必填）" data-testid="decline-reason" />
          <Button block loading={busy} disabled={!reason.trim()} data-testid="decline" onClick={() => answer({ proposalId: id, event: 'decline', reason })}>
            无需召开
          </Button>
        </View>
      )}
    </View>
  );
}

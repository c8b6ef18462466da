import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { call } from '../../../api/client';
import { Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSubmit } from '../../../components/useSubmit';
import { Line } from '../parts';

/** The chair's (or delegate's) answer: accept with date and place, delegate, or decline with a reason. */
export default function ProposalPage() {
  const id = useRouter().params.id ?? '';
  const period = id.slice(-7);
  const year = Number(period.slice(0, 4));
  const { data, error, reload } = usePageData(() => call('meetings', 'quarters', { year }), [year]);
  const { busy, submit } = useSubmit();
  const [day, setDay] = useState('');
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
  const answer = (payload: Parameters<typeof call<'meetings', 'replyProposal'>>[2]) =>
    void submit(() => call('meetings', 'replyProposal', payload).then(reload), '已答复');
  return (
    <View className="page" data-testid="proposal-page">
      <View className="card">
        <Line label="季度" value={p.period} />
        <Line label="提议人" value={p.proposedBy.name} />
        <Line label="状态" value={p.statusLabel} />
        <View className="section-title">议程</View>
        {p.agenda.map((a, i) => (
          <View key={a}>{`${i + 1}. ${a}`}</View>
        ))}
      </View>
      {(p.status === 'proposed' || p.status === 'delegated') && (
        <View className="card">
          <Input value={day} onChange={setDay} placeholder="会议日期（如 2026-10-20）" data-testid="accept-day" />
          <Input value={place} onChange={setPlace} placeholder="地点" />
          <Button type="primary" loading={busy} data-testid="accept" onClick={() => answer({ proposalId: id, event: 'accept', day, place })}>
            同意召开
          </Button>
          {p.status === 'proposed' &&
            data.roster
              .filter((m) => m.personId !== p.chair.personId)
              .map((m) => (
                <Button key={m.personId} size="small" loading={busy} onClick={() => answer({ proposalId: id, event: 'delegate', delegateId: m.personId })}>
                  委托{m.position}
                  {m.name}召集
                </Button>
              ))}
          <TextArea value={reason} onChange={setReason} placeholder="认为无需召开的原因" />
          <Button loading={busy} onClick={() => answer({ proposalId: id, event: 'decline', reason })}>
            无需召开
          </Button>
        </View>
      )}
    </View>
  );
}

import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { VoteChoice } from '@domain/meetings';
import { VOTE_LABELS } from '@domain/meetings';
import { ROUTES, routeUrl } from '@domain/routes';
import { call } from '../../../api/client';
import { Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSubmit } from '../../../components/useSubmit';
import { openLink } from '../../../utils/nav';
import { Line } from '../parts';

/** A new special / report meeting: the latest notice date is shown while composing. */
function ScheduleForm() {
  const [form, setForm] = useState({ kind: 'special' as 'special' | 'half_year' | 'annual', title: '', day: '', place: '物业服务中心会议室', motion: '' });
  const { data: preview } = usePageData(
    () => (/^\d{4}-\d{2}-\d{2}$/.test(form.day) ? call('meetings', 'previewNotice', { day: form.day }) : Promise.resolve(null)),
    [form.day],
  );
  const { busy, submit } = useSubmit();
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  return (
    <View className="page" data-testid="schedule-page">
      <View className="row">
        {(['special', 'half_year', 'annual'] as const).map((k) => (
          <Button key={k} size="small" type={form.kind === k ? 'primary' : 'default'} onClick={() => setForm({ ...form, kind: k })}>
            {{ special: '专题会议', half_year: '半年度汇报', annual: '年度汇报' }[k]}
          </Button>
        ))}
      </View>
      <Input value={form.title} onChange={set('title')} placeholder="会议名称" />
      <Input value={form.day} onChange={set('day')} placeholder="会议日期（YYYY-MM-DD）" />
      {preview && (
        <View className={preview.late ? 'notice overdue' : 'notice'}>
          最迟送达通知：{preview.deadline.dueDate}（{preview.deadline.ruleText}）{preview.late ? '，已逾期，发送时须填写原因' : ''}
        </View>
      )}
      <Input value={form.place} onChange={set('place')} placeholder="地点" />
      <Input value={form.motion} onChange={set('motion')} placeholder="表决议题（可空）" />
      <Button
        type="primary"
        loading={busy}
        onClick={() =>
          void submit(async () => {
            const m = await call('meetings', 'schedule', {
              kind: form.kind,
              title: form.title,
              day: form.day,
              place: form.place,
              motions: form.motion ? [{ title: form.motion, requiresPosting: true }] : [],
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

export default function MeetingPage() {
  const params = useRouter().params;
  if (params.new) return <ScheduleForm />;
  return <MeetingDetail id={params.id ?? ''} />;
}

function MeetingDetail({ id }: { id: string }) {
  const { data, error, reload } = usePageData(() => call('meetings', 'get', { meetingId: id }), [id]);
  const { busy, submit } = useSubmit();
  const [present, setPresent] = useState<string[]>([]);
  const [votes, setVotes] = useState<Record<string, VoteChoice>>({});
  const [text, setText] = useState('');
  const [lateReason, setLateReason] = useState('');
  if (!data)
    return (
      <View className="page">
        <Pending error={error} onRetry={reload} />
      </View>
    );
  const { meeting: m, roster, resolutions } = data;
  const run = (work: () => Promise<unknown>, toast: string) => void submit(() => work().then(reload), toast);
  return (
    <View className="page" data-testid="meeting-page">
      <View className="card">
        <Text className="section-title">{m.title}</Text>
        <Line label="类别" value={m.kindLabel} />
        <Line label="时间地点" value={`${m.day} ${m.place}`} />
        <Line label="状态" value={m.statusLabel} />
        {m.agenda.map((a, i) => (
          <View key={a} className="muted">{`${i + 1}. ${a}`}</View>
        ))}
        {m.noticeDocumentId && (
          <View className="list-item" onClick={() => openLink(routeUrl(ROUTES.staff.record, { id: m.noticeDocumentId! }))}>
            会议通知签收情况
          </View>
        )}
      </View>
      {m.kind === 'special' && m.status === 'scheduled' && !m.noticeDocumentId && (
        <View className="card">
          <TextArea value={text} onChange={setText} placeholder="通知正文与材料说明" />
          <Input value={lateReason} onChange={setLateReason} placeholder="逾期原因（晚于最迟送达日时必填）" />
          <Button
            type="primary"
            loading={busy}
            onClick={() => run(() => call('meetings', 'sendNotice', { meetingId: id, body: text, lateReason: lateReason || undefined }), '已送达每位委员')}
          >
            书面送达每位委员
          </Button>
        </View>
      )}
      {m.status === 'scheduled' && (
        <View className="card" data-testid="attendance">
          <View className="section-title">出席委员（须亲自出席，不得委托）</View>
          {roster.map((p) => (
            <Button
              key={p.personId}
              size="small"
              type={present.includes(p.personId) ? 'primary' : 'default'}
              onClick={() => setPresent(present.includes(p.personId) ? present.filter((x) => x !== p.personId) : [...present, p.personId])}
            >
              {p.position} {p.name}
            </Button>
          ))}
          <Button
            type="primary"
            loading={busy}
            onClick={() => run(() => call('meetings', 'recordAttendance', { meetingId: id, memberIds: present }), '已记录出席')}
          >
            记录出席
          </Button>
        </View>
      )}
      {m.attendance && (
        <View className="card">
          <Line label="出席" value={`${m.attendance.memberNames.join('、')}（${m.attendance.memberIds.length}/${m.attendance.rosterSize}）`} />
          {!m.attendance.quorumPresent && <View className="notice overdue">未达到法定人数：可以记录，但不能形成决议</View>}
          {m.motions.map((mo) => (
            <View key={mo.motionId} className="list-item">
              <Text>{mo.title}</Text>
              {mo.tally ? (
                <View className="muted">
                  同意{mo.tally.agree} 反对{mo.tally.against} 弃权{mo.tally.abstain} · {mo.tally.passed ? '通过' : '未通过'}
                </View>
              ) : (
                <View>
                  {m.attendance!.memberIds.map((pid, i) => (
                    <View key={pid} className="row">
                      <Text>{m.attendance!.memberNames[i]}</Text>
                      {(Object.keys(VOTE_LABELS) as VoteChoice[]).map((c) => (
                        <Button key={c} size="small" type={votes[pid] === c ? 'primary' : 'default'} onClick={() => setVotes({ ...votes, [pid]: c })}>
                          {VOTE_LABELS[c]}
                        </Button>
                      ))}
                    </View>
                  ))}
                  <Button
                    loading={busy}
                    onClick={() =>
                      run(
                        () =>
                          call('meetings', 'recordVotes', {
                            meetingId: id,
                            motionId: mo.motionId,
                            votes: Object.entries(votes).map(([memberId, choice]) => ({ memberId, choice })),
                          }),
                        '已记录表决',
                      )
                    }
                  >
                    记录表决
                  </Button>
                </View>
              )}
            </View>
          ))}
        </View>
      )}
      {m.status !== 'scheduled' && (
        <View className="card" data-testid="minutes">
          <View className="section-title">会议纪要</View>
          {m.minutesProgress && (
            <View className="list-item" onClick={() => openLink(routeUrl(ROUTES.staff.record, { id: m.minutesDocumentId! }))}>
              已签署 {m.minutesProgress.signed}/{m.minutesProgress.total}
              {m.minutesProgress.refused ? `，拒签 ${m.minutesProgress.refused}` : ''}
            </View>
          )}
          <TextArea value={text} onChange={setText} placeholder="纪要内容（送签后不可修改，更正为新版本）" />
          <Button
            type="primary"
            loading={busy}
            onClick={() =>
              run(() => call('meetings', m.minutesDocumentId ? 'correctMinutes' : 'sendMinutes', { meetingId: id, text, attachments: [] }), '已送签')
            }
          >
            {m.minutesDocumentId ? '更正纪要（新版本重新送签）' : '送出席委员签署'}
          </Button>
        </View>
      )}
      {resolutions.map((r) => (
        <View key={r._id} className="list-item" onClick={() => openLink(ROUTES.meetings.resolutions)}>
          决议：{r.title} · {r.statusLabel}
        </View>
      ))}
    </View>
  );
}

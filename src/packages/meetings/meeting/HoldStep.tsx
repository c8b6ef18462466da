import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { MeetingView, RosterEntry } from '@domain/api/meetings';
import { isReportMeeting, quorumHint } from '@domain/meeting-rules';
import { VOTE_LABELS, type StaffAttendee, type VoteChoice } from '@domain/meetings';
import type { QuorumRule } from '@domain/quorum';
import { call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { Chips, Rule, StaffPicker, Step } from '../fields';

/** Attendance (members in person, staff listed too) and motions raised at the meeting, counted by the community's own rule. */
export function AttendanceStep({
  m,
  roster,
  staff,
  rule,
  onDone,
}: {
  m: MeetingView;
  roster: RosterEntry[];
  staff: RosterEntry[];
  rule: QuorumRule;
  onDone: () => void;
}) {
  const [present, setPresent] = useState<string[]>([]);
  const [attending, setAttending] = useState<StaffAttendee[]>([]);
  const [motion, setMotion] = useState('');
  const [motions, setMotions] = useState<string[]>([]);
  const { busy, submit } = useSubmit();
  const hint = quorumHint(rule, roster.length);
  const needed = hint.presentNeeded;
  if (m.attendance)
    return (
      <View className="card" data-testid="attendance-done">
        <Step title="出席" state="done" />
        <View>
          出席委员：{m.attendance.memberNames.join('、') || '无'}（{m.attendance.memberIds.length}/{m.attendance.rosterSize}）
        </View>
        <View className="muted">服务中心：{m.attendance.staff.map((s) => `${s.name}（${s.role}）`).join('、') || '无'}</View>
        {!m.attendance.quorumPresent && <View className="mt-flag">未达到法定人数：已记录，但不能形成决议（可另择日期或以其他方式征求意见）</View>}
      </View>
    );
  return (
    <View className="card" data-testid="attendance">
      <Step title="出席" state={m.status === 'scheduled' ? 'now' : 'wait'} />
      <Rule>{hint.text}</Rule>
      {isReportMeeting(m.kind) && <Rule>工作汇报会议由公司领导一同参加：须在服务中心出席人员中选择总经理，否则不能记录为已召开。</Rule>}
      <View className="mt-label">
        出席委员（已选 {present.length}/{roster.length}，至少 {needed} 人方可表决）
      </View>
      <View className="mt-chip" data-testid="present-all" onClick={() => setPresent(roster.map((p) => p.personId))}>
        全部委员出席
      </View>
      <Chips
        people={roster}
        chosen={present}
        testid="present"
        onToggle={(id) => setPresent(present.includes(id) ? present.filter((x) => x !== id) : [...present, id])}
      />
      {present.length > 0 && present.length < needed && <View className="mt-flag">出席人数不足法定人数，本次会议将不能形成决议</View>}
      <View className="mt-label">服务中心出席人员</View>
      <StaffPicker staff={staff} value={attending} onChange={setAttending} />
      <View className="mt-label">会上提出的表决议题</View>
      {[...m.motions.map((x) => x.title), ...motions].map((t, i) => (
        <View key={t} className="muted">{`${i + 1}. ${t}`}</View>
      ))}
      <View className="mt-when">
        <Input value={motion} onChange={setMotion} placeholder="如：同意本季度工作安排" data-testid="motion-title" />
        <Button
          size="small"
          disabled={!motion.trim()}
          data-testid="motion-add"
          onClick={() => {
            setMotions([...motions, motion.trim()]);
            setMotion('');
          }}
        >
          添加议题
        </Button>
      </View>
      <Button
        type="primary"
        block
        loading={busy}
        data-testid="attendance-submit"
        onClick={() =>
          void submit(async () => {
            await call('meetings', 'recordAttendance', {
              meetingId: m._id,
              memberIds: present,
              staff: attending,
              motions: motions.map((title) => ({ title, requiresPosting: true })),
            });
            onDone();
          }, '已记录出席')
        }
      >
        记录出席
      </Button>
    </View>
  );
}

/** One motion's votes, per member present; members present who give no vote count as abstaining. */
export function VotesStep({ m, onDone }: { m: MeetingView; onDone: () => void }) {
  const [votes, setVotes] = useState<Record<string, Record<string, VoteChoice>>>({});
  const { busy, submit } = useSubmit();
  const att = m.attendance;
  if (!att || m.motions.length === 0) return null;
  const allVoted = m.motions.every((x) => x.tally);
  return (
    <View className="card" data-testid="votes">
      <Step title="表决" state={allVoted ? 'done' : 'now'} />
      <Rule>逐位委员记录同意、反对或弃权；出席未表态的按弃权计。</Rule>
      {m.motions.map((mo) => (
        <View key={mo.motionId} className="list-item" data-testid={`motion-${mo.motionId}`}>
          <Text className="section-title">{mo.title}</Text>
          {mo.tally ? (
            <View className={mo.tally.passed ? 'mt-ok' : 'mt-flag'}>
              同意{mo.tally.agree} 反对{mo.tally.against} 弃权{mo.tally.abstain} · {mo.tally.passed ? '通过' : '未通过'}
              {mo.tally.passed && !att.quorumPresent ? '（人数不足，不形成决议）' : ''}
            </View>
          ) : (
            <View>
              <View
                className="mt-chip"
                data-testid={`vote-all-for-${mo.motionId}`}
                onClick={() => setVotes({ ...votes, [mo.motionId]: Object.fromEntries(att.memberIds.map((pid) => [pid, 'for' as VoteChoice])) })}
              >
                全体出席委员同意（可再逐位修改）
              </View>
              {att.memberIds.map((pid, i) => (
                <View key={pid} className="row">
                  <Text>{att.memberNames[i]}</Text>
                  <View className="mt-chips">
                    {(Object.keys(VOTE_LABELS) as VoteChoice[]).map((c) => (
                      <View
                        key={c}
                        className={`mt-chip${votes[mo.motionId]?.[pid] === c ? ' mt-chip-on' : ''}`}
                        data-testid={`vote-${mo.motionId}-${pid}-${c}`}
                        onClick={() => setVotes({ ...votes, [mo.motionId]: { ...votes[mo.motionId], [pid]: c } })}
                      >
                        {VOTE_LABELS[c]}
                      </View>
                    ))}
                  </View>
                </View>
              ))}
              <Button
                size="small"
                loading={busy}
                data-testid={`votes-submit-${mo.motionId}`}
                onClick={() =>
                  void submit(async () => {
                    const mine = votes[mo.motionId] ?? {};
                    await call('meetings', 'recordVotes', {
                      meetingId: m._id,
                      motionId: mo.motionId,
                      votes: Object.entries(mine).map(([memberId, choice]) => ({ memberId, choice })),
                    });
                    onDone();
                  }, '已记录表决')
                }
              >
                记录表决
              </Button>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}

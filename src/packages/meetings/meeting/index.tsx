import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ROUTES } from '@domain/routes';
import { call } from '../../../api/client';
import { Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { openLink } from '../../../utils/nav';
import { Step } from '../fields';
import { Line } from '../parts';
import { AttendanceStep, VotesStep } from './HoldStep';
import { MinutesStep } from './MinutesStep';
import { NoticeStep } from './NoticeStep';
import { ScheduleForm } from './ScheduleForm';

export default function MeetingPage() {
  const params = useRouter().params;
  if (params.new) return <ScheduleForm />;
  return <MeetingDetail id={params.id ?? ''} />;
}

/** A meeting step by step: notice (special meetings), attendance, votes, minutes, then its resolutions. */
function MeetingDetail({ id }: { id: string }) {
  const { data, error, reload } = usePageData(() => call('meetings', 'get', { meetingId: id }), [id]);
  if (!data)
    return (
      <View className="page">
        <Pending error={error} onRetry={reload} />
      </View>
    );
  const { meeting: m, roster, staff, resolutions, papers } = data;
  return (
    <View className="page" data-testid="meeting-page">
      <View className="card">
        <View className="section-title">{m.title}</View>
        <Line label="类别" value={m.kindLabel} />
        <Line label="时间" value={m.time ? `${m.day} ${m.time}` : m.day} />
        <Line label="地点" value={m.place} />
        <Line label="状态" value={m.statusLabel} />
        {m.agenda.map((a, i) => (
          <View key={a} className="muted">{`${i + 1}. ${a}`}</View>
        ))}
      </View>
      {m.kind === 'special' && <NoticeStep m={m} papers={papers} onDone={reload} />}
      <AttendanceStep m={m} roster={roster} staff={staff} rule={data.quorumRule} onDone={reload} />
      <VotesStep m={m} onDone={reload} />
      <MinutesStep m={m} papers={papers} onDone={reload} />
      {resolutions.length > 0 && (
        <View className="card" data-testid="meeting-resolutions">
          <Step title="决议" state={resolutions.every((r) => r.status === 'published' || !r.requiresPosting) ? 'done' : 'now'} />
          {resolutions.map((r) => (
            <View key={r._id} className="list-item" onClick={() => openLink(ROUTES.meetings.resolutions)}>
              {r.title} · {r.statusLabel}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

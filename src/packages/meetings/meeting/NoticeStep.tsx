import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { MeetingPaper, MeetingView } from '@domain/api/meetings';
import type { FileRef } from '@domain/files';
import { ROUTES, routeUrl } from '@domain/routes';
import { call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { formatDateTime } from '../../../utils/format';
import { openLink } from '../../../utils/nav';
import { FilePicker, Rule, Step, today, WhenField } from '../fields';
import { NoticePlan } from './NoticePlan';

/** Every version of a paper: the current one first; earlier ones kept and struck through as superseded. */
export function Papers({ papers, label }: { papers: MeetingPaper[]; label: string }) {
  return (
    <View data-testid={`papers-${label}`}>
      {papers.map((p) => (
        <View
          key={p.documentId}
          className={`mt-paper${p.supersededBy ? ' mt-paper-old' : ''}`}
          data-testid={p.supersededBy ? 'paper-superseded' : 'paper-current'}
          onClick={() => openLink(routeUrl(ROUTES.staff.record, { id: p.documentId }))}
        >
          {label}第{p.versionNo}版 · {p.sentAt ? formatDateTime(p.sentAt) : ''} · 已签收 {p.signed}/{p.total}
          {p.late ? ' · 逾期送达' : ''}
          {p.supersededBy ? ' · 已被更正' : ' · 现行版本'}
        </View>
      ))}
    </View>
  );
}

/**
 * The special meeting's notice: sent once in writing to every member, then corrected only by a new
 * version that everyone signs again. The notice rule is shown for the day chosen, before submit.
 */
export function NoticeStep({ m, papers, onDone }: { m: MeetingView; papers: MeetingPaper[]; onDone: () => void }) {
  const sent = !!m.noticeDocumentId;
  const [correcting, setCorrecting] = useState(false);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<FileRef[]>([]);
  const [lateReason, setLateReason] = useState('');
  const [day, setDay] = useState(m.day);
  const [time, setTime] = useState(m.time ?? '14:30');
  const [place, setPlace] = useState(m.place);
  const { busy, submit } = useSubmit();
  const open = m.status === 'scheduled' && (!sent || correcting);
  const send = () =>
    void submit(
      async () => {
        const common = { meetingId: m._id, body, attachments: files, lateReason: lateReason.trim() || undefined };
        await (sent ? call('meetings', 'correctNotice', { ...common, day, time, place }) : call('meetings', 'sendNotice', common));
        setCorrecting(false);
        setBody('');
        setFiles([]);
        setLateReason('');
        onDone();
      },
      sent ? '更正已送达每位委员' : '已送达每位委员',
    );
  return (
    <View className="card" data-testid="notice-step">
      <Step title="会议通知" state={sent ? 'done' : 'now'} />
      <Papers papers={papers.filter((p) => p.kind === 'meeting_notice')} label="通知" />
      {sent && m.status === 'scheduled' && !correcting && (
        <Button size="small" data-testid="notice-correct" onClick={() => setCorrecting(true)}>
          更正通知（新版本重新送达签收）
        </Button>
      )}
      {open && (
        <View>
          {correcting && (
            <View>
              <Rule>更正是新的版本：重新送达每位委员并重新签收（已签收旧版本的委员也须签收新版本）；旧版本留档，标为已更正。</Rule>
              <WhenField day={day} time={time} start={today()} onDay={setDay} onTime={setTime} testid="correct-when" />
              <View className="mt-label">地点</View>
              <Input value={place} onChange={setPlace} placeholder="地点" />
            </View>
          )}
          <NoticePlan day={correcting ? day : m.day} lateReason={lateReason} onLateReason={setLateReason} />
          <View className="mt-label">{correcting ? '更正说明' : '通知正文与材料说明'}</View>
          <TextArea value={body} onChange={setBody} placeholder="会议时间、地点、议程和表决议题会自动列入通知" data-testid="notice-body" />
          <View className="mt-label">材料附件</View>
          <FilePicker files={files} onChange={setFiles} folder="meetings" testid="notice-files" />
          <Button type="primary" block loading={busy} data-testid="notice-send" onClick={send}>
            {sent ? '送达更正版本' : '书面送达每位委员'}
          </Button>
          {correcting && (
            <Button block onClick={() => setCorrecting(false)}>
              取消更正
            </Button>
          )}
        </View>
      )}
    </View>
  );
}

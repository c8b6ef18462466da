import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { MeetingPaper, MeetingView } from '@domain/api/meetings';
import type { FileRef } from '@domain/files';
import { call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { FilePicker, Rule, Step } from '../fields';
import { Papers } from './NoticeStep';

/** Minutes: text and photos of the record book, signed by every member present; a correction is a new version. */
export function MinutesStep({ m, papers, onDone }: { m: MeetingView; papers: MeetingPaper[]; onDone: () => void }) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<FileRef[]>([]);
  const [editing, setEditing] = useState(false);
  const { busy, submit } = useSubmit();
  if (m.status === 'scheduled') return null;
  const sent = !!m.minutesDocumentId;
  const state = m.status === 'minutes_signed' ? 'done' : 'now';
  return (
    <View className="card" data-testid="minutes">
      <Step title="会议纪要" state={state} />
      <Rule>纪要由管家主管（或负责人）记录，送每位出席委员在应用内签署；拒签由服务中心记录。送签后不可修改，更正为新版本并重新送签。</Rule>
      {m.minutesProgress && (
        <View className={m.status === 'minutes_signed' ? 'mt-ok' : 'muted'} data-testid="minutes-progress">
          已签署 {m.minutesProgress.signed}/{m.minutesProgress.total}
          {m.minutesProgress.refused ? `，拒签 ${m.minutesProgress.refused}` : ''}
          {m.status === 'minutes_signed' ? ' · 签署完成' : ''}
        </View>
      )}
      <Papers papers={papers.filter((p) => p.kind === 'minutes')} label="纪要" />
      {sent && !editing && (
        <Button size="small" onClick={() => setEditing(true)}>
          更正纪要（新版本重新送签）
        </Button>
      )}
      {(!sent || editing) && (
        <View>
          <TextArea value={text} onChange={setText} placeholder="纪要内容" data-testid="minutes-text" />
          <View className="mt-label">附件（记录本照片、材料）</View>
          <FilePicker files={files} onChange={setFiles} folder="minutes" testid="minutes-files" />
          <Button
            type="primary"
            block
            loading={busy}
            data-testid="minutes-send"
            onClick={() =>
              void submit(async () => {
                await call('meetings', sent ? 'correctMinutes' : 'sendMinutes', { meetingId: m._id, text, attachments: files });
                setEditing(false);
                setText('');
                setFiles([]);
                onDone();
              }, '已送签')
            }
          >
            {sent ? '送签更正版本' : '送出席委员签署'}
          </Button>
        </View>
      )}
    </View>
  );
}

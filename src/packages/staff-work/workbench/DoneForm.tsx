import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { WorkbenchItemView } from '@domain/api/workbench';
import type { FileRef } from '@domain/files';
import { call, isWeapp, showError } from '../../../api/client';
import { uploadFile } from '../../../api/files';
import { useSubmit } from '../../../components/useSubmit';
import { formatDate } from '../../../utils/format';

interface SentDocument {
  documentId: string;
  title: string;
  kindLabel: string;
  sentAt?: number;
}

/** Picks a file: from a chat on the mini-program (where PDFs and spreadsheets live), from disk on H5. */
async function pickFile(): Promise<{ path: string; name: string } | null> {
  if (isWeapp) {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'all' });
    const f = res.tempFiles[0];
    return f ? { path: f.path, name: f.name } : null;
  }
  const res = await Taro.chooseImage({ count: 1, sourceType: ['album'] });
  const f = res.tempFiles[0] as { path: string; originalFileObj?: File } | undefined;
  return f ? { path: f.path, name: f.originalFileObj?.name ?? '附件' } : null;
}

/** 标记完成: what was produced — a note, an attachment, or a document already sent to the committee. */
export function DoneForm({ item, onClose, onDone }: { item: WorkbenchItemView; onClose: () => void; onDone: (updated: WorkbenchItemView) => void }) {
  const [note, setNote] = useState('');
  const [file, setFile] = useState<FileRef | null>(null);
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [documents, setDocuments] = useState<SentDocument[]>([]);
  const [uploading, setUploading] = useState(false);
  const { busy: saving, submit } = useSubmit();

  useEffect(() => {
    // Offering recent letters is a convenience: without them the task is still completed with a note.
    call('filings', 'list', { status: 'sent', limit: 10 })
      .then((docs) => setDocuments(docs.items.map((d) => ({ documentId: d.documentId, title: d.title, kindLabel: d.kindLabel, sentAt: d.sentAt }))))
      .catch(() => setDocuments([]));
  }, []);

  async function attach(): Promise<void> {
    try {
      const picked = await pickFile();
      if (!picked) return;
      setUploading(true);
      const up = await uploadFile(picked.path, picked.name, 'obligations');
      setFile({ fileId: up.fileId, name: up.name });
    } catch (e) {
      // Closing the picker is not an error worth a toast.
      if (!String((e as { errMsg?: string })?.errMsg ?? '').includes('cancel')) showError(e);
    } finally {
      setUploading(false);
    }
  }

  async function save(): Promise<void> {
    const trimmed = note.trim();
    // The toast comes before onDone, which needs the answer, so both stay inside the work.
    await submit(async () => {
      const updated = await call('workbench', 'markDone', {
        taskId: item.id,
        ...(trimmed ? { note: trimmed } : {}),
        ...(file ? { file } : {}),
        ...(documentId ? { documentId } : {}),
      });
      void Taro.showToast({ title: '已标记完成', icon: 'success' });
      onDone(updated);
    });
  }

  return (
    <View className="sheet" data-testid="done-form">
      <View className="sheet-title">标记完成</View>
      <View className="muted">{item.title}</View>

      <View className="form-label">办理说明（选填）</View>
      <TextArea className="sheet-textarea" placeholder="如：已书面送达全体委员" maxLength={500} showCount value={note} onChange={(v) => setNote(v)} />

      <View className="form-label">产生的文件（选填）</View>
      <View className="row">
        <Text className="muted">{file ? `已上传：${file.name}` : '可上传报表、会议纪要等文件'}</Text>
        <Button size="small" fill="outline" loading={uploading} onClick={() => void attach()}>
          {file ? '重新上传' : '上传附件'}
        </Button>
      </View>

      {documents.length > 0 && (
        <View>
          <View className="form-label">或关联已报送业委会的文件</View>
          {documents.map((d) => (
            <View
              key={d.documentId}
              className={`doc-option${documentId === d.documentId ? ' doc-option-active' : ''}`}
              onClick={() => setDocumentId(documentId === d.documentId ? null : d.documentId)}
            >
              <Text className="tag">{d.kindLabel}</Text>
              <Text className="doc-option-title">{d.title}</Text>
              {d.sentAt && <Text className="muted">{formatDate(d.sentAt)}</Text>}
            </View>
          ))}
        </View>
      )}

      <View className="sheet-actions">
        <Button onClick={onClose}>取消</Button>
        <Button type="primary" loading={saving} className="done-confirm" data-testid="done-confirm" onClick={() => void save()}>
          确认完成
        </Button>
      </View>
    </View>
  );
}

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { RecordPdfView } from '@domain/api/filings';
import { ApiError, call, isWeapp, showError } from '../../api/client';
import { fileUrl } from '../../api/files';

/**
 * WeChat: downloads the stored PDF and opens it in the document viewer, whose menu forwards it to a
 * chat or prints it. The copy gets the record's own name so the file in the chat says what it is.
 */
async function openInViewer(pdf: RecordPdfView): Promise<void> {
  const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: pdf.fileId });
  let filePath = tempFilePath;
  try {
    const named = `${Taro.env.USER_DATA_PATH}/${pdf.filename}`;
    Taro.getFileSystemManager().copyFileSync(tempFilePath, named);
    filePath = named;
  } catch {
    // A full user folder only costs the nice name; the temp file opens the same.
  }
  await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
}

/** The local host saves it under the record's readable name (its stored name is an id). */
const downloadUrl = (pdf: RecordPdfView) => `${fileUrl(pdf.fileId)}?name=${encodeURIComponent(pdf.filename)}`;

/** The approval record (with the document's text) as a PDF: the viewer in WeChat, a download link in the browser. */
export function RecordPdfButton({ documentId }: { documentId: string }) {
  const [busy, setBusy] = useState(false);
  const [pdf, setPdf] = useState<RecordPdfView | null>(null);

  async function make(): Promise<void> {
    setBusy(true);
    try {
      const made = await call('filings', 'recordPdf', { documentId });
      setPdf(made);
      if (isWeapp) {
        await openInViewer(made).catch((e: unknown) => {
          console.error(e);
          throw new ApiError('NETWORK', '文件已生成，但没能打开：请检查网络后重试');
        });
      } else {
        const a = document.createElement('a');
        a.href = downloadUrl(made);
        a.download = made.filename;
        a.click();
      }
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button size="small" fill="outline" type="primary" className="record-pdf" data-testid="record-pdf" loading={busy} onClick={() => void make()}>
        {isWeapp ? '导出PDF（可转发）' : '导出PDF'}
      </Button>
      {!isWeapp && pdf && (
        <View className="record-pdf-done muted">
          {/* A plain link as well: the automatic download may be blocked, and a link can be saved or retried. */}
          <a className="record-pdf-link" data-testid="record-pdf-link" href={downloadUrl(pdf)} download={pdf.filename}>
            下载 {pdf.filename}（{Math.max(1, Math.round(pdf.bytes / 1024))} KB，{pdf.pages} 页）
          </a>
        </View>
      )}
    </>
  );
}

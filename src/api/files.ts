import Taro from '@tarojs/taro';
import { ERROR_MESSAGES } from '@domain/errors';
import type { FileRef } from '@domain/files';
import type { Envelope } from '@domain/envelope';
import { hasOwn } from '@domain/own';
import { ApiError, getDevToken, isWeapp, showError } from './client';

/** A stored file: `cloud://…` (CloudBase storage) on weapp, `local:…` (the local host's files folder) on H5. */
export interface UploadedFile {
  fileId: string;
  name: string;
  /** What an <Image> or a download link can use. */
  url: string;
}

/** Picks up to five documents to attach: from a chat on the mini-program (where PDFs and spreadsheets arrive), from disk on H5. */
export async function pickFiles(): Promise<Array<{ path: string; name: string }>> {
  if (isWeapp) {
    const res = await Taro.chooseMessageFile({ count: 5, type: 'all' });
    return res.tempFiles.map((f) => ({ path: f.path, name: f.name }));
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.onchange = () => resolve(Array.from(input.files ?? []).map((f) => ({ path: URL.createObjectURL(f), name: f.name })));
    input.click();
  });
}

/**
 * The one way pages store attachments and photos. Records keep only `fileId`; `fileUrl` turns it
 * back into something displayable on either platform.
 */
export async function uploadFile(tempPath: string, name: string, folder: string): Promise<UploadedFile> {
  let body: Envelope<{ fileId: string; url: string }>;
  try {
    if (isWeapp) {
      const cloudPath = `${folder}/${Date.now()}-${Math.random().toString(36).slice(2, 8)}-${name}`;
      const res = await Taro.cloud.uploadFile({ cloudPath, filePath: tempPath });
      return { fileId: res.fileID, name, url: res.fileID };
    }
    const blob = await (await fetch(tempPath)).blob();
    // The local host stores files only for a signed-in (dev-login) person.
    const token = getDevToken();
    const res = await fetch(`/files?name=${encodeURIComponent(name)}`, { method: 'POST', body: blob, headers: token ? { 'x-dev-openid': token } : {} });
    body = (await res.json()) as Envelope<{ fileId: string; url: string }>;
  } catch {
    throw new ApiError('NETWORK', `文件上传失败：${ERROR_MESSAGES.NETWORK}`);
  }
  // A refusal (not signed in, too large) is the host's own answer in Chinese: show it as it is.
  if (!body.ok) throw new ApiError(hasOwn(ERROR_MESSAGES, body.error.code) ? body.error.code : 'INTERNAL', `文件上传失败：${body.error.message}`);
  return { fileId: body.data.fileId, name, url: body.data.url };
}

/** Display URL for a stored fileId (CloudBase file ids render directly in mini-program <Image>). */
export function fileUrl(fileId: string): string {
  return fileId.startsWith('local:') ? `/files/${fileId.slice('local:'.length)}` : fileId;
}

const IMAGE = /\.(png|jpe?g|gif|webp)$/i;

/**
 * Opens an attachment: on weapp an image in the previewer and anything else downloaded into the
 * document viewer; on H5 a new tab. Failures show the one error toast.
 */
export async function openFile(f: FileRef): Promise<void> {
  const url = fileUrl(f.fileId);
  if (!isWeapp) {
    window.open(url, '_blank');
    return;
  }
  try {
    if (IMAGE.test(f.name)) {
      await Taro.previewImage({ urls: [url] });
      return;
    }
    const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: f.fileId });
    await Taro.openDocument({ filePath: tempFilePath, showMenu: true });
  } catch (e) {
    showError(e);
  }
}

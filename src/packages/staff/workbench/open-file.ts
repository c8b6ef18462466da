import Taro from '@tarojs/taro';
import type { FileRef } from '@domain/files';
import { isWeapp, showError } from '../../../api/client';
import { fileUrl } from '../../../api/files';

/** Opens an attachment: the mini-program downloads it and hands it to the document viewer; H5 opens a tab. */
export async function openFile(file: FileRef): Promise<void> {
  try {
    if (isWeapp) {
      const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: file.fileId });
      await Taro.openDocument({ filePath: tempFilePath, showMenu: true });
      return;
    }
    window.open(fileUrl(file.fileId), '_blank');
  } catch (e) {
    showError(e);
  }
}

import Taro from '@tarojs/taro';

/**
 * Opens a PDF the server returned as base64: in WeChat it is written to the user data folder and
 * opened with the system viewer (print or forward from there); on H5 the browser downloads it.
 */
export async function openPdf(filename: string, base64: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`;
    await new Promise<void>((resolve, reject) =>
      Taro.getFileSystemManager().writeFile({ filePath, data: base64, encoding: 'base64', success: () => resolve(), fail: (e) => reject(new Error(e.errMsg)) }),
    );
    await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
    return;
  }
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

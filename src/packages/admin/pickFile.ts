import Taro from '@tarojs/taro';
import { isWeapp } from '../../api/client';

/**
 * Picks a spreadsheet: from a chat on the mini-program (`chooseMessageFile`, where the company's
 * .xlsx files arrive), from disk on H5 through a file input. Null when the user cancels.
 */
export async function pickSpreadsheet(): Promise<{ path: string; name: string } | null> {
  if (isWeapp) {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
      const f = res.tempFiles[0];
      return f ? { path: f.path, name: f.name } : null;
    } catch {
      return null;
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,.csv';
    input.onchange = () => {
      const f = input.files?.[0];
      resolve(f ? { path: URL.createObjectURL(f), name: f.name } : null);
    };
    input.click();
  });
}

import Taro from '@tarojs/taro';
import { FEE_TEMPLATES, type FeeImportKind } from '@domain/fee-import-templates';
import { isWeapp } from '../../../api/client';

/** The template as CSV: a BOM so Excel opens the Chinese headers as UTF-8, CRLF lines. */
export function templateCsv(kind: FeeImportKind): string {
  const t = FEE_TEMPLATES[kind];
  return `\ufeff${t.header.join(',')}\r\n${t.example.join(',')}\r\n`;
}

/**
 * H5 downloads the template as a file; in WeChat (no downloads to the phone) it is copied to paste
 * into a message to the computer that fills it in.
 */
export async function saveTemplate(kind: FeeImportKind): Promise<void> {
  const csv = templateCsv(kind);
  if (isWeapp) {
    await Taro.setClipboardData({ data: csv.slice(1) });
    return;
  }
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  a.download = `${FEE_TEMPLATES[kind].title}模板.csv`;
  a.click();
}

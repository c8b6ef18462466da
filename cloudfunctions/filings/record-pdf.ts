import type { RecordSheet } from '@domain/record-sheet';
import { recordSheet } from '@domain/record-sheet';
import type { Handler } from '../_shared/function';
import { createPdf, PdfFlow } from '../_shared/pdf';
import { recordOf } from './reading';

/** The record on A4: heading, facts, the member table (header repeated on each page), full text, signatures. */
export async function recordPdfBytes(sheet: RecordSheet): Promise<{ bytes: Uint8Array; pages: number }> {
  const { doc, font } = await createPdf(sheet.title);
  const flow = new PdfFlow(doc, font);
  flow.text(sheet.title, { size: 18, center: true, gap: 10 });
  for (const line of sheet.meta) flow.text(line, { size: 10.5 });
  flow.space(8);
  flow.table(sheet.columns, sheet.rows);
  flow.space(14);
  flow.text('正文', { size: 12, gap: 2 });
  flow.text(sheet.body, { size: 10.5, gap: 6 });
  if (sheet.attachments.length) flow.text(`附件：${sheet.attachments.join('；')}`, { size: 10.5 });
  flow.space(24);
  flow.text(sheet.signatures.join('                    '), { size: 10.5 });
  return { bytes: await doc.save({ useObjectStreams: true }), pages: flow.pageCount };
}

/**
 * The record as a PDF file in storage, for the phone's document viewer (and a WeChat chat from
 * there) or a browser download. The file is the reply itself, not state: it is stored before the
 * operation commits under this request's id, so a retry overwrites it and a failed upload fails
 * the request instead of handing out a link to nothing.
 */
export const recordPdf: Handler<'filings', 'recordPdf'> = async (ctx, input) => {
  const { doc, rows, summary } = await recordOf(ctx, input.documentId);
  const sheet = recordSheet(doc, rows, summary, ctx.now);
  const { bytes, pages } = await recordPdfBytes(sheet);
  const fileId = await ctx.rt.saveFile('exports/records', `${ctx.rt.newId('record')}.pdf`, bytes);
  // Exports carry members' names out of the app: each one is logged (who, when, which record).
  await ctx.audit({
    type: 'document.record_exported',
    communityId: doc.communityId,
    subject: { kind: 'document', id: doc._id },
    data: { format: 'pdf', rows: rows.length },
  });
  return { fileId, filename: sheet.filename, bytes: bytes.length, pages };
};

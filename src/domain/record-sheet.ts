/**
 * The approval record (输出信息审批记录) laid out as a sheet of paper: what the PDF prints, in the
 * order a reader files it — the document, the sign-off counts, one table row per member, the full
 * text and the signature lines. Pure: the function that draws it only places these strings.
 */
import { categoryLabel, KIND_LABELS, type CommitteeDocument } from './documents';
import type { EpochMs } from './model';
import { objectionsText, repliesText, type RecordRow, type RecordSummary } from './record';
import { formatLocal } from './time';

export const RECORD_SHEET_TITLE = '输出信息审批记录';

export interface SheetColumn {
  title: string;
  /** Share of the table's width. */
  weight: number;
}

export interface RecordSheet {
  title: string;
  meta: string[];
  columns: SheetColumn[];
  rows: string[][];
  body: string;
  attachments: string[];
  signatures: string[];
  /** A file name without folders or characters a phone or Windows refuses. */
  filename: string;
}

type SheetDoc = Pick<CommitteeDocument, 'kind' | 'content' | 'sentAt' | 'sentByName' | 'versionNo' | 'late' | 'lateReason' | 'publishedAt'>;

const time = (ms: EpochMs | undefined): string => (ms === undefined ? '' : formatLocal(ms, 'YYYY-MM-DD HH:mm'));

export function safeFileTitle(title: string): string {
  return title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 30);
}

export function recordSheet(doc: SheetDoc, rows: readonly RecordRow[], summary: RecordSummary, exportedAt: EpochMs): RecordSheet {
  const opinion = doc.kind === 'opinion_request';
  const category = categoryLabel(doc.kind, doc.content.category);
  const late = doc.late ? `（逾期送达${doc.lateReason ? `：${doc.lateReason}` : ''}）` : '';
  const counts = opinion
    ? `共 ${summary.total} 人：已反馈 ${summary.signed}（同意 ${summary.agree ?? 0}，不同意 ${summary.disagree ?? 0}，意见 ${summary.comment ?? 0}），拒签 ${summary.refused}，未回复 ${summary.pending}`
    : `共 ${summary.total} 人：已签收 ${summary.signed}，提出异议 ${summary.objected}，拒签 ${summary.refused}，待签收 ${summary.pending}`;
  const meta = [
    `文件：${KIND_LABELS[doc.kind]}《${doc.content.title}》第${doc.versionNo}版`,
    ...(category ? [`类别：${category}`] : []),
    `送达：${time(doc.sentAt)} ${doc.sentByName ?? ''}${late}`,
    `统计：${counts}`,
    ...(summary.archiveMismatches ? [`注意：${summary.archiveMismatches} 位委员的签收情况与存档记录不一致，以存档为准`] : []),
    ...(doc.publishedAt ? [`已于 ${time(doc.publishedAt)} 向业主公开`] : []),
    `导出时间：${time(exportedAt)}`,
  ];
  const columns: SheetColumn[] = [
    { title: '委员', weight: 11 },
    { title: '职务', weight: 9 },
    { title: '状态', weight: 12 },
    { title: '阅读时间', weight: 13 },
    { title: opinion ? '反馈时间' : '签收时间', weight: 13 },
    { title: opinion ? '意见' : '异议及答复', weight: 24 },
    { title: '拒签（原因/记录人/时间）', weight: 18 },
  ];
  const table = rows.map((r) => {
    const replies = repliesText(r.objections);
    const objections = r.objections.length ? `异议：${objectionsText(r.objections)}${replies ? `\n答复：${replies}` : '\n（未答复）'}` : '';
    return [
      r.memberName,
      r.positionLabel,
      r.archiveDiffs?.length ? `${r.stateLabel}（与存档不一致：${r.archiveDiffs.join('；')}）` : r.stateLabel,
      time(r.openedAt),
      time(r.signedAt),
      opinion ? [r.opinionText ?? '', objections].filter(Boolean).join('\n') : objections,
      r.refusal ? `${r.refusal.reason} / ${r.refusal.recordedByName} / ${time(r.refusal.at)}` : '',
    ];
  });
  return {
    title: RECORD_SHEET_TITLE,
    meta,
    columns,
    rows: table,
    body: doc.content.body,
    attachments: doc.content.attachments.map((a) => a.name),
    signatures: ['经办人：', '服务中心负责人：', '日期：'],
    filename: `${RECORD_SHEET_TITLE}_${safeFileTitle(doc.content.title)}_第${doc.versionNo}版.pdf`,
  };
}

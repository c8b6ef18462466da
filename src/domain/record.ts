/**
 * The output information approval record (输出信息审批记录) of one document: per member, position,
 * status, time, objections with the centre's answers, refusal and who recorded it, opinion. The same
 * rows feed the page, the print view and the CSV export.
 */
import { archiveDifferences, type ArchivedDeliveryEvent } from './archived-delivery';
import { categoryLabel, KIND_LABELS, POSITION_ORDER, type CommitteeDocument } from './documents';
import { POSITION_LABELS, type EpochMs } from './model';
import {
  OPINION_LABELS,
  STATE_LABELS,
  staffActions,
  stateOf,
  type Delivery,
  type ObjectionRound,
  type Opinion,
  type Refusal,
  type SignoffEvent,
  type SignoffState,
} from './signoff';
import { formatLocal } from './time';

export const NO_ANSWER_BY_DEADLINE = '逾期未回复';

export interface RecordRow {
  deliveryId: string;
  memberId: string;
  memberName: string;
  positionLabel: string;
  state: SignoffState;
  stateLabel: string;
  openedAt?: EpochMs;
  signedAt?: EpochMs;
  objections: ObjectionRound[];
  refusal?: Refusal;
  opinion?: Opinion;
  /** Opinion requests: the answer in words, "逾期未回复" once the deadline passed without one. */
  opinionText?: string;
  /** What staff may do on this row now (reply, recordRefusal), from the transition table. */
  staffActions: SignoffEvent[];
  /** Where the live delivery differs from its archived events (与存档不一致); absent when not compared. */
  archiveDiffs?: string[];
}

/** How far a document's sign-off has got, counted over its deliveries. */
export interface SignCounts {
  total: number;
  signed: number;
  objected: number;
  refused: number;
  pending: number;
  opened: number;
}

export interface RecordSummary extends SignCounts {
  /** Opinion requests only. */
  agree?: number;
  disagree?: number;
  comment?: number;
  missing?: number;
  /** Rows whose live state differs from the archive (when compared). */
  archiveMismatches?: number;
}

export function opinionText(opinion: Opinion | undefined, responseDue: EpochMs | undefined, now: EpochMs): string {
  if (opinion) {
    const words = opinion.choice === 'comment' ? `意见：${opinion.text ?? ''}` : OPINION_LABELS[opinion.choice] + (opinion.text ? `（${opinion.text}）` : '');
    return opinion.late ? `${words}【逾期反馈】` : words;
  }
  return responseDue !== undefined && now > responseDue ? NO_ANSWER_BY_DEADLINE : '未回复';
}

export function buildRecord(
  doc: Pick<CommitteeDocument, 'kind' | 'responseDue' | 'supersededBy'> & { roster?: Array<{ personId: string }> },
  deliveries: readonly Delivery[],
  now: EpochMs,
  /** Each delivery's archived events, by delivery id: given, every row is compared with them. */
  archived?: ReadonlyMap<string, readonly ArchivedDeliveryEvent[]>,
): { rows: RecordRow[]; summary: RecordSummary } {
  // Rows follow the roster as it stood on the send day (chair, vice chair, members).
  const seat = new Map((doc.roster ?? []).map((m, i) => [m.personId, i]));
  const sorted = [...deliveries].sort(
    (a, b) =>
      POSITION_ORDER[a.position] - POSITION_ORDER[b.position] ||
      (seat.get(a.memberId) ?? 0) - (seat.get(b.memberId) ?? 0) ||
      a.memberName.localeCompare(b.memberName, 'zh'),
  );
  const rows = sorted.map((d): RecordRow => {
    const state = stateOf(d);
    return {
      deliveryId: d._id,
      memberId: d.memberId,
      memberName: d.memberName,
      positionLabel: POSITION_LABELS[d.position],
      state,
      stateLabel: STATE_LABELS[state],
      openedAt: d.openedAt,
      signedAt: d.signedAt,
      objections: d.objections,
      refusal: d.refusal,
      opinion: d.opinion,
      opinionText: doc.kind === 'opinion_request' ? opinionText(d.opinion, doc.responseDue, now) : undefined,
      staffActions: staffActions(d, !!doc.supersededBy),
      archiveDiffs: archived ? archiveDifferences(d, archived.get(d._id) ?? []) : undefined,
    };
  });
  const count = (pred: (r: RecordRow) => boolean) => rows.filter(pred).length;
  const summary: RecordSummary = {
    total: rows.length,
    signed: count((r) => r.state === 'SIGNED'),
    objected: count((r) => r.objections.length > 0),
    refused: count((r) => r.state === 'REFUSED'),
    pending: count((r) => r.state === 'PENDING' || r.state === 'OBJECTED' || r.state === 'ANSWERED'),
    opened: count((r) => r.openedAt !== undefined),
  };
  if (archived) summary.archiveMismatches = count((r) => (r.archiveDiffs?.length ?? 0) > 0);
  if (doc.kind === 'opinion_request') {
    summary.agree = count((r) => r.opinion?.choice === 'agree');
    summary.disagree = count((r) => r.opinion?.choice === 'disagree');
    summary.comment = count((r) => r.opinion?.choice === 'comment');
    summary.missing = count((r) => !r.opinion && r.state !== 'REFUSED');
  }
  return { rows, summary };
}

// ---- CSV -----------------------------------------------------------------------------------

/** Excel reads a UTF-8 file as the local ANSI code page unless it starts with a byte order mark. */
export const CSV_BOM = '\uFEFF';

const time = (ms: EpochMs | undefined): string => (ms === undefined ? '' : formatLocal(ms, 'YYYY-MM-DD HH:mm'));

/** Quotes when needed, and defuses cells a spreadsheet would run as a formula (=, +, -, @). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const objectionsText = (rounds: ObjectionRound[]): string =>
  rounds.map((r, i) => `${rounds.length > 1 ? `(${i + 1}) ` : ''}${time(r.at)} ${r.text}`).join('\n');
export const repliesText = (rounds: ObjectionRound[]): string =>
  rounds
    .map((r, i) => (r.reply ? `${rounds.length > 1 ? `(${i + 1}) ` : ''}${time(r.reply.at)} ${r.reply.byName}：${r.reply.text}` : ''))
    .filter(Boolean)
    .join('\n');

export function recordCsv(doc: Pick<CommitteeDocument, 'kind' | 'content' | 'sentAt' | 'sentByName' | 'versionNo'>, rows: readonly RecordRow[]): string {
  const opinion = doc.kind === 'opinion_request';
  const head = [
    ['输出信息审批记录'],
    ['文件', `${KIND_LABELS[doc.kind]}：${doc.content.title}（第${doc.versionNo}版）`],
    ['类别', categoryLabel(doc.kind, doc.content.category)],
    ['送达时间', time(doc.sentAt)],
    ['发送人', doc.sentByName ?? ''],
    [],
  ];
  const compared = rows.some((r) => r.archiveDiffs !== undefined);
  const header = [
    '委员',
    '职务',
    '状态',
    '阅读时间',
    '签收时间',
    ...(opinion ? ['意见'] : []),
    '异议',
    '答复',
    '拒签原因',
    '拒签记录人',
    '拒签记录时间',
    ...(compared ? ['与存档核对'] : []),
  ];
  const body = rows.map((r) => [
    r.memberName,
    r.positionLabel,
    r.stateLabel,
    time(r.openedAt),
    time(r.signedAt),
    ...(opinion ? [r.opinionText ?? ''] : []),
    objectionsText(r.objections),
    repliesText(r.objections),
    r.refusal?.reason ?? '',
    r.refusal?.recordedByName ?? '',
    time(r.refusal?.at),
    ...(compared ? [r.archiveDiffs?.length ? `与存档不一致：${r.archiveDiffs.join('；')}` : '一致'] : []),
  ]);
  const lines = [...head, header, ...body].map((cells) => cells.map(csvCell).join(','));
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

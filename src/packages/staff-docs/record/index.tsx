import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import type { RecordRow } from '@domain/record';
import { routeUrl, ROUTES } from '@domain/routes';
import { call, isWeapp, showError } from '../../../api/client';
import { Attachments, DocumentHead, Objections, STATE_TAG } from '../../../components/filings';
import { RecordPdfButton } from '../../../components/filings/RecordPdf';
import { Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSubmit } from '../../../components/useSubmit';
import { formatDateTime } from '../../../utils/format';
import { MemberForm, type MemberFormKind } from './MemberForm';
import { Outcome } from './outcome';
import { PrintView } from './print';
import './index.scss';

type Form = { kind: MemberFormKind; row: RecordRow } | null;

function MemberRow({ row, opinion, canAct, onAct }: { row: RecordRow; opinion: boolean; canAct: boolean; onAct: (f: Form) => void }) {
  return (
    <View className="list-item record-row" data-testid="record-row">
      <View className="row">
        <View>
          <Text className="list-item-title record-name">{row.memberName}</Text>
          <Text className="muted"> {row.positionLabel}</Text>
        </View>
        <Text className={`tag ${STATE_TAG[row.state]}`} data-testid="record-state">
          {opinion && row.state === 'SIGNED' ? '已反馈' : opinion && row.state === 'PENDING' ? '待反馈' : row.stateLabel}
        </Text>
      </View>
      <View className="list-item-meta">
        {row.openedAt ? `阅读 ${formatDateTime(row.openedAt)}` : '未阅读'}
        {row.signedAt && !opinion ? ` · 签收 ${formatDateTime(row.signedAt)}` : ''}
      </View>
      {opinion && (
        <View className={`record-opinion${row.opinionText === '逾期未回复' ? ' overdue' : ''}`} data-testid="record-opinion">
          意见：{row.opinionText}
        </View>
      )}
      <Objections rounds={row.objections} />
      {row.refusal && (
        <View className="notice record-refusal" data-testid="record-refusal">
          拒签：{row.refusal.reason}（{row.refusal.recordedByName} 记录于 {formatDateTime(row.refusal.at)}）
        </View>
      )}
      {row.archiveDiffs && row.archiveDiffs.length > 0 && (
        <View className="record-archive-diff" data-testid="record-archive-diff">
          <Text className="tag tag-danger">与存档不一致</Text>
          {row.archiveDiffs.map((d) => (
            <View key={d}>{d}</View>
          ))}
        </View>
      )}
      {canAct && row.staffActions.length > 0 && (
        <View className="record-actions">
          {row.staffActions.includes('recordRefusal') && (
            <Button size="small" className="action-refusal" data-testid="action-refusal" onClick={() => onAct({ kind: 'refusal', row })}>
              记录拒签
            </Button>
          )}
          {row.staffActions.includes('reply') && (
            <Button size="small" type="primary" className="action-reply" data-testid="action-reply" onClick={() => onAct({ kind: 'reply', row })}>
              答复异议
            </Button>
          )}
        </View>
      )}
    </View>
  );
}

function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function RecordPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const print = params.print === '1';
  const { data, error, reload } = usePageData(() => call('filings', 'record', { documentId: id }));
  const [form, setForm] = useState<Form>(null);
  const { busy, submit } = useSubmit();

  async function act(fn: () => Promise<unknown>, done: string): Promise<void> {
    const ok = await submit(async () => {
      await fn();
      setForm(null);
    }, done);
    if (ok) await reload();
  }

  // A spreadsheet is for a desk: WeChat gets the PDF, which its document viewer forwards to a chat.
  async function exportCsv(): Promise<void> {
    try {
      const { filename, csv } = await call('filings', 'exportRecord', { documentId: id });
      downloadCsv(filename, csv);
    } catch (e) {
      showError(e);
    }
  }

  async function revise(): Promise<void> {
    try {
      const draft = await call('filings', 'revise', { documentId: id });
      void Taro.navigateTo({ url: routeUrl(ROUTES.staff.compose, { id: draft.documentId }) });
    } catch (e) {
      showError(e);
    }
  }

  if (!data)
    return (
      <View className="page">
        <Pending error={error} onRetry={reload} />
      </View>
    );
  if (print) return <PrintView data={data} />;

  const { document: doc, rows, summary } = data;
  const opinion = doc.kind === 'opinion_request';
  return (
    <View className="page record-page" data-testid="record-page">
      <DocumentHead doc={doc} />

      <View className="card record-summary" data-testid="record-summary">
        <View className="record-stat">
          <View className="record-stat-number">
            {summary.signed}/{summary.total}
          </View>
          <View className="muted">{opinion ? '已反馈' : '已签收'}</View>
        </View>
        {opinion ? (
          <View className="record-stat">
            <View className="record-stat-number">
              {summary.agree ?? 0}/{summary.disagree ?? 0}/{summary.comment ?? 0}
            </View>
            <View className="muted">同意/不同意/意见</View>
          </View>
        ) : (
          <View className="record-stat">
            <View className="record-stat-number">{summary.objected}</View>
            <View className="muted">提出异议</View>
          </View>
        )}
        <View className="record-stat">
          <View className="record-stat-number">{summary.refused}</View>
          <View className="muted">拒签</View>
        </View>
        <View className="record-stat">
          <View className={`record-stat-number${summary.pending > 0 ? ' overdue' : ''}`}>{summary.pending}</View>
          <View className="muted">{opinion ? '未回复' : '待签收'}</View>
        </View>
      </View>

      <View className="record-toolbar">
        <RecordPdfButton documentId={id} />
        {!isWeapp && (
          <Button size="small" fill="outline" type="primary" className="record-export" data-testid="record-export" onClick={() => void exportCsv()}>
            导出CSV
          </Button>
        )}
        {/* WeChat prints from the PDF viewer; the browser prints this sheet. */}
        {!isWeapp && (
          <Button
            size="small"
            fill="outline"
            type="primary"
            className="record-print"
            data-testid="record-print"
            onClick={() => void Taro.navigateTo({ url: routeUrl(ROUTES.staff.record, { id, print: 1 }) })}
          >
            打印版
          </Button>
        )}
        {data.canAct && !doc.supersededBy && !doc.outcome && (
          <Button size="small" fill="outline" className="record-revise" onClick={() => void revise()}>
            发布更正
          </Button>
        )}
        {data.canPublish && (
          <Button
            size="small"
            fill="outline"
            className="record-publish"
            onClick={() =>
              // Owners read exactly this wording: show it and ask before it goes out.
              void Taro.showModal({ title: `向业主公开：${doc.title}`, content: doc.body.slice(0, 300), confirmText: '确认公开' }).then((r) => {
                if (r.confirm) void act(() => call('filings', 'publishToOwners', { documentId: id }), '已向业主公开');
              })
            }
          >
            向业主公开
          </Button>
        )}
      </View>
      {doc.publishedAt && <View className="muted record-published">已于 {formatDateTime(doc.publishedAt)} 向业主公开</View>}

      {(summary.archiveMismatches ?? 0) > 0 && (
        <View className="notice record-archive-warning" data-testid="record-archive-warning">
          有 {summary.archiveMismatches} 位委员的签收情况与存档记录不一致：下方标出的状态不是按存档的签收事件得出的，请以存档为准并核查改动来源。
        </View>
      )}

      <View className="section-title">委员签收情况</View>
      {rows.map((r) => (
        <MemberRow key={r.deliveryId} row={r} opinion={opinion} canAct={data.canAct} onAct={setForm} />
      ))}

      {doc.kind === 'filing' && <Outcome data={data} onDecided={() => void reload()} />}

      <View className="card">
        <View className="section-title record-sub">正文</View>
        <View className="record-body">{doc.body}</View>
        <View className="section-title record-sub">附件</View>
        <Attachments files={doc.attachments} />
      </View>

      <Popup visible={form !== null} position="bottom" round onClose={() => setForm(null)}>
        {form && (
          <MemberForm key={`${form.kind}-${form.row.deliveryId}`} kind={form.kind} row={form.row} busy={busy} onCancel={() => setForm(null)} onSubmit={act} />
        )}
      </Popup>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import type { RecordView } from '@domain/api/filings';
import { isWeapp } from '../../../api/client';
import { formatDateTime } from '../../../utils/format';

const t = (ms?: number) => (ms ? formatDateTime(ms) : '');

/** The record as a sheet of paper: a plain table to print and file (H5 prints it with the browser). */
export function PrintView({ data }: { data: RecordView }) {
  const { document: doc, rows, summary } = data;
  const opinion = doc.kind === 'opinion_request';
  return (
    <View className="print-sheet" data-testid="print-sheet">
      <View className="print-title">输出信息审批记录</View>
      <View className="print-meta">
        <View>
          文件：{doc.kindLabel}《{doc.title}》第{doc.versionNo}版
        </View>
        {doc.categoryLabel && <View>类别：{doc.categoryLabel}</View>}
        <View>
          送达：{t(doc.sentAt)} {doc.sentByName}
          {doc.late ? `（逾期送达${doc.lateReason ? `：${doc.lateReason}` : ''}）` : ''}
        </View>
        <View>
          统计：共 {summary.total} 人，已{opinion ? '反馈' : '签收'} {summary.signed} 人，异议 {summary.objected} 人，拒签 {summary.refused} 人，未办结{' '}
          {summary.pending} 人
        </View>
      </View>
      <View className="print-table">
        <View className="print-tr print-th">
          <Text className="print-td print-c-name">委员</Text>
          <Text className="print-td print-c-pos">职务</Text>
          <Text className="print-td print-c-state">状态</Text>
          <Text className="print-td print-c-time">{opinion ? '反馈时间' : '签收时间'}</Text>
          <Text className="print-td print-c-text">{opinion ? '意见' : '异议及答复'}</Text>
          <Text className="print-td print-c-text">拒签（原因/记录人/时间）</Text>
        </View>
        {rows.map((r) => (
          <View key={r.deliveryId} className="print-tr" data-testid="print-row">
            <Text className="print-td print-c-name">{r.memberName}</Text>
            <Text className="print-td print-c-pos">{r.positionLabel}</Text>
            <Text className="print-td print-c-state">
              {r.archiveDiffs?.length ? `${r.stateLabel}（与存档不一致：${r.archiveDiffs.join('；')}）` : r.stateLabel}
            </Text>
            <Text className="print-td print-c-time">{t(r.signedAt).replace(' ', '\n')}</Text>
            <Text className="print-td print-c-text">
              {opinion
                ? r.opinionText
                : r.objections
                    .map((o) => `异议（${t(o.at)}）：${o.text}${o.reply ? `\n答复（${o.reply.byName} ${t(o.reply.at)}）：${o.reply.text}` : '\n（未答复）'}`)
                    .join('\n')}
            </Text>
            <Text className="print-td print-c-text">{r.refusal ? `${r.refusal.reason} / ${r.refusal.recordedByName} / ${t(r.refusal.at)}` : ''}</Text>
          </View>
        ))}
      </View>
      <View className="print-foot">
        <Text>经办人：</Text>
        <Text>服务中心负责人：</Text>
        <Text>日期：</Text>
      </View>
      {!isWeapp && (
        <View className="btn print-button" onClick={() => window.print()}>
          打印
        </View>
      )}
    </View>
  );
}

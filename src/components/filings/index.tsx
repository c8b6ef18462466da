import { Text, View } from '@tarojs/components';
import type { DocumentView } from '@domain/api/filings';
import type { FileRef } from '@domain/files';
import type { SignoffState } from '@domain/signoff';
import type { ObjectionRound } from '@domain/signoff';
import { openFile } from '../../api/files';
import { formatDateTime } from '../../utils/format';
import './filings.scss';

/** Tag colour per delivery state, the same on every page of the area. */
export const STATE_TAG: Record<SignoffState, string> = {
  PENDING: 'tag-warning',
  OBJECTED: 'tag-danger',
  ANSWERED: 'tag',
  SIGNED: 'tag-success',
  REFUSED: 'tag-muted',
};

export function Attachments({ files, onRemove }: { files: FileRef[]; onRemove?: (f: FileRef) => void }) {
  if (files.length === 0) return <View className="muted">无附件</View>;
  return (
    <View className="doc-attachments" data-testid="doc-attachments">
      {files.map((f) => (
        <View key={f.fileId} className="doc-attachment" data-testid="doc-attachment">
          <Text className="doc-attachment-mark">附</Text>
          <Text className="doc-attachment-name" onClick={() => void openFile(f)}>
            {f.name}
          </Text>
          {onRemove && (
            <Text className="doc-attachment-remove" onClick={() => onRemove(f)}>
              移除
            </Text>
          )}
        </View>
      ))}
    </View>
  );
}

/** Objection rounds with the centre's answer under each; an unanswered one says so. */
export function Objections({ rounds }: { rounds: ObjectionRound[] }) {
  if (rounds.length === 0) return null;
  return (
    <View className="doc-objections" data-testid="doc-objections">
      {rounds.map((r, i) => (
        <View key={r.at} className="doc-objection" data-testid="doc-objection">
          <View className="doc-objection-text">
            <Text className="tag tag-danger">异议{rounds.length > 1 ? ` ${i + 1}` : ''}</Text>
            {r.text}
          </View>
          <View className="muted">{formatDateTime(r.at)}</View>
          {r.reply ? (
            <View className="doc-reply" data-testid="doc-reply">
              <View>
                <Text className="doc-reply-by">{r.reply.byName} 答复：</Text>
                {r.reply.text}
              </View>
              <View className="muted">{formatDateTime(r.reply.at)}</View>
            </View>
          ) : (
            <View className="doc-reply doc-reply-waiting">服务中心尚未答复</View>
          )}
        </View>
      ))}
    </View>
  );
}

/** The letter itself: what was sent, when, by whom, against which deadline. */
export function DocumentHead({ doc }: { doc: DocumentView }) {
  return (
    <View className="card doc-head" data-testid="doc-head">
      <View className="doc-head-tags">
        <Text className="tag doc-kind">{doc.kindLabel}</Text>
        {doc.versionNo > 1 && <Text className="tag tag-muted">第{doc.versionNo}版（更正）</Text>}
        {doc.supersededBy && <Text className="tag tag-muted">已有更正版本</Text>}
        {doc.late && <Text className="tag tag-danger">逾期送达</Text>}
        {doc.outcome && <Text className="tag tag-success">{doc.outcome.resultLabel}</Text>}
      </View>
      <View className="doc-title" data-testid="doc-title">
        {doc.title}
      </View>
      {doc.categoryLabel && <View className="doc-category">{doc.categoryLabel}</View>}
      <View className="doc-facts">
        {doc.sentAt && <Fact label="送达时间" value={`${formatDateTime(doc.sentAt)} · ${doc.sentByName ?? ''}`} />}
        {doc.plannedStart && <Fact label="计划开始" value={doc.plannedStart} />}
        {doc.eventDate && <Fact label="事件日期" value={doc.eventDate} />}
        {doc.period && <Fact label="报告期间" value={doc.period.replace('-Q', '年第') + (doc.period.includes('Q') ? '季度' : '')} />}
        {doc.deadline && <Fact label="送达期限" value={`${doc.deadline.dueDate}${doc.deadline.provisional ? '（暂按周末计算）' : ''}`} />}
        {doc.responseDue && <Fact label="反馈截止" value={formatDateTime(doc.responseDue)} />}
      </View>
      {doc.late && doc.lateReason && <View className="notice">逾期原因：{doc.lateReason}</View>}
    </View>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className="doc-fact">
      <Text className="doc-fact-label">{label}</Text>
      <Text className="doc-fact-value">{value}</Text>
    </View>
  );
}

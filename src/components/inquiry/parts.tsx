import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { InquirySummaryView } from '@domain/api/inquiries';
import type { FileRef } from '@domain/files';
import { askerInquiryUrl } from '@domain/routes';
import { OPEN_STATUSES, type InquiryStatus } from '@domain/inquiry-labels';
import { isWeapp } from '../../api/client';
import { fileUrl } from '../../api/files';
import { formatDateTime } from '../../utils/format';
import './inquiry.scss';

export const STATUS_TAG: Record<InquiryStatus, string> = {
  received: 'tag-warning',
  reopened: 'tag-warning',
  in_progress: 'tag',
  escalated: 'tag-danger',
  answered: 'tag-success',
  explained: 'tag-success',
  accepted: 'tag-muted',
  unsatisfied: 'tag-muted',
};

/** "请于 11月25日 前答复" in the asker's words, or how late it is; a provisional date says so. */
export function dueText(i: Pick<InquirySummaryView, 'dueDate' | 'dueProvisional' | 'overdue' | 'workingDaysLeft'>): string {
  const [, m, d] = i.dueDate.split('-');
  const day = `${Number(m)}月${Number(d)}日`;
  const provisional = i.dueProvisional ? '（暂按周末推算，以官方日历为准）' : '';
  if (i.overdue) return `已逾期 · 应于 ${day} 前答复`;
  const left = i.workingDaysLeft === 0 ? '今天到期' : `还剩 ${i.workingDaysLeft} 个工作日`;
  return `${day} 前答复 · ${left}${provisional}`;
}

export function StatusTag({ status, label }: { status: InquiryStatus; label: string }) {
  return (
    <Text className={`tag ${STATUS_TAG[status]}`} data-testid="inquiry-status">
      {label}
    </Text>
  );
}

/** One line of a list; `link` opens the detail page of the list's area. */
export function InquiryCard({ item, link, showAsker }: { item: InquirySummaryView; link: string; showAsker?: boolean }) {
  const waiting = OPEN_STATUSES.includes(item.status);
  return (
    <View
      className={`list-item inquiry-card${item.overdue ? ' inquiry-card-overdue' : ''}`}
      data-testid="inquiry-card"
      onClick={() => void Taro.navigateTo({ url: link })}
    >
      <View className="row">
        <View className="inquiry-card-title">
          <Text className="tag inquiry-kind">{item.kindLabel}</Text>
          <Text className="list-item-title">{item.excerpt}</Text>
        </View>
        <StatusTag status={item.status} label={item.statusLabel} />
      </View>
      <View className="list-item-meta row">
        <Text>
          {showAsker ? `${item.askerName}${item.roomLabel ? ` · ${item.roomLabel}` : ''} · ` : item.roomLabel ? `${item.roomLabel} · ` : ''}
          {formatDateTime(item.receivedAt)}
          {item.photoCount > 0 ? ` · ${item.photoCount}张照片` : ''}
        </Text>
        {item.assigneeName && <Text className="inquiry-assignee">{item.assigneeName}</Text>}
      </View>
      {waiting && (
        <View className={`inquiry-due${item.overdue ? ' overdue' : ''}`} data-testid="inquiry-due">
          {dueText(item)}
        </View>
      )}
      {item.awaitingRating && <View className="inquiry-await">已答复，等待评价</View>}
    </View>
  );
}

async function preview(photos: FileRef[], current: FileRef): Promise<void> {
  const urls = photos.map((p) => fileUrl(p.fileId));
  if (!isWeapp) {
    window.open(fileUrl(current.fileId), '_blank');
    return;
  }
  await Taro.previewImage({ urls, current: fileUrl(current.fileId) }).catch(() => undefined);
}

export function Photos({ photos, onRemove }: { photos: FileRef[]; onRemove?: (p: FileRef) => void }) {
  if (photos.length === 0) return null;
  return (
    <View className="inquiry-photos" data-testid="inquiry-photos">
      {photos.map((p) => (
        <View key={p.fileId} className="inquiry-photo">
          <Image className="inquiry-photo-img" src={fileUrl(p.fileId)} mode="aspectFill" onClick={() => void preview(photos, p)} />
          {onRemove && (
            <Text className="inquiry-photo-remove" onClick={() => onRemove(p)}>
              ×
            </Text>
          )}
        </View>
      ))}
    </View>
  );
}

export function Tabs<T extends string>({ tabs, value, onChange }: { tabs: Array<[T, string]>; value: T; onChange: (t: T) => void }) {
  return (
    <View className="inquiry-tabs">
      {tabs.map(([key, label]) => (
        <View key={key} className={`inquiry-tab${value === key ? ' inquiry-tab-active' : ''}`} data-testid={`tab-${key}`} onClick={() => onChange(key)}>
          {label}
        </View>
      ))}
    </View>
  );
}

/** The prominent way in: 我要提问 on the owner's list, 提出质询 on the committee's. */
export function AskEntry({ title, sub, link }: { title: string; sub: string; link: string }) {
  return (
    <View className="ask-entry" data-testid="ask-entry" onClick={() => void Taro.navigateTo({ url: link })}>
      <View className="ask-entry-mark">问</View>
      <View>
        <View className="ask-entry-title">{title}</View>
        <View className="ask-entry-sub">{sub}</View>
      </View>
    </View>
  );
}

/** Where the asker opens their own item: committee items live in the committee's pages. */
export const askerDetail = (i: Pick<InquirySummaryView, 'inquiryId' | 'channel'>): string => askerInquiryUrl(i.channel, i.inquiryId);

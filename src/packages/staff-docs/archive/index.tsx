import { useState } from 'react';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { ArchiveAnchorsView, ArchiveEntryView } from '@domain/api/filings';
import { ARCHIVE_TYPE_LABELS, type ArchiveEntryType } from '@domain/archive';
import { KIND_LABELS, type DocumentKind } from '@domain/documents';
import { TEXT_LIMITS } from '@domain/limits';
import { routeUrl, ROUTES } from '@domain/routes';
import { call, errorMessage } from '../../../api/client';
import { Empty, Loading, Pending } from '../../../components/States';
import { useSession } from '../../../stores/session';
import { formatDateTime } from '../../../utils/format';
import { AnchorPrint, AnchorsCard, ARCHIVE_PAGE } from './anchors';
import { VerifyCard } from './verify';
import './index.scss';

const TYPES = Object.entries(ARCHIVE_TYPE_LABELS) as Array<[ArchiveEntryType, string]>;
const KINDS = Object.entries(KIND_LABELS) as Array<[DocumentKind, string]>;
const PAGE = 20;

interface Filters {
  type?: ArchiveEntryType;
  kind?: DocumentKind;
  from?: string;
  to?: string;
  text?: string;
}

function Chips<T extends string>({ options, value, onPick }: { options: Array<[T, string]>; value?: T; onPick: (v?: T) => void }) {
  return (
    <View className="chip-row">
      {[undefined, ...options.map(([k]) => k)].map((k) => (
        <View key={k ?? 'all'} className={`chip${value === k ? ' chip-active' : ''}`} onClick={() => onPick(k)}>
          {k ? options.find(([o]) => o === k)![1] : '全部'}
        </View>
      ))}
    </View>
  );
}

export default function ArchivePage() {
  const { params } = useRouter();
  const me = useSession((s) => s.me);
  const staff = me?.area === 'staff';
  const [anchors, setAnchors] = useState<ArchiveAnchorsView | null>(null);
  // Everything by default: a word in an objection or a reply must be found without picking its type first.
  const [filters, setFilters] = useState<Filters>({});
  const [text, setText] = useState('');
  const [entries, setEntries] = useState<ArchiveEntryView[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function search(f: Filters = filters, after?: string): Promise<void> {
    try {
      const res = await call('filings', 'archiveSearch', { ...f, text: f.text || undefined, limit: PAGE, after });
      setEntries((prev) => (after && prev ? [...prev, ...res.entries] : res.entries));
      setNext(res.next);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  useDidShow(() => {
    if (!entries && params.print !== '1') void search();
    // A general manager spans communities and has none of their own: no anchors to show.
    call('filings', 'archiveAnchors', {}).then(setAnchors, () => setAnchors(null));
  });

  // The chat card carries the digest in its title: a copy that lives in WeChat, not in our database.
  useShareAppMessage(() => {
    const head = anchors?.current;
    if (!anchors || !head) return { title: '档案检索', path: ARCHIVE_PAGE };
    return { title: `${anchors.communityName}档案存证摘要：共${head.seq}条 简码${head.code}`, path: `${ARCHIVE_PAGE}?seq=${head.seq}&digest=${head.code}` };
  });

  if (params.print === '1') return anchors ? <AnchorPrint data={anchors} month={params.month ?? ''} /> : <Loading />;

  function update(patch: Partial<Filters>): void {
    const next = { ...filters, ...patch };
    setFilters(next);
    setEntries(null);
    void search(next);
  }

  return (
    <View className="page archive-page" data-testid="archive-page">
      <VerifyCard initialSeq={params.seq} initialDigest={params.digest} />
      {anchors && <AnchorsCard data={anchors} />}

      <View className="card archive-filters">
        <View className="archive-search">
          <Input
            className="archive-text"
            placeholder="搜索标题、正文、委员、异议内容"
            maxLength={TEXT_LIMITS.searchText}
            value={text}
            onChange={setText}
            onConfirm={() => update({ text: text.trim() })}
          />
          <Button size="small" type="primary" className="archive-go" onClick={() => update({ text: text.trim() })}>
            搜索
          </Button>
        </View>
        <View className="archive-label">记录类型</View>
        <Chips options={TYPES} value={filters.type} onPick={(type) => update({ type })} />
        <View className="archive-label">文件类型</View>
        <Chips options={KINDS} value={filters.kind} onPick={(kind) => update({ kind })} />
        <View className="archive-dates">
          <Picker mode="date" value={filters.from ?? ''} onChange={(e) => update({ from: String(e.detail.value) })}>
            <View className="archive-date">{filters.from ?? '开始日期'}</View>
          </Picker>
          <Text className="muted">至</Text>
          <Picker mode="date" value={filters.to ?? ''} onChange={(e) => update({ to: String(e.detail.value) })}>
            <View className="archive-date">{filters.to ?? '结束日期'}</View>
          </Picker>
          {(filters.from || filters.to) && (
            <Text className="archive-clear" onClick={() => update({ from: undefined, to: undefined })}>
              清除
            </Text>
          )}
        </View>
      </View>

      {!entries ? (
        <Pending error={error} onRetry={() => void search()} />
      ) : entries.length === 0 ? (
        <Empty text="没有符合条件的档案" icon="档" />
      ) : (
        <View>
          {entries.map((e) => (
            <View
              key={`${e.communityId}-${e.seq}`}
              className="list-item archive-entry"
              data-testid="archive-entry"
              onClick={() => void Taro.navigateTo({ url: routeUrl(staff ? ROUTES.staff.record : ROUTES.committee.document, { id: e.documentId }) })}
            >
              <View className="row">
                <Text className="list-item-title archive-title">{e.title}</Text>
                <Text className="muted">#{e.seq}</Text>
              </View>
              <View className="list-item-detail">{e.summary}</View>
              <View className="list-item-meta">
                <Text className="tag">{e.typeLabel}</Text>
                <Text className="tag tag-muted">{e.kindLabel}</Text>
                {formatDateTime(e.at)}
              </View>
            </View>
          ))}
          {next && (
            <View className="btn btn-plain archive-more" onClick={() => void search(filters, next)}>
              加载更多
            </View>
          )}
        </View>
      )}
    </View>
  );
}

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { DocumentView } from '@domain/api/filings';
import { categoriesOf, KIND_LABELS, type DocumentCategory, type DocumentKind } from '@domain/documents';
import { routeUrl, ROUTES } from '@domain/routes';
import { call } from '../../../api/client';
import { SearchBox } from '../../../components/SearchBox';
import { Empty, Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSubmit } from '../../../components/useSubmit';
import { formatDateTime } from '../../../utils/format';
import '../../../components/filings/filings.scss';
import './index.scss';

const KINDS = Object.entries(KIND_LABELS) as Array<[DocumentKind, string]>;

function statusTag(d: DocumentView): string {
  if (d.status === 'draft') return 'tag-muted';
  if (d.supersededBy) return 'tag-muted';
  if (d.outcome) return d.outcome.result === 'approved' ? 'tag-success' : 'tag-muted';
  return 'tag';
}

function DocItem({ d }: { d: DocumentView }) {
  const p = d.progress;
  const url = routeUrl(d.status === 'draft' ? ROUTES.staff.compose : ROUTES.staff.record, { id: d.documentId });
  return (
    <View className="list-item staff-doc" data-testid="staff-doc" onClick={() => void Taro.navigateTo({ url })}>
      <View className="row">
        <View className="staff-doc-title">
          <Text className="tag doc-kind">{d.kindLabel}</Text>
          <Text className="list-item-title">{d.title}</Text>
        </View>
        <Text className={`tag ${statusTag(d)}`}>{d.statusLabel}</Text>
      </View>
      {d.categoryLabel && <View className="list-item-detail">{d.categoryLabel}</View>}
      {p && (
        <View className="staff-doc-progress" data-testid="staff-doc-progress">
          <View className="row">
            <Text>
              {p.signed}/{p.total} 已签收
              {p.refused > 0 ? ` · ${p.refused} 拒签` : ''}
            </Text>
            {p.openObjections > 0 && <Text className="tag tag-danger">{p.openObjections} 条异议待答复</Text>}
          </View>
          <View className="doc-progress-bar">
            <View className="doc-progress-fill" style={{ width: `${p.total ? (100 * p.signed) / p.total : 0}%` }} />
          </View>
        </View>
      )}
      <View className="list-item-meta">
        {d.status === 'sent' ? `送达 ${d.sentAt ? formatDateTime(d.sentAt) : ''} · ${d.sentByName ?? ''}` : `最后修改 ${formatDateTime(d.updatedAt)}`}
        {d.deadline ? ` · 期限 ${d.deadline.dueDate}` : ''}
        {d.late && <Text className="overdue">{d.status === 'sent' ? ' · 逾期送达' : ' · 已过期限'}</Text>}
      </View>
    </View>
  );
}

type StatusFilter = 'draft' | 'sent' | 'late';
const STATUS_FILTERS: Array<[StatusFilter, string]> = [
  ['draft', '草稿'],
  ['sent', '已送达'],
  ['late', '逾期送达'],
];

export default function StaffDocumentsPage() {
  const [kind, setKind] = useState<DocumentKind | null>(null);
  const [status, setStatus] = useState<StatusFilter | null>(null);
  const [category, setCategory] = useState<DocumentCategory | null>(null);
  const [text, setText] = useState('');
  const filters = {
    ...(kind ? { kind } : {}),
    ...(status === 'late' ? { status: 'sent' as const, late: true } : status ? { status } : {}),
    ...(category ? { category } : {}),
    ...(text ? { text } : {}),
  };
  const categories = kind ? categoriesOf(kind) : [];
  const [canCompose, setCanCompose] = useState(false);
  const [later, setLater] = useState<{ items: DocumentView[]; next: string | null } | null>(null);
  const {
    data: first,
    error,
    reload,
  } = usePageData(async () => {
    const [list, composers] = await Promise.all([call('filings', 'list', filters), call('filings', 'composers', {})]);
    setCanCompose(composers.canCompose);
    setLater(null);
    return list;
  }, [kind, status, category, text]);
  const docs = first ? [...first.items, ...(later?.items ?? [])] : null;
  const next = later ? later.next : (first?.next ?? null);
  const { busy: loadingMore, submit } = useSubmit();
  const loadMore = () =>
    submit(async () => {
      if (!next) return;
      const page = await call('filings', 'list', { ...filters, after: next });
      setLater((prev) => ({ items: [...(prev?.items ?? []), ...page.items], next: page.next }));
    });

  const drafts = docs?.filter((d) => d.status === 'draft') ?? [];
  const sent = docs?.filter((d) => d.status === 'sent') ?? [];
  return (
    <View className="page staff-docs-page" data-testid="staff-docs-page">
      <View className="row staff-docs-actions">
        {canCompose ? (
          <Button type="primary" className="compose-new" data-testid="compose-new" onClick={() => void Taro.navigateTo({ url: ROUTES.staff.compose })}>
            起草文件
          </Button>
        ) : (
          <Text className="muted">起草和发送须经服务中心负责人授权</Text>
        )}
        <Button fill="outline" type="primary" className="open-archive" onClick={() => void Taro.navigateTo({ url: ROUTES.staff.archive })}>
          档案检索
        </Button>
      </View>

      <View className="chip-row">
        {[null, ...KINDS.map(([k]) => k)].map((k) => (
          <View
            key={k ?? 'all'}
            className={`chip${kind === k ? ' chip-active' : ''}`}
            onClick={() => {
              setKind(k);
              setCategory(null);
            }}
          >
            {k ? KIND_LABELS[k] : '全部'}
          </View>
        ))}
      </View>
      <View className="chip-row" data-testid="docs-status">
        {[null, ...STATUS_FILTERS.map(([k]) => k)].map((k) => (
          <View key={k ?? 'all'} className={`chip${status === k ? ' chip-active' : ''}`} onClick={() => setStatus(k)}>
            {k ? STATUS_FILTERS.find(([x]) => x === k)![1] : '全部状态'}
          </View>
        ))}
      </View>
      <View className="row docs-search">
        {categories.length > 0 && (
          <Picker
            mode="selector"
            range={['全部类别', ...categories.map(([, label]) => label)]}
            onChange={(e) => setCategory(Number(e.detail.value) === 0 ? null : categories[Number(e.detail.value) - 1]![0])}
          >
            <View className="chip docs-category" data-testid="docs-category">
              {categories.find(([c]) => c === category)?.[1] ?? '全部类别'}
            </View>
          </Picker>
        )}
        <SearchBox
          placeholder="搜索标题或正文"
          onSearch={(t) => setText(t ?? '')}
          testId="docs-search"
          goTestId="docs-search-go"
          inputClass="docs-search-input"
        />
      </View>

      {!docs ? (
        <Pending error={error} onRetry={reload} />
      ) : docs.length === 0 ? (
        <Empty text={Object.keys(filters).length > 0 ? '没有符合条件的文件' : '还没有业委会文件'} icon="文" />
      ) : (
        <View>
          {drafts.length > 0 && <View className="section-title">草稿</View>}
          {drafts.map((d) => (
            <DocItem key={d.documentId} d={d} />
          ))}
          {sent.length > 0 && <View className="section-title">已送达</View>}
          {sent.map((d) => (
            <DocItem key={d.documentId} d={d} />
          ))}
          {next && (
            <View className="btn btn-plain load-more" data-testid="docs-more" onClick={() => (loadingMore ? undefined : void loadMore())}>
              {loadingMore ? '加载中…' : '加载更多'}
            </View>
          )}
        </View>
      )}
    </View>
  );
}

import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { call } from '../../../api/client';
import { Empty, Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSubmit } from '../../../components/useSubmit';
import { useSession } from '../../../stores/session';
import { confirmOwnerWording } from '../parts';

/** Notices the committee wants posted: members submit, the head approves (and posts) or returns. */
export default function PostingsPage() {
  const { data, error, reload } = usePageData(() => call('meetings', 'postings', {}));
  const { busy, submit } = useSubmit();
  const isHead = (useSession((s) => s.me)?.roles ?? []).includes('head');
  const [form, setForm] = useState({ title: '', body: '' });
  const [reason, setReason] = useState('');
  if (!data)
    return (
      <View className="page">
        <Pending error={error} onRetry={reload} />
      </View>
    );
  const run = (work: () => Promise<unknown>, toast: string) => void submit(() => work().then(reload), toast);
  return (
    <View className="page" data-testid="postings-page">
      {!isHead && (
        <View className="card">
          <Input value={form.title} onChange={(v) => setForm({ ...form, title: v })} placeholder="公告标题" />
          <TextArea value={form.body} onChange={(v) => setForm({ ...form, body: v })} placeholder="公告正文（负责人审核后张贴）" />
          <Button type="primary" loading={busy} onClick={() => run(() => call('meetings', 'submitPosting', { ...form, attachments: [] }), '已提交审核')}>
            提交审核
          </Button>
        </View>
      )}
      {data.length === 0 && <Empty text="暂无公告" icon="告" />}
      {data.map((p) => (
        <View key={p._id} className="card">
          <View className="row">
            <Text className="section-title">{p.title}</Text>
            <Text className="tag">{p.statusLabel}</Text>
          </View>
          <View>{p.body}</View>
          <View className="muted">{p.submittedBy.name} 提交</View>
          {p.review?.reason && <View className="notice">退回原因：{p.review.reason}</View>}
          {isHead && p.status === 'submitted' && (
            <View>
              <Button
                type="primary"
                loading={busy}
                onClick={() =>
                  void confirmOwnerWording(p.title, p.body).then(
                    (ok) => ok && run(() => call('meetings', 'reviewPosting', { postingId: p._id, event: 'approve', confirm: true }), '已张贴'),
                  )
                }
              >
                审核通过并张贴
              </Button>
              <Input value={reason} onChange={setReason} placeholder="退回原因" />
              <Button loading={busy} onClick={() => run(() => call('meetings', 'reviewPosting', { postingId: p._id, event: 'return', reason }), '已退回')}>
                退回
              </Button>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}

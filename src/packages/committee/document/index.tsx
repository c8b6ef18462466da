import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Popup, Radio, TextArea } from '@nutui/nutui-react-taro';
import type { DeliveryView } from '@domain/api/filings';
import { OPINION_LABELS, type OpinionChoice } from '@domain/signoff';
import { routeUrl, ROUTES } from '@domain/routes';
import { call } from '../../../api/client';
import { ConsentButton } from '../../../components/ConsentButton';
import { Attachments, DocumentHead, Objections, STATE_TAG } from '../../../components/filings';
import { Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSubmit } from '../../../components/useSubmit';
import { formatDate, formatDateTime } from '../../../utils/format';
import './index.scss';

type Form = { kind: 'object' } | { kind: 'answer' } | null;

function MyDelivery({ d, opinionRequest, onChange }: { d: DeliveryView; opinionRequest: boolean; onChange: () => void }) {
  const [form, setForm] = useState<Form>(null);
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<OpinionChoice>('agree');
  const { busy, submit } = useSubmit();

  async function run(fn: () => Promise<DeliveryView>, done: string): Promise<void> {
    await submit(async () => {
      await fn();
      onChange();
      setForm(null);
      setText('');
    }, done);
  }

  function sign(): void {
    void Taro.showModal({ title: '确认签收', content: '签收表示您已收到并阅读该文件，签收时间将被记录。' }).then((r) => {
      if (!r.confirm) return;
      void run(() => call('filings', 'sign', { deliveryId: d.deliveryId }), '已签收');
    });
  }

  const waiting = d.state === 'OBJECTED';
  return (
    <View className="card my-delivery" data-testid="my-delivery">
      <View className="row">
        <View className="section-title my-delivery-title">我的签收</View>
        <Text className={`tag ${STATE_TAG[d.state]}`} data-testid="my-state">
          {opinionRequest ? (d.opinion ? '已反馈' : d.state === 'REFUSED' ? '拒签' : '待反馈') : d.stateLabel}
        </Text>
      </View>
      {d.signedAt && !opinionRequest && <View className="muted">签收时间 {formatDateTime(d.signedAt)}</View>}
      {d.opinion && (
        <View className="my-opinion" data-testid="my-opinion">
          我的意见：<Text className="my-opinion-choice">{OPINION_LABELS[d.opinion.choice]}</Text>
          {d.opinion.text ? `，${d.opinion.text}` : ''}
          <View className="muted">
            {formatDateTime(d.opinion.at)}
            {d.opinion.late ? '（逾期反馈）' : ''}
          </View>
        </View>
      )}
      {d.refusal && (
        <View className="notice" data-testid="my-refusal">
          {d.refusal.recordedByName} 于 {formatDateTime(d.refusal.at)} 记录拒签：{d.refusal.reason}
        </View>
      )}
      <Objections rounds={d.objections} />
      {waiting && <View className="notice">您的异议已送达服务中心，答复后可签收或继续提出异议。</View>}
      {d.overdue && <View className="notice overdue">反馈期限已过，您仍可补充反馈，将标记为逾期。</View>}
      {/* Signing is the natural moment to ask to be alerted of the next document and of the answer to an objection. */}
      {d.actions.length > 0 && <ConsentButton templates={['deadline', 'answered']} label="开启签收提醒" />}

      {d.actions.length > 0 && (
        <View className="my-actions">
          {d.actions.includes('object') && (
            <Button className="action-object" data-testid="action-object" onClick={() => setForm({ kind: 'object' })}>
              提出异议
            </Button>
          )}
          {d.actions.includes('sign') && (
            <Button type="primary" className="action-sign" data-testid="action-sign" loading={busy} onClick={sign}>
              签收
            </Button>
          )}
          {d.actions.includes('answer') && (
            <Button type="primary" className="action-answer" data-testid="action-answer" onClick={() => setForm({ kind: 'answer' })}>
              反馈意见
            </Button>
          )}
        </View>
      )}

      <Popup visible={form !== null} position="bottom" round onClose={() => setForm(null)}>
        {form?.kind === 'object' && (
          <View className="doc-form" data-testid="object-form">
            <View className="doc-form-title">提出异议</View>
            <View className="muted">请写明您不同意的内容和理由，服务中心将给予书面解释。</View>
            <TextArea className="doc-textarea" data-testid="object-text" placeholder="异议内容" maxLength={1000} showCount value={text} onChange={setText} />
            <View className="doc-form-actions">
              <Button onClick={() => setForm(null)}>取消</Button>
              <Button
                type="primary"
                data-testid="object-submit"
                loading={busy}
                onClick={() => void run(() => call('filings', 'object', { deliveryId: d.deliveryId, text }), '异议已提交')}
              >
                提交异议
              </Button>
            </View>
          </View>
        )}
        {form?.kind === 'answer' && (
          <View className="doc-form" data-testid="answer-form">
            <View className="doc-form-title">反馈签阅意见</View>
            <Radio.Group value={choice} onChange={(v) => setChoice(v as OpinionChoice)} direction="horizontal">
              {(Object.keys(OPINION_LABELS) as OpinionChoice[]).map((c) => (
                <Radio key={c} value={c} shape="button" className="answer-choice" data-testid={`answer-${c}`}>
                  {OPINION_LABELS[c]}
                </Radio>
              ))}
            </Radio.Group>
            <TextArea
              className="doc-textarea"
              data-testid="answer-text"
              placeholder={choice === 'comment' ? '请填写意见（必填）' : '补充说明（选填）'}
              maxLength={1000}
              showCount
              value={text}
              onChange={setText}
            />
            <View className="doc-form-actions">
              <Button onClick={() => setForm(null)}>取消</Button>
              <Button
                type="primary"
                data-testid="answer-submit"
                loading={busy}
                onClick={() => void run(() => call('filings', 'answer', { deliveryId: d.deliveryId, choice, text: text.trim() || undefined }), '意见已提交')}
              >
                提交意见
              </Button>
            </View>
          </View>
        )}
      </Popup>
    </View>
  );
}

export default function DocumentPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const {
    data: detail,
    error,
    reload,
  } = usePageData(async () => {
    const got = await call('filings', 'get', { documentId: id });
    // Opening the page is the read receipt, kept apart from the signature.
    if (!got.myDelivery || got.myDelivery.readStatus !== 'NOT_OPENED') return got;
    try {
      return { ...got, myDelivery: await call('filings', 'open', { deliveryId: got.myDelivery.deliveryId }) };
    } catch {
      // The document is still worth reading without the receipt; the next show records it.
      return got;
    }
  });

  if (!detail)
    return (
      <View className="page">
        <Pending error={error} onRetry={reload} />
      </View>
    );
  const { document: doc, myDelivery, myHistory } = detail;

  return (
    <View className="page doc-page" data-testid="doc-page">
      <DocumentHead doc={doc} />

      <View className="card">
        <View className="doc-body" data-testid="doc-body">
          {doc.body}
        </View>
        <View className="section-title doc-sub">附件</View>
        <Attachments files={doc.attachments} />
      </View>

      {myDelivery && <MyDelivery d={myDelivery} opinionRequest={doc.kind === 'opinion_request'} onChange={() => void reload()} />}

      {myHistory.length > 0 && (
        <View className="card" data-testid="my-history">
          <View className="section-title doc-sub">我的记录</View>
          {myHistory.map((e) => (
            <View key={e.n} className="history-item">
              <View className="history-dot" />
              <View className="history-main">
                <View>
                  <Text className="history-label">{e.label}</Text>
                  <Text className="muted"> · {e.actorName}</Text>
                </View>
                {e.text && <View className="history-text">{e.text}</View>}
                <View className="muted">{formatDateTime(e.at)}</View>
              </View>
            </View>
          ))}
        </View>
      )}

      <View
        className="btn btn-plain doc-record-link"
        data-testid="doc-record-link"
        onClick={() => void Taro.navigateTo({ url: routeUrl(ROUTES.staff.record, { id: doc.documentId }) })}
      >
        查看全体委员签收记录
      </View>
      {doc.responseDue && <View className="muted doc-foot">反馈截止 {formatDate(doc.responseDue)}，逾期未反馈的将记为“逾期未回复”。</View>}
    </View>
  );
}

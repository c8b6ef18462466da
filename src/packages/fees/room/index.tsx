import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, Radio, TextArea } from '@nutui/nutui-react-taro';
import { REMINDER_CHANNELS, type ReminderChannel } from '@domain/fees';
import { PAYMENT_CHANNELS, type PaymentChannel } from '@domain/fee-records';
import type { ReminderView } from '@domain/api/fees';
import { parseYuan } from '@domain/fee-ledger';
import { appNow, call } from '../../../api/client';
import { uploadFile } from '../../../api/files';
import { Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSubmit } from '../../../components/useSubmit';
import { formatDateTime, formatFen, formatMonth } from '../../../utils/format';
import { openPdf } from '../../../utils/pdf';
import { localDateOf } from '@domain/time';
import '../arrears/index.scss';

const CHANNELS = (Object.entries(REMINDER_CHANNELS) as Array<[ReminderChannel, string]>).filter(([k]) => k !== 'in_app' && k !== 'subscribe_message');
const PAY = Object.entries(PAYMENT_CHANNELS) as Array<[PaymentChannel, string]>;

function ProofActions({ r, onDone }: { r: ReminderView; onDone: () => void }) {
  const [trackingNo, setTrackingNo] = useState('');
  const { busy, submit } = useSubmit();
  if (!r.canAddProof) return null;
  const add = (payload: Parameters<typeof call<'fees', 'addProof'>>[2]) =>
    submit(() => call('fees', 'addProof', payload), '已保存送达凭证').then((ok) => {
      if (ok) onDone();
    });
  if (r.channel === 'slip') {
    return (
      <View className="row">
        <Input placeholder="挂号信/EMS单号" value={trackingNo} onChange={setTrackingNo} />
        <Button size="small" loading={busy} onClick={() => void add({ reminderId: r.reminderId, kind: 'registered_mail', trackingNo })}>
          保存单号
        </Button>
        <Button
          size="small"
          loading={busy}
          onClick={() =>
            void Taro.chooseImage({ count: 1 }).then(async (res) => {
              const file = await uploadFile(res.tempFilePaths[0], '签收的催缴单.jpg', 'fee-proofs');
              await add({ reminderId: r.reminderId, kind: 'slip_photo', file: { fileId: file.fileId, name: file.name } });
            })
          }
        >
          上传签收照片
        </Button>
      </View>
    );
  }
  return r.channel === 'in_app' || r.channel === 'subscribe_message' ? (
    <Button size="small" loading={busy} onClick={() => void add({ reminderId: r.reminderId, kind: 'read_receipt' })}>
      以业主已读为凭证
    </Button>
  ) : null;
}

export default function RoomFeesPage() {
  const { params } = useRouter();
  const roomId = params.id ?? '';
  const { data, error, reload } = usePageData(
    () => Promise.all([call('fees', 'roomFees', { roomId }), call('fees', 'roomReminders', { roomId, limit: 50 })]),
    [roomId],
  );
  const [channel, setChannel] = useState<ReminderChannel>('phone');
  const [outcome, setOutcome] = useState('');
  const [amount, setAmount] = useState('');
  const [payChannel, setPayChannel] = useState<PaymentChannel>('bank_transfer');
  const [receiptNo, setReceiptNo] = useState('');
  const [reason, setReason] = useState('');
  const { busy, submit } = useSubmit();
  if (!data) return <Pending error={error} onRetry={reload} />;
  const [room, history] = data;

  const remind = (reachable: boolean) =>
    submit(() => call('fees', 'recordReminder', { roomId, channel, outcome: outcome.trim(), reachable }), '已记录催缴').then((ok) => {
      if (ok) {
        setOutcome('');
        void reload();
      }
    });
  const pay = () => {
    const fen = parseYuan(amount);
    if (fen === null || fen <= 0) return void Taro.showToast({ title: '请填写金额（元，最多两位小数）', icon: 'none' });
    void submit(
      () => call('fees', 'recordPayment', { roomId, amountFen: fen, paidOn: localDateOf(appNow()), channel: payChannel, receiptNo: receiptNo.trim() }),
      '已登记缴费',
    ).then((ok) => {
      if (ok) void reload();
    });
  };
  const decide = (decision: 'decide' | 'defer') =>
    void submit(
      () => call('fees', 'decideEscalation', { roomId, step: room.escalation === 'lawsuit' ? 'lawsuit' : 'lawyer_letter', decision, reason: reason.trim() }),
      '已记录决定',
    ).then((ok) => {
      if (ok) void reload();
    });

  return (
    <View className="page arrears-page" data-testid="room-fees-page">
      <View className="card">
        <View className="row">
          <Text className="list-item-title">{room.roomLabel}</Text>
          <Text className="arrears-amount">{formatFen(room.amountFen)}</Text>
        </View>
        <View className="list-item-detail">{room.bills.map((b) => `${formatMonth(b.month)} ${formatFen(b.owingFen)}`).join('；') || '无欠费'}</View>
        {room.phones.map((p) => (
          <View key={`${p.phone}${p.source}`} className="row">
            <Text>
              {p.source}：{p.phone}
            </Text>
            {!p.masked && (
              <Button size="small" type="primary" onClick={() => void Taro.makePhoneCall({ phoneNumber: p.phone })} data-testid="call-owner">
                拨打
              </Button>
            )}
          </View>
        ))}
        {room.atRisk.map((r) => (
          <View key={r.billId} className="notice overdue">
            {formatMonth(r.month)}账单诉讼时效自{r.since}起算，{r.expired ? `已于${r.expiresOn}届满` : `将于${r.expiresOn}届满（还剩${r.daysLeft}天）`}
            ：需书面催缴并留存送达凭证。
          </View>
        ))}
        <Button
          size="small"
          loading={busy}
          onClick={() =>
            void submit(async () => {
              const pdf = await call('fees', 'reminderSlips', { roomId });
              await openPdf(pdf.filename, pdf.base64);
            })
          }
        >
          打印催缴单
        </Button>
      </View>

      <View className="card">
        <View className="form-label">记录催缴（本户全部欠费，计一次）</View>
        <Radio.Group value={channel} onChange={(v) => setChannel(v as ReminderChannel)} direction="horizontal">
          {CHANNELS.map(([k, label]) => (
            <Radio key={k} value={k} shape="button">
              {label}
            </Radio>
          ))}
        </Radio.Group>
        <TextArea placeholder="催缴结果" maxLength={200} value={outcome} onChange={setOutcome} />
        <View className="row">
          <Button size="small" loading={busy} onClick={() => void remind(false)}>
            未联系上
          </Button>
          <Button size="small" type="primary" loading={busy} onClick={() => void remind(true)}>
            已联系
          </Button>
        </View>
      </View>

      <View className="card">
        <View className="form-label">登记缴费（先抵最早月份）</View>
        <Input placeholder="金额（元）" type="digit" value={amount} onChange={setAmount} />
        <Radio.Group value={payChannel} onChange={(v) => setPayChannel(v as PaymentChannel)} direction="horizontal">
          {PAY.map(([k, label]) => (
            <Radio key={k} value={k} shape="button">
              {label}
            </Radio>
          ))}
        </Radio.Group>
        <Input placeholder="收据号" value={receiptNo} onChange={setReceiptNo} />
        <Button size="small" type="primary" loading={busy} onClick={pay}>
          登记缴费
        </Button>
      </View>

      {room.canDecideEscalation && (
        <View className="card" data-testid="escalation">
          <View className="form-label">{room.escalationLabel}：请经理决定（不得停水停电）</View>
          <TextArea placeholder="理由" maxLength={300} value={reason} onChange={setReason} />
          <View className="row">
            <Button size="small" onClick={() => decide('defer')}>
              暂缓
            </Button>
            <Button size="small" type="primary" onClick={() => decide('decide')}>
              决定执行
            </Button>
          </View>
        </View>
      )}
      {room.decisions.map((d) => (
        <View key={d.at} className="muted">
          {formatDateTime(d.at)} {d.byName}：{d.step} · {d.decision}（{d.reason}）
        </View>
      ))}

      <View className="form-label">催缴记录</View>
      {history.items.map((r) => (
        <View key={r.reminderId} className="list-item" data-testid="reminder-history">
          <View className="row">
            <Text>
              {formatDateTime(r.at)} · {r.channelLabel} · {r.byName}
            </Text>
            <Text className={`tag ${r.interrupts ? '' : 'tag-muted'}`}>
              {r.interrupts ? '已留存送达凭证' : r.written ? '书面，待凭证' : r.reachable ? '已联系' : '未联系上'}
            </Text>
          </View>
          <View className="list-item-detail">
            {r.outcome}（涉及 {r.months.map(formatMonth).join('、')}）
          </View>
          <ProofActions r={r} onDone={() => void reload()} />
        </View>
      ))}
    </View>
  );
}

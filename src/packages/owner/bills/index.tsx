import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { call, isWeapp } from '../../../api/client';
import { askConsent } from '../../../api/consent';
import { LoadMore } from '../../../components/LoadMore';
import { Empty, Pending } from '../../../components/States';
import { usePagedList } from '../../../components/usePagedList';
import { formatDateTime, formatFen, formatMonth } from '../../../utils/format';
import { PaidReport } from './PaidReport';
import './index.scss';

export default function BillsPage() {
  // Unpaid bills all come with the first page; paid ones follow a page at a time, newest month first.
  const list = usePagedList((after, limit) => call('fees', 'myBills', { after, limit }));
  const { first: data, items: paid, error, reload } = list;

  if (!data || !paid || !data.account)
    return (
      <View className="page">
        <Pending error={error} onRetry={reload} />
      </View>
    );

  const { account } = data;
  const unpaid = data.unpaid ?? [];
  const unpaidFen = unpaid.reduce((sum, b) => sum + b.owingFen, 0);
  // Unpaid first, newest month first within each group: what needs paying is at the top.
  const sorted = [...unpaid, ...paid];

  return (
    <View className="page bills-page" data-testid="bills-page">
      <View className="card bills-summary">
        <View className="muted">待缴金额</View>
        <View className={`bills-total${unpaidFen > 0 ? ' overdue' : ''}`} data-testid="bills-total">
          {formatFen(unpaidFen)}
        </View>
        <View className="muted">{unpaid.length > 0 ? `共 ${unpaid.length} 期未缴` : '所有账单均已缴清，感谢您的支持'}</View>
        {isWeapp && unpaid.length > 0 && (
          // WeChat only shows the consent dialog from a tap, so the owner asks for the reminder here.
          <Button size="small" fill="outline" onClick={() => void askConsent('bill')}>
            订阅缴费提醒
          </Button>
        )}
      </View>

      <View className="card company-account" data-testid="company-account">
        <View className="row">
          <View className="account-title">缴费账户</View>
          <Text className="tag tag-success">公司对公账户</Text>
        </View>
        <View className="account-line">
          <Text className="account-key">户名</Text>
          <Text className="account-value" data-testid="account-name">
            {account.accountName}
          </Text>
        </View>
        <View className="account-line">
          <Text className="account-key">开户行</Text>
          <Text className="account-value">{account.bank}</Text>
        </View>
        <View className="account-line">
          <Text className="account-key">账号</Text>
          <Text className="account-value account-no" data-testid="account-no">
            {account.accountNo}
          </Text>
        </View>
        <View className="notice account-notice" data-testid="account-notice">
          {account.notice}
        </View>
        <Button className="account-copy" type="primary" fill="outline" size="small" onClick={() => void Taro.setClipboardData({ data: account.accountNo })}>
          复制账号
        </Button>
      </View>

      <PaidReport rooms={[...new Map(unpaid.map((b) => [b.roomId, b.roomLabel])).entries()]} onChange={() => void reload()} />

      <View className="section-title">账单明细</View>
      {sorted.length === 0 ? (
        <Empty text="暂无账单" icon="账" />
      ) : (
        sorted.map((b) => (
          <View key={b.billId} className="list-item bill-item" data-testid="bill-item">
            <View className="row">
              <Text className="list-item-title">{formatMonth(b.month)}物业费</Text>
              <Text className="bill-amount">{formatFen(b.amountFen)}</Text>
            </View>
            <View className="row list-item-meta">
              <Text>{b.roomLabel}</Text>
              {b.status === 'paid' ? (
                <Text className="tag tag-success">已缴 {b.paidAt ? formatDateTime(b.paidAt).slice(0, 10) : ''}</Text>
              ) : (
                <Text className="tag tag-danger">未缴 · 缴费截止 {b.dueDate}</Text>
              )}
            </View>
          </View>
        ))
      )}
      <LoadMore list={list} testId="bills-more" />
    </View>
  );
}

import { ROUTES } from '@domain/routes';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ArchiveAnchorsView, ArchiveAnchorView, ChainHeadView } from '@domain/api/filings';
import { isWeapp, showError } from '../../../api/client';
import { formatDateTime } from '../../../utils/format';

export const ARCHIVE_PAGE = ROUTES.staff.archive;

/** The words a member keeps: enough to type back into the verification years later. */
export function digestText(communityName: string, head: ChainHeadView, label: string): string {
  return `${communityName}档案存证摘要（${label}）：共 ${head.seq} 条，第 ${head.seq} 条的摘要 ${head.hash}，简码 ${head.code}`;
}

async function copy(text: string): Promise<void> {
  try {
    await Taro.setClipboardData({ data: text });
  } catch (e) {
    showError(e);
  }
}

function AnchorRow({ data, a }: { data: ArchiveAnchorsView; a: ArchiveAnchorView }) {
  return (
    <View className="list-item archive-anchor" data-testid="archive-anchor">
      <View className="row">
        <Text className="list-item-title">{a.month} 存证摘要</Text>
        <Text className="archive-code">{a.code}</Text>
      </View>
      <View className="list-item-meta">
        共 {a.seq} 条 · 生成于 {formatDateTime(a.at)}
        {a.notifiedAt ? ' · 已发送给每位委员' : ''}
      </View>
      <View className="archive-anchor-actions">
        <Text className="archive-link" onClick={() => void Taro.navigateTo({ url: `${ARCHIVE_PAGE}?print=1&month=${a.month}` })}>
          打印签字页
        </Text>
        <Text className="archive-link" onClick={() => void copy(digestText(data.communityName, a, a.month))}>
          复制摘要
        </Text>
      </View>
    </View>
  );
}

/** 存证摘要: the monthly anchors and the current head, in forms a member can keep outside our system. */
export function AnchorsCard({ data }: { data: ArchiveAnchorsView }) {
  return (
    <View className="card archive-anchors" data-testid="archive-anchors">
      <View className="archive-verify-title">存证摘要</View>
      <View className="muted">
        每月初，本小区档案的条数和最新摘要会发送给每位业委会委员（站内消息和微信订阅消息），并可打印由主任签字留存。请委员自行保存：它们不在我们的数据库里，日后可用来核对档案是否被改动或删除。
      </View>
      {data.current && (
        <View className="archive-head" data-testid="archive-current">
          当前链头：共 {data.current.seq} 条 · 简码 <Text className="archive-code">{data.current.code}</Text>
          <View className="archive-anchor-actions">
            <Text className="archive-link" onClick={() => void copy(digestText(data.communityName, data.current!, '当前'))}>
              复制摘要
            </Text>
            {isWeapp && <Text className="muted">右上角“…”可将摘要卡片转发到聊天中留存</Text>}
          </View>
        </View>
      )}
      {data.anchors.length === 0 ? (
        <View className="muted">还没有生成过存证摘要。</View>
      ) : (
        data.anchors.map((a) => <AnchorRow key={a.month} data={data} a={a} />)
      )}
    </View>
  );
}

/** The digest as a sheet of paper for the chair to sign and keep (H5 prints it with the browser). */
export function AnchorPrint({ data, month }: { data: ArchiveAnchorsView; month: string }) {
  const a = data.anchors.find((x) => x.month === month);
  if (!a) return <View className="page muted">没有 {month} 的存证摘要。</View>;
  return (
    <View className="print-sheet anchor-sheet" data-testid="anchor-print">
      <View className="print-title">档案存证摘要</View>
      <View className="print-meta">
        <View>小区：{data.communityName}</View>
        <View>期间：{a.month}</View>
        <View>生成时间：{formatDateTime(a.at)}</View>
        <View>档案记录条数：{a.seq}</View>
        <View>第 {a.seq} 条记录的摘要（SHA-256）：</View>
        <View className="anchor-hash">{(a.hash.match(/.{1,16}/g) ?? []).join(' ')}</View>
        <View>
          简码：<Text className="anchor-code">{a.code}</Text>
        </View>
      </View>
      <View className="anchor-statement">
        本页记载本小区物业服务中心与业主委员会书面往来档案在上述时间的条数和摘要。档案中任何一条记录被改动、删除或调换，或被重新计算摘要，都将与本页记载不符。核对方法：在小程序“档案检索”页输入上述条数和摘要（或简码）进行校验。本页由业委会保存，不交还服务中心。
      </View>
      <View className="print-foot">
        <Text>业委会主任（签字）：</Text>
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

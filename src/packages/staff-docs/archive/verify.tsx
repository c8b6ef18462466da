import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { ArchiveVerifyView } from '@domain/api/filings';
import { call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';

/** Exactly what a verification shows and what it cannot: the page must not promise more. */
export function VerifyScope() {
  return (
    <View className="archive-scope" data-testid="archive-scope">
      <View className="archive-scope-title">校验能证明</View>
      <View>· 链条完整：每条记录的内容与存档时一致，顺序未变，中间没有缺失。</View>
      <View>· 与您持有的存证摘要一致：摘要所记的前 N 条记录自摘要生成后未被改动、删除或调换——即使改动者连同摘要一起重新计算，也会与您手中的摘要不符。</View>
      <View>· 记录条数不少于每一期存证摘要：最新的记录没有被删除（以摘要所记条数为限）。</View>
      <View className="archive-scope-title">校验不能证明</View>
      <View>
        ·
        最近一期存证摘要之后的记录：能直接操作数据库的人（包括我们）可以改写或删除它们并重新计算摘要，校验仍会显示完整，除非有人记下了更新的链头（每次校验后可记下当前链头）。
      </View>
      <View>
        ·
        每月存证摘要也保存在我们的数据库里，只能发现疏忽或局部的改动；能对抗数据库运营方的，是委员自己保留的订阅消息、截图、转发的摘要卡片和主任签字的纸质摘要页。
      </View>
      <View>· 记录在存档之前是否真实：存档只证明存档以后没有被改动。</View>
    </View>
  );
}

export function VerifyCard({ initialSeq, initialDigest }: { initialSeq?: string; initialDigest?: string }) {
  const [seq, setSeq] = useState(initialSeq ?? '');
  const [digest, setDigest] = useState(initialDigest ?? '');
  const [result, setResult] = useState<ArchiveVerifyView | null>(null);
  const { busy, submit } = useSubmit();

  async function run(): Promise<void> {
    const n = Number(seq.trim());
    const anchor = seq.trim() || digest.trim() ? { seq: Number.isInteger(n) ? n : 0, digest: digest.trim() } : undefined;
    await submit(async () => setResult(await call('filings', 'verifyArchive', { anchor })));
  }

  return (
    <View className="card archive-verify" data-testid="archive-verify">
      <View className="archive-verify-title">档案完整性校验</View>
      <View className="muted">
        每条档案记录都含前一条的摘要。输入您保存的存证摘要（条数和摘要或简码），可核对这些记录在摘要生成后是否被改动或删除；不输入则只校验链条本身和每月存证摘要。
      </View>
      <View className="archive-anchor-form">
        <Input className="archive-anchor-seq" data-testid="anchor-seq" type="number" placeholder="条数" value={seq} onChange={setSeq} />
        <Input
          className="archive-anchor-digest"
          data-testid="anchor-digest"
          placeholder="摘要或简码，如 1a2b-3c4d-5e6f-7a8b"
          value={digest}
          onChange={setDigest}
        />
        <Button size="small" type="primary" loading={busy} className="verify-run" data-testid="verify-run" onClick={() => void run()}>
          校验
        </Button>
      </View>
      {result && <VerifyResult result={result} />}
      <VerifyScope />
    </View>
  );
}

function VerifyResult({ result }: { result: ArchiveVerifyView }) {
  return (
    <View data-testid="verify-outcome">
      {result.broken ? (
        <View className="archive-verify-result archive-verify-broken" data-testid="verify-result">
          第 {result.broken.at} 号记录处断链：{result.broken.label}（此前 {result.checked} 条完好）
        </View>
      ) : (
        <View className="archive-verify-result archive-verify-ok" data-testid="verify-result">
          链条完整：已校验 {result.checked} 条记录{result.head ? `，最新第 ${result.head.seq} 条` : ''}
        </View>
      )}
      {result.anchors.map((a) => (
        <View
          key={`${a.source}-${a.month ?? ''}-${a.seq}`}
          className={`archive-verify-result ${a.result === 'match' ? 'archive-verify-ok' : 'archive-verify-broken'}`}
          data-testid="verify-anchor"
        >
          <Text className="archive-anchor-source">
            {a.source === 'held' ? '您持有的摘要' : `${a.month} 存证摘要`}（第 {a.seq} 条 · {a.code}）：
          </Text>
          {a.text}
        </View>
      ))}
      {result.head && (
        <View className="archive-head" data-testid="verify-head">
          当前链头：第 {result.head.seq} 条 · 简码 <Text className="archive-code">{result.head.code}</Text>
          <View className="muted archive-hash">{result.head.hash}</View>
          <View className="muted">记下或截图保存，日后可用它核对此后是否有改动。</View>
        </View>
      )}
    </View>
  );
}

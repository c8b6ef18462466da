import { useEffect, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Input, Radio, TextArea } from '@nutui/nutui-react-taro';
import type { RecordView } from '@domain/api/filings';
import type { ResolutionView } from '@domain/api/meetings';
import { FILING_RESULT_LABELS, FUND_FILING_CATEGORIES, type FilingResult } from '@domain/documents';
import { checkQuorum } from '@domain/quorum';
import { call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { formatDateTime } from '../../../utils/format';

const num = (v: string): number | null => (/^\d{1,3}$/.test(v.trim()) ? Number(v.trim()) : null);

/** How a filing ended, and the committee vote behind an approval, with the quorum check as you type. */
export function Outcome({ data, onDecided }: { data: RecordView; onDecided: () => void }) {
  const { document: doc } = data;
  const [result, setResult] = useState<FilingResult>('approved');
  const [present, setPresent] = useState('');
  const [agree, setAgree] = useState('');
  const [against, setAgainst] = useState('');
  const [decidedOn, setDecidedOn] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [resolutions, setResolutions] = useState<ResolutionView[]>([]);
  const [resolutionId, setResolutionId] = useState<string | undefined>();
  const { busy, submit } = useSubmit();
  const undecided = !doc.outcome && data.canDecide;

  // A decision is the committee's resolution: the passed ones of this filing (or of none) are offered.
  useEffect(() => {
    if (!undecided) return;
    call('meetings', 'resolutions', {})
      .then((all) => setResolutions(all.filter((r) => r.tally.passed && (!r.filingId || r.filingId === doc.documentId))))
      .catch(() => setResolutions([]));
  }, [undecided, doc.documentId]);

  if (doc.outcome) {
    const o = doc.outcome;
    return (
      <View className="card record-outcome" data-testid="record-outcome">
        <View className="row">
          <View className="section-title record-sub">申报结果</View>
          <Text className={`tag ${o.result === 'approved' ? 'tag-success' : 'tag-muted'}`}>{o.resultLabel}</Text>
        </View>
        {o.decision && (
          <View className="record-vote">
            业委会表决{o.decision.decidedOn ? `（${o.decision.decidedOn}）` : ''}：委员 {o.decision.rosterSize} 人，出席 {o.decision.present} 人，同意{' '}
            {o.decision.agree} 票，反对 {o.decision.against} 票 — {o.decision.quorum.met ? '达到法定人数和同意票数' : '未达到法定要求'}
          </View>
        )}
        {o.note && <View className="list-item-detail">说明：{o.note}</View>}
        <View className="muted">
          {o.recordedByName} 记录于 {formatDateTime(o.recordedAt)}
        </View>
      </View>
    );
  }
  if (!data.canDecide) return null;

  const fund = FUND_FILING_CATEGORIES.includes(doc.category ?? '');
  const counts = { present: num(present), agree: num(agree), against: num(against) };
  const hasVote = counts.present !== null && counts.agree !== null;
  let check: ReturnType<typeof checkQuorum> | null = null;
  let problem: string | null = null;
  if (hasVote) {
    try {
      if ((counts.agree ?? 0) + (counts.against ?? 0) > counts.present!) throw new Error('同意票与反对票之和不能多于出席人数');
      check = checkQuorum({ rosterSize: Math.max(data.rosterSize, 1), present: counts.present!, agree: counts.agree!, rule: data.quorumRule });
    } catch (e) {
      problem = (e as Error).message;
    }
  }

  async function decide(): Promise<void> {
    // With a resolution the vote is the resolution's; typed counts are only for filings that need none.
    const vote = !resolutionId && hasVote ? { present: counts.present!, agree: counts.agree!, against: counts.against ?? 0, decidedOn } : undefined;
    if (await submit(() => call('filings', 'decide', { documentId: doc.documentId, result, note: note.trim() || undefined, vote, resolutionId }))) onDecided();
  }
  const chosen = resolutions.find((r) => r._id === resolutionId);

  return (
    <View className="card record-decide" data-testid="record-decide">
      <View className="section-title record-sub">记录申报结果</View>
      {fund && <View className="notice">使用维修基金的申报须经业委会会议表决通过（形成决议）方可批准，请选择对应的决议。</View>}
      <Picker
        mode="selector"
        range={['不关联决议', ...resolutions.map((r) => `${r.passedOn} ${r.title}`)]}
        onChange={(e) => setResolutionId(Number(e.detail.value) === 0 ? undefined : resolutions[Number(e.detail.value) - 1]?._id)}
      >
        <View className={`compose-picker decide-resolution${chosen ? '' : ' compose-picker-empty'}`} data-testid="decide-resolution">
          {chosen ? `决议：${chosen.title}（${chosen.passedOn}）` : resolutions.length ? '关联会议决议' : '暂无已通过的决议'}
        </View>
      </Picker>
      <Radio.Group value={result} onChange={(v) => setResult(v as FilingResult)} direction="horizontal">
        {(Object.keys(FILING_RESULT_LABELS) as FilingResult[]).map((r) => (
          <Radio key={r} value={r} shape="button" className="decide-result">
            {FILING_RESULT_LABELS[r].replace('已', '')}
          </Radio>
        ))}
      </Radio.Group>
      {!chosen && <View className="form-label">业委会表决（委员共 {data.rosterSize} 人）</View>}
      {chosen ? (
        <View className="decide-check decide-check-ok" data-testid="decide-resolution-tally">
          会议表决：出席 {chosen.tally.present} 人，同意 {chosen.tally.agree} 票，反对 {chosen.tally.against} 票 — 决议已通过
        </View>
      ) : (
        <>
          <View className="decide-votes">
            {(
              [
                ['出席人数', present, setPresent],
                ['同意票', agree, setAgree],
                ['反对票', against, setAgainst],
              ] as const
            ).map(([label, value, onChange]) => (
              <View key={label} className="decide-vote">
                <View className="muted">{label}</View>
                <Input className="decide-input" type="number" placeholder="0" value={value} onChange={onChange} />
              </View>
            ))}
          </View>
          <Picker mode="date" value={decidedOn ?? ''} onChange={(e) => setDecidedOn(String(e.detail.value))}>
            <View className={`compose-picker decide-date${decidedOn ? '' : ' compose-picker-empty'}`}>
              {decidedOn ? `表决日期 ${decidedOn}` : '表决日期（选填）'}
            </View>
          </Picker>
          <View className="muted decide-rule">{data.quorumRuleText}</View>
          {problem && <View className="notice overdue">{problem}</View>}
          {check && (
            <View className={`decide-check${check.met ? ' decide-check-ok' : ''}`} data-testid="decide-check">
              出席需 ≥ {check.presentNeeded} 人{check.presentOk ? '✓' : '✗'}，同意需 ≥ {check.agreeNeeded} 票{check.agreeOk ? '✓' : '✗'} —{' '}
              {check.met ? '决议有效' : '决议不成立，不能批准'}
            </View>
          )}
        </>
      )}
      <TextArea className="record-textarea" placeholder="说明（选填）" maxLength={500} value={note} onChange={setNote} />
      <View className="record-form-actions">
        <Button type="primary" className="decide-submit" data-testid="decide-submit" loading={busy} onClick={() => void decide()}>
          记录结果
        </Button>
      </View>
    </View>
  );
}

import { useEffect, useRef, useState } from 'react';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { Api } from '@domain/api';
import type { ResultOf } from '@domain/api/contract';
import type { DocumentView } from '@domain/api/filings';
import {
  categoriesOf,
  categoryLabel,
  COMPOSABLE_KIND_LABELS,
  reportPeriodKind,
  type ComposableKind as DocumentKind,
  type DocumentContent,
} from '@domain/documents';
import type { FileRef } from '@domain/files';
import { routeUrl, ROUTES } from '@domain/routes';
import { RULE_PHRASES } from '@domain/rules';
import { composeDateBounds, composeProblems, type ComposeField, type DateBounds } from '@domain/compose-check';
import { counterText, MAX_ATTACHMENTS, TEXT_LIMITS } from '@domain/limits';
import { appNow, call, showError } from '../../../api/client';
import { pickFiles, uploadFile } from '../../../api/files';
import { Attachments } from '../../../components/filings';
import { CountedText } from '../../../components/forms/CountedText';
import { Loading } from '../../../components/States';
import { useSubmit } from '../../../components/useSubmit';
import { formatDate } from '../../../utils/format';
import './index.scss';

const KINDS = Object.entries(COMPOSABLE_KIND_LABELS) as Array<[DocumentKind, string]>;
const KIND_HINTS: Record<DocumentKind, string> = {
  filing: `请求业委会批准或支持，须在${RULE_PHRASES.filingLead}送达`,
  notification: `告知业委会，须在事件发生或决定作出后${RULE_PHRASES.notificationWithin}送达`,
  report: '财务损益表、季度收支情况、社区文化报刊',
  opinion_request: '请每位委员在截止日期前反馈同意、不同意或意见',
};

function quarterOptions(): string[] {
  const today = formatDate(appNow());
  const year = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = -5; i <= 2; i++) {
    const n = year * 4 + (q - 1) + i;
    out.push(`${Math.floor(n / 4)}-Q${(n % 4) + 1}`);
  }
  return out.reverse();
}

const quarterText = (p: string): string => p.replace('-Q', '年第') + '季度';

type Form = Omit<DocumentContent, 'kind'> & { kind: DocumentKind };
const EMPTY: Form = { kind: 'notification', title: '', body: '', attachments: [] };

/** The content as it would be saved: only the fields the chosen kind uses. */
function payloadContent(form: Form): Form {
  const { kind, category, title, body, attachments, plannedStart, eventDate, period, responseBy } = form;
  return {
    kind,
    category: kind === 'opinion_request' ? undefined : category,
    title,
    body,
    attachments,
    plannedStart: kind === 'filing' ? plannedStart : undefined,
    eventDate: kind === 'notification' ? eventDate : undefined,
    period: kind === 'report' ? period : undefined,
    responseBy: kind === 'opinion_request' ? responseBy : undefined,
  };
}

/** 「标题」, the category and the dated field, as the send confirmation repeats them. */
function sendSummary(form: Form): string {
  const { kind, category, title, plannedStart, eventDate, period, responseBy } = form;
  const dated = {
    filing: ['计划开始', plannedStart],
    notification: ['事件日期', eventDate],
    report: ['期间', period],
    opinion_request: ['反馈截止', responseBy],
  }[kind];
  const parts = [`「${title.trim()}」`, categoryLabel(kind, category), dated[1] ? `${dated[0]} ${dated[1]}` : ''];
  return parts.filter(Boolean).join('，');
}

/** A date the rule allows only: the picker offers nothing outside `bounds` (src/domain/compose-check.ts). */
function DateField({
  label,
  value,
  onChange,
  testid,
  fields,
  bounds,
  problem,
}: {
  label: string;
  value?: string;
  onChange: (v: string) => void;
  testid: string;
  fields?: 'month';
  bounds?: DateBounds;
  problem?: string;
}) {
  const cut = (d?: string) => (d && fields === 'month' ? d.slice(0, 7) : d);
  return (
    <View className="compose-field">
      <View className="form-label">{label}</View>
      <Picker
        mode="date"
        fields={fields ?? 'day'}
        start={cut(bounds?.start)}
        end={cut(bounds?.end)}
        value={value ?? cut(bounds?.initial) ?? formatDate(appNow()).slice(0, fields === 'month' ? 7 : 10)}
        onChange={(e) => onChange(String(e.detail.value))}
      >
        <View className={`compose-picker${value ? '' : ' compose-picker-empty'}`} data-testid={testid}>
          {value ?? `请选择${label}`}
        </View>
      </Picker>
      {bounds?.quick && (
        <View className="compose-quick">
          {bounds.quick.map((q) => (
            <Text
              key={q.date}
              className={`compose-quick-date${value === q.date ? ' compose-quick-date-active' : ''}`}
              data-testid={`${testid}-quick-${q.date}`}
              onClick={() => onChange(q.date)}
            >
              {q.label}
            </Text>
          ))}
        </View>
      )}
      {bounds?.onTimeFrom && (!value || value < bounds.onTimeFrom) && (
        <View className="muted" data-testid={`${testid}-hint`}>
          按期申报须选 {bounds.onTimeFrom} 或之后开始；更早开始为逾期申报，须填写原因
        </View>
      )}
      {problem && <View className="field-problem">{problem}</View>}
    </View>
  );
}

export default function ComposePage() {
  const { params } = useRouter();
  const [form, setForm] = useState<Form>({ ...EMPTY, kind: (params.kind as DocumentKind) || 'notification' });
  const [documentId, setDocumentId] = useState<string | undefined>(params.id);
  // The id of the draft this page writes, read by every save: a failed send followed by another tap
  // must save the same draft again, never start a new one.
  const draftId = useRef<string | undefined>(params.id);
  const [tried, setTried] = useState(false);
  const [touched, setTouched] = useState<Partial<Record<ComposeField, true>>>({});
  const [loading, setLoading] = useState(!!params.id);
  const [versionNo, setVersionNo] = useState(1);
  const [lateReason, setLateReason] = useState('');
  const [preview, setPreview] = useState<ResultOf<Api['filings']['previewDue']> | null>(null);
  const { busy, submit } = useSubmit();

  useLoad(() => {
    if (!params.id) return;
    void call('filings', 'get', { documentId: params.id })
      .then(({ document: d }) => {
        if (d.status !== 'draft') {
          void Taro.redirectTo({ url: routeUrl(ROUTES.staff.record, { id: d.documentId }) });
          return;
        }
        const { kind, category, title, body, attachments, plannedStart, eventDate, period, responseBy } = d;
        setForm({ kind: kind as DocumentKind, category, title, body, attachments, plannedStart, eventDate, period, responseBy });
        setVersionNo(d.versionNo);
        setLoading(false);
      })
      .catch(showError);
  });

  const set = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setTouched((t) => ({ ...t, ...Object.fromEntries(Object.keys(patch).map((k) => [k, true])) }));
  };
  // The deadline comes from the server: it counts working days on the calendar with the
  // administrator's corrections, and the page need not ship the calendar data (~28 KB).
  const { kind, category, plannedStart, eventDate, period } = form;
  useEffect(() => {
    setPreview(null);
    const dated = { filing: plannedStart, notification: eventDate, report: period, opinion_request: undefined }[kind];
    if (!dated) return;
    let live = true;
    void call('filings', 'previewDue', { kind, category, plannedStart, eventDate, period }).then(
      (r) => live && setPreview(r),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [kind, category, plannedStart, eventDate, period]);

  const due = preview?.deadline ?? null;
  const late = preview?.late ?? false;
  const needsReason = preview?.lateReasonRequired ?? false;
  const categories = categoriesOf(form.kind);
  const today = formatDate(appNow());
  const bounds = composeDateBounds(today);
  const problems = composeProblems({ content: payloadContent(form), today, late, lateReason });
  /** A field's problem once the user has touched it or tried to send: field by field, as they type. */
  const shown = (f: ComposeField): string | undefined => (tried || touched[f] ? problems[f] : undefined);

  function payload() {
    return { documentId: draftId.current, ...payloadContent(form) };
  }

  async function save(quiet = false): Promise<DocumentView | null> {
    if (problems.title) {
      setTried(true);
      void Taro.showToast({ title: problems.title, icon: 'none' });
      return null;
    }
    const saved = await call('filings', 'saveDraft', payload());
    draftId.current = saved.documentId;
    setDocumentId(saved.documentId);
    if (!quiet) void Taro.showToast({ title: '草稿已保存', icon: 'success' });
    return saved;
  }

  async function send(): Promise<void> {
    setTried(true);
    // Everything the server would refuse is said here, beside its field, before the irreversible step.
    const first = Object.values(problems)[0];
    if (first) {
      void Taro.showToast({ title: first, icon: 'none' });
      return;
    }
    await submit(async () => {
      const saved = await save(true);
      if (!saved) return;
      const { confirm } = await Taro.showModal({
        title: `发送${COMPOSABLE_KIND_LABELS[form.kind]}`,
        // The summary is the review: what goes out, its category and date, before the irreversible step.
        content: `${sendSummary(form)}\n发送后内容不能再修改，将逐一送达每位在任业委会委员${late ? '，并标记为逾期送达' : ''}。`,
        confirmText: '发送',
      });
      if (!confirm) return;
      const sent = await call('filings', 'send', { documentId: saved.documentId, lateReason: late ? lateReason.trim() || undefined : undefined });
      void Taro.showToast({ title: `已送达 ${sent.progress?.total ?? ''} 位委员`, icon: 'success' });
      void Taro.redirectTo({ url: routeUrl(ROUTES.staff.record, { id: sent.documentId }) });
    });
  }

  async function discard(): Promise<void> {
    const id = draftId.current;
    if (!id) return;
    const { confirm } = await Taro.showModal({
      title: '放弃草稿',
      content: '放弃后草稿不再出现在文件列表里，放弃记录保留在审计记录中。',
      confirmText: '放弃',
      confirmColor: '#d9363e',
    });
    if (!confirm) return;
    await submit(async () => {
      await call('filings', 'discardDraft', { documentId: id });
      void Taro.showToast({ title: '草稿已放弃', icon: 'none' });
      void Taro.redirectTo({ url: ROUTES.staff.documents });
    });
  }

  async function addFiles(): Promise<void> {
    try {
      const picked = await pickFiles();
      const uploaded: FileRef[] = [];
      for (const f of picked) {
        const u = await uploadFile(f.path, f.name, 'documents');
        uploaded.push({ fileId: u.fileId, name: u.name });
      }
      set({ attachments: [...form.attachments, ...uploaded].slice(0, MAX_ATTACHMENTS) });
    } catch (e) {
      showError(e);
    }
  }

  if (loading)
    return (
      <View className="page">
        <Loading />
      </View>
    );

  return (
    <View className="page compose-page" data-testid="compose-page">
      {versionNo > 1 && <View className="notice compose-version">这是第 {versionNo} 版（更正），发送后将重新送达每位委员，原版本保留存档。</View>}

      <View className="card">
        <View className="form-label">文件类型</View>
        <View className="compose-kinds">
          {KINDS.map(([k, label]) => (
            <View
              key={k}
              className={`compose-kind${form.kind === k ? ' compose-kind-active' : ''}`}
              data-testid={`kind-${k}`}
              onClick={() => set({ kind: k, category: undefined, period: undefined })}
            >
              {label}
            </View>
          ))}
        </View>
        <View className="muted">{KIND_HINTS[form.kind]}</View>

        {categories.length > 0 && (
          <View>
            <View className="form-label">{COMPOSABLE_KIND_LABELS[form.kind]}类别</View>
            {categories.map(([key, label], i) => (
              <View
                key={key}
                className={`compose-category${form.category === key ? ' compose-category-active' : ''}`}
                data-testid={`category-${key}`}
                onClick={() => set({ category: key, period: undefined })}
              >
                <Text className="compose-category-no">{i + 1}</Text>
                <Text>{label}</Text>
              </View>
            ))}
            {shown('category') && <View className="field-problem">{shown('category')}</View>}
          </View>
        )}
      </View>

      <View className="card">
        <View className="form-label">标题</View>
        <Input
          className="compose-input"
          data-testid="compose-title"
          placeholder="如：东门改造期间临时封闭"
          maxLength={TEXT_LIMITS.documentTitle}
          value={form.title}
          onChange={(v) => set({ title: v })}
        />
        <View className="counted-text-foot">
          <Text className="field-problem">{shown('title') ?? ''}</Text>
          <Text className="field-counter" data-testid="compose-title-counter">
            {counterText(form.title, TEXT_LIMITS.documentTitle)}
          </Text>
        </View>

        {form.kind === 'filing' && (
          <DateField
            label="计划开始日期"
            testid="compose-planned-start"
            value={form.plannedStart}
            bounds={bounds.plannedStart}
            problem={shown('plannedStart')}
            onChange={(v) => set({ plannedStart: v })}
          />
        )}
        {form.kind === 'notification' && (
          <DateField
            label="事件发生（决定作出）日期"
            testid="compose-event-date"
            value={form.eventDate}
            bounds={bounds.eventDate}
            problem={shown('eventDate')}
            onChange={(v) => set({ eventDate: v })}
          />
        )}
        {form.kind === 'opinion_request' && (
          <DateField
            label="反馈截止日期"
            testid="compose-response-by"
            value={form.responseBy}
            bounds={bounds.responseBy}
            problem={shown('responseBy')}
            onChange={(v) => set({ responseBy: v })}
          />
        )}
        {form.kind === 'report' && form.category && reportPeriodKind(form.category) === 'month' && (
          <DateField
            label="报告月份"
            testid="compose-period"
            fields="month"
            value={form.period}
            bounds={{ end: today, initial: today }}
            problem={shown('period')}
            onChange={(v) => set({ period: v })}
          />
        )}
        {form.kind === 'report' && form.category && reportPeriodKind(form.category) === 'quarter' && (
          <View className="compose-field">
            <View className="form-label">报告季度</View>
            <Picker mode="selector" range={quarterOptions().map(quarterText)} onChange={(e) => set({ period: quarterOptions()[Number(e.detail.value)] })}>
              <View className={`compose-picker${form.period ? '' : ' compose-picker-empty'}`} data-testid="compose-period">
                {form.period ? quarterText(form.period) : '请选择报告季度'}
              </View>
            </Picker>
          </View>
        )}

        {due && (
          <View className={`compose-due${late ? ' compose-due-late' : ''}`} data-testid="compose-due">
            <View className="compose-due-line">
              {form.kind === 'filing' ? '最迟申报日期' : '最迟送达日期'}：<Text className="compose-due-date">{due.dueDate}</Text>
              {due.provisional && <Text className="tag tag-warning">暂按周末计算</Text>}
              {late && <Text className="tag tag-danger">已超过期限</Text>}
            </View>
            <View className="muted">{due.ruleText}</View>
          </View>
        )}

        {late && (
          <View className="compose-field">
            <View className="form-label">逾期原因{needsReason ? '（必填）' : '（选填）'}</View>
            <CountedText
              className="compose-late"
              testid="compose-late-reason"
              label="逾期原因"
              required={needsReason}
              max={TEXT_LIMITS.lateReason}
              placeholder="说明未能按期送达的原因，将随文件一并送达并存档"
              value={lateReason}
              onChange={setLateReason}
              showProblem={tried}
            />
          </View>
        )}

        <View className="form-label">正文</View>
        <CountedText
          className="compose-body"
          testid="compose-body-field"
          label="正文"
          max={TEXT_LIMITS.documentBody}
          placeholder="写明事由、依据、范围、时间和需要业委会做什么"
          value={form.body}
          onChange={(v) => set({ body: v })}
          showProblem={tried || !!touched.body}
        />

        <View className="row form-label">
          <Text>附件</Text>
          <Text className="compose-add-file" onClick={() => void addFiles()}>
            + 添加附件
          </Text>
        </View>
        <Attachments files={form.attachments} onRemove={(f) => set({ attachments: form.attachments.filter((x) => x.fileId !== f.fileId) })} />
      </View>

      <View className="compose-actions">
        {documentId && (
          <Button className="compose-discard" data-testid="compose-discard" fill="none" type="danger" onClick={() => void discard()}>
            放弃草稿
          </Button>
        )}
        <Button className="compose-save" data-testid="compose-save" onClick={() => void save().catch(showError)}>
          保存草稿
        </Button>
        <Button type="primary" className="compose-send" data-testid="compose-send" loading={busy} onClick={() => void send()}>
          发送
        </Button>
      </View>
    </View>
  );
}

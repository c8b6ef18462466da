import { fieldProblem, formatField, type FieldInput, type FieldKind } from './fields';

export type { FieldKind } from './fields';

/**
 * Subscribe-message templates (订阅消息). Each key names one template chosen in the WeChat admin
 * console; its id comes from the env variable named here, stored in the environment's `settings`
 * record by scripts/init-cloudbase.ts (and baked into the mini-program build); see docs/deploy.md.
 * The field layout must match the console's template exactly (keys and kinds); values are
 * formatted by kind in ./fields.ts, so WeChat's limits hold whatever a caller passes.
 */
export interface TemplateSpec {
  envVar: string;
  title: string;
  /** WeChat field key (e.g. thing1) → the kind of value it takes. */
  fields: Record<string, FieldKind>;
}

export const TEMPLATES = {
  /** Something the receiver must do by a time: sign, give an opinion, answer, file, notify. */
  deadline: {
    envVar: 'WX_TEMPLATE_DEADLINE',
    title: '待办事项到期提醒',
    fields: { thing1: 'thing', time2: 'time', phrase3: 'phrase', thing4: 'thing' },
  },
  /** An answer to what the receiver asked or objected to. */
  answered: {
    envVar: 'WX_TEMPLATE_ANSWERED',
    title: '问题处理结果通知',
    fields: { thing1: 'thing', phrase2: 'phrase', time3: 'time' },
  },
  /** An unpaid bill (the fees reminders). */
  bill: {
    envVar: 'WX_TEMPLATE_BILL',
    title: '物业费缴费提醒',
    fields: { thing1: 'thing', character_string2: 'character_string', date3: 'date' },
  },
  /** The outcome of something the receiver applied for: a room binding, a payment. */
  result: {
    envVar: 'WX_TEMPLATE_RESULT',
    title: '审核结果通知',
    fields: { thing1: 'thing', phrase2: 'phrase', thing3: 'thing', time4: 'time' },
  },
} as const satisfies Record<string, TemplateSpec>;

export type TemplateKey = keyof typeof TEMPLATES;
/** The template keys, as the enum every record, contract and client uses. */
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];
export const isTemplateKey = (v: unknown): v is TemplateKey => typeof v === 'string' && Object.prototype.hasOwnProperty.call(TEMPLATES, v);

type FieldsOf<K extends TemplateKey> = (typeof TEMPLATES)[K]['fields'];
/** The typed values of one template: a time field takes an instant, an amount fen, and so on. */
export type TemplateValues<K extends TemplateKey> = { [F in keyof FieldsOf<K>]: FieldInput[FieldsOf<K>[F] & FieldKind] };

/** A template with its values, checked together at compile time. */
export type TemplateMessage = { [K in TemplateKey]: { templateKey: K; templateValues: TemplateValues<K> } }[TemplateKey];

/** The `data` object subscribeMessage.send expects, every value formatted for its field's kind. */
export function templateData(key: TemplateKey, values: Record<string, string | number>): Record<string, { value: string }> {
  const spec: TemplateSpec = TEMPLATES[key];
  return Object.fromEntries(Object.entries(spec.fields).map(([field, kind]) => [field, { value: formatField(kind, (values[field] ?? '') as never) }]));
}

/** Each field WeChat would refuse, with why (empty when the data would be accepted). */
export function templateDataProblems(key: TemplateKey, data: Record<string, { value: string }>): string[] {
  const spec: TemplateSpec = TEMPLATES[key];
  return Object.entries(spec.fields).flatMap(([field, kind]) => {
    const problem = data[field] ? fieldProblem(kind, data[field].value) : 'missing';
    return problem ? [`${field}: ${problem}`] : [];
  });
}

/**
 * Subscribe-message templates (订阅消息). Each key names one template chosen in the WeChat admin
 * console; its id comes from the env variable named here, stored in the environment's `settings`
 * record by scripts/init-cloudbase.ts (and baked into the mini-program build); see docs/deploy.md.
 * Field values obey WeChat's limits, or the send is rejected: `thing` ≤ 20 characters,
 * `phrase` ≤ 5 Chinese characters, `time` a date-time string, `character_string` ≤ 32.
 */
export type FieldKind = 'thing' | 'phrase' | 'time' | 'date' | 'character_string' | 'name';

export interface TemplateSpec {
  envVar: string;
  title: string;
  /** WeChat field key (e.g. thing1) → the kind of value it takes. */
  fields: Record<string, FieldKind>;
}

export const TEMPLATES = {
  deadline: {
    envVar: 'WX_TEMPLATE_DEADLINE',
    title: '待办事项到期提醒',
    fields: { thing1: 'thing', time2: 'time', phrase3: 'phrase', thing4: 'thing' },
  },
  answered: {
    envVar: 'WX_TEMPLATE_ANSWERED',
    title: '问题处理结果通知',
    fields: { thing1: 'thing', phrase2: 'phrase', time3: 'time' },
  },
  bill: {
    envVar: 'WX_TEMPLATE_BILL',
    title: '物业费缴费提醒',
    fields: { thing1: 'thing', character_string2: 'character_string', date3: 'date' },
  },
} as const satisfies Record<string, TemplateSpec>;

export type TemplateKey = keyof typeof TEMPLATES;
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];

const LIMITS: Record<FieldKind, number> = { thing: 20, phrase: 5, time: 32, date: 32, character_string: 32, name: 10 };

/** Cuts a value to its field's limit; a cut `thing` ends with an ellipsis so the reader knows. */
export function fitField(kind: FieldKind, value: string): string {
  const chars = Array.from(value.trim());
  const limit = LIMITS[kind];
  if (chars.length <= limit) return chars.join('');
  return kind === 'thing' ? `${chars.slice(0, limit - 1).join('')}…` : chars.slice(0, limit).join('');
}

/** The `data` object subscribeMessage.send expects, with every value fitted to its field. */
export function templateData(key: TemplateKey, values: Record<string, string>): Record<string, { value: string }> {
  const spec: TemplateSpec = TEMPLATES[key];
  return Object.fromEntries(Object.entries(spec.fields).map(([field, kind]) => [field, { value: fitField(kind, values[field] ?? '') }]));
}

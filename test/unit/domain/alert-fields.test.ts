import { classifySend } from '@domain/alerts/delivery';
import { fieldProblem, formatField, type FieldKind } from '@domain/alerts/fields';
import { TEMPLATES, TEMPLATE_KEYS, isTemplateKey, templateData, templateDataProblems, type TemplateKey } from '@domain/alerts/templates';

const at = Date.parse('2019-10-01T15:01:00+08:00');

describe('WeChat field formatting', () => {
  it('time reads like WeChat documents it, in Shanghai time', () => {
    expect(formatField('time', at)).toBe('2019年10月1日 15:01');
    expect(formatField('time', Date.parse('2026-11-20T02:00:00Z'))).toBe('2026年11月20日 10:00');
  });
  it('date', () => expect(formatField('date', at)).toBe('2019年10月1日'));
  it('thing is cut to 20 characters with an ellipsis', () => {
    const v = formatField('thing', '关于1栋电梯大修使用本体维修基金的申报材料请审阅');
    expect(Array.from(v)).toHaveLength(20);
    expect(v.endsWith('…')).toBe(true);
    expect(formatField('thing', '短标题')).toBe('短标题');
    expect(formatField('thing', '')).toBe('无');
  });
  it('phrase keeps ≤ 5 Chinese characters only', () => {
    expect(formatField('phrase', '已逾期')).toBe('已逾期');
    expect(formatField('phrase', '逾期3天未处理完')).toBe('逾期天未处');
    expect(fieldProblem('phrase', formatField('phrase', 'OK!'))).toBeNull();
  });
  it('character_string drops what WeChat refuses and keeps ≤ 32', () => {
    expect(formatField('character_string', '1栋-101')).toBe('1-101');
    expect(formatField('character_string', 'x'.repeat(40))).toHaveLength(32);
    expect(formatField('character_string', '一栋')).toBe('-');
  });
  it('name: ≤ 10 Chinese characters, or ≤ 20 letters', () => {
    expect(formatField('name', '欧阳娜娜娜娜娜娜娜娜娜娜')).toBe('欧阳娜娜娜娜娜娜娜娜');
    expect(formatField('name', 'Li Lei')).toBe('LiLei');
  });
  it('number and amount', () => {
    expect(formatField('number', 12)).toBe('12');
    expect(formatField('number', 2.5)).toBe('2.50');
    expect(formatField('amount', 123456)).toBe('1234.56元');
  });
  it.each<[FieldKind, string]>([
    ['thing', 'x'.repeat(21)],
    ['phrase', '已处理了吗啊'],
    ['phrase', 'done'],
    ['character_string', '1栋-101'],
    ['name', '张三abc'],
    ['number', '12a'],
    ['amount', '12,000'],
    ['time', '2026-11-20 10:00'],
    ['date', '2026-11-20'],
    ['thing', ''],
  ])('the checker refuses %s "%s"', (kind, value) => {
    expect(fieldProblem(kind, value)).not.toBeNull();
  });
});

describe('templates', () => {
  const samples: Record<FieldKind, Array<string | number>> = {
    thing: ['', '短', '关于1栋电梯大修使用本体维修基金的申报材料请审阅并签收，谢谢！'],
    phrase: ['已逾期', '逾期3天未处理完', 'ok'],
    character_string: ['1栋-101', 'A'.repeat(50), '中文'],
    name: ['张三', 'Zhang San', '欧阳娜娜娜娜娜娜娜娜娜娜'],
    number: [0, 3, 1234.5],
    amount: [0, 99, 12345678],
    time: [at, 0, Date.parse('2030-02-28T23:59:00+08:00')],
    date: [at],
  };
  it.each(TEMPLATE_KEYS)('%s: any values become data WeChat accepts', (key: TemplateKey) => {
    const fields: Record<string, FieldKind> = TEMPLATES[key].fields;
    for (let i = 0; i < 3; i++) {
      const values = Object.fromEntries(Object.entries(fields).map(([f, kind]) => [f, samples[kind][i % samples[kind].length]!]));
      const data = templateData(key, values);
      expect(Object.keys(data)).toEqual(Object.keys(fields));
      expect(templateDataProblems(key, data)).toEqual([]);
    }
  });
  it('keys are an enum', () => {
    expect(isTemplateKey('deadline')).toBe(true);
    expect(isTemplateKey('toString')).toBe(false);
    expect(isTemplateKey('nope')).toBe(false);
  });
});

describe('what a send result does to the consent', () => {
  it.each([
    [{ ok: true } as const, 'sent', 'spent'],
    [{ ok: false, errcode: 43101, errmsg: '' } as const, 'refused', 'reset'],
    [{ ok: false, errcode: 47003, errmsg: '' } as const, 'rejected', 'returned'],
    [{ ok: false, errcode: 41030, errmsg: '' } as const, 'rejected', 'returned'],
    [{ ok: false, errcode: 40037, errmsg: '' } as const, 'rejected', 'returned'],
    [{ ok: false, errcode: -1, errmsg: '' } as const, 'failed', 'spent'],
    [{ ok: false, network: 'timeout' } as const, 'failed', 'spent'],
  ])('%j → %s, consent %s', (result, outcome, consent) => {
    expect(classifySend(result)).toEqual({ outcome, consent });
  });
});

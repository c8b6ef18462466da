import { cellChannel, cellDate, cellFen, cellMonth, FEE_TEMPLATES, readBillTable, readPaymentTable } from '@domain/fee-import';

describe('cells to exact values', () => {
  it('reads yuan to fen exactly, never through a float sum', () => {
    expect(cellFen('123.45')).toBe(12345);
    expect(cellFen('0.1')).toBe(10);
    expect(cellFen(0.29)).toBe(29);
    expect(cellFen(1200.5)).toBe(120050);
    expect(cellFen('1,234.56')).toBe(123456);
    expect(cellFen('¥300')).toBe(30000);
    expect(cellFen('256.8元')).toBe(25680);
    expect(cellFen('1.005')).toBeNull();
    expect(cellFen('-5')).toBeNull();
    expect(cellFen('')).toBeNull();
    expect(cellFen(Number.NaN)).toBeNull();
  });

  it('reads months and days as the sheet writes them, refusing impossible ones', () => {
    expect(['2026-11', '2026/11', '2026年11月', '202611', '2026-11-01', '2026.1'].map(cellMonth)).toEqual([
      '2026-11',
      '2026-11',
      '2026-11',
      '2026-11',
      '2026-11',
      '2026-01',
    ]);
    expect(['2026-13', '2026-02-30', 'Nov 2026', ''].map(cellMonth)).toEqual([null, null, null, null]);
    expect(['2026-11-18', '2026/11/8', '2026年11月18日'].map(cellDate)).toEqual(['2026-11-18', '2026-11-08', '2026-11-18']);
    expect(['2026-11-31', '18/11/2026'].map(cellDate)).toEqual([null, null]);
  });

  it('reads a channel by its label or its first words; empty is the billing system', () => {
    expect(['银行转账', '微信支付', 'alipay', ''].map(cellChannel)).toEqual(['bank_transfer', 'wechat_pay', 'alipay', 'billing_system']);
    expect(cellChannel('现金')).toBeNull();
    expect(cellChannel('constructor')).toBeNull();
  });
});

describe('tables', () => {
  it('each template’s own header and example row read without an error', () => {
    const bills = readBillTable([FEE_TEMPLATES.bills.header, FEE_TEMPLATES.bills.example], new Set(['1栋-1单元-101']));
    expect(bills).toEqual({ rows: [{ line: 2, label: '1栋-1单元-101', month: '2026-11', item: '物业费', amountFen: 25680 }], errors: [], errorCount: 0 });
    const pays = readPaymentTable([FEE_TEMPLATES.payments.header, FEE_TEMPLATES.payments.example], '2026-11-20');
    expect(pays.errors).toEqual([]);
    expect(pays.rows[0]).toMatchObject({ label: '1栋-1单元-101', months: ['2026-11'], amountFen: 25680, channel: 'bank_transfer', receiptNo: 'BK20261118001' });
  });

  it('the same fee item of a room and month twice is an error; another item is not', () => {
    const t = readBillTable(
      [
        ['楼栋', '房号', '月份', '项目', '金额'],
        ['1栋', '101', '2026-11', '', '1'],
        ['1栋', '101', '2026-11', '停车费', '1'],
        ['1栋', '101', '2026-11', '物业费', '2'],
      ],
      new Set(['1栋-101']),
    );
    expect(t.rows.map((r) => r.item)).toEqual(['物业费', '停车费']);
    expect(t.errors).toEqual([{ line: 4, message: '第4行：账单 1栋-101 2026-11 物业费 与第2行重复' }]);
  });

  it('an unknown room is an error for bills but not for payments (held when applied)', () => {
    expect(
      readBillTable(
        [
          ['楼栋', '房号', '月份', '金额'],
          ['9栋', '101', '2026-11', '1'],
        ],
        new Set(),
      ).errorCount,
    ).toBe(1);
    expect(
      readPaymentTable(
        [
          ['楼栋', '房号', '金额', '缴费日期', '流水号'],
          ['9栋', '101', '1', '2026-11-01', 'A1'],
        ],
        '2026-11-20',
      ).errorCount,
    ).toBe(0);
  });
});

/**
 * The columns of each fee import as the import page describes them and its template carries. Apart
 * from `fee-import.ts` (which reads files and pulls in zod through `room-import.ts`) so a page can
 * show them without loading the validation library.
 */
export type FeeImportKind = 'bills' | 'payments';

/** What the import page shows under each kind: the header row of a file that imports. */
export const FEE_TEMPLATES: Record<FeeImportKind, { title: string; header: string[]; example: string[]; notes: string }> = {
  bills: {
    title: '账单导入',
    header: ['楼栋', '单元', '房号', '月份', '收费项目', '金额'],
    example: ['1栋', '1单元', '101', '2026-11', '物业费', '256.80'],
    notes: '房号须已在本小区；金额以元计，最多两位小数；收费项目可空（即物业费）。同一房屋同月同项目再次导入不会重复。',
  },
  payments: {
    title: '缴费导入',
    header: ['楼栋', '单元', '房号', '月份', '金额', '缴费日期', '缴费渠道', '流水号'],
    example: ['1栋', '1单元', '101', '2026-11', '256.80', '2026-11-18', '银行转账', 'BK20261118001'],
    notes: '月份可空（先抵最早的欠费）；渠道可空（收费系统导入）。对不上房屋或账单的行留作“待处理缴费”，由管家指定房屋。同一流水号再次导入不会重复入账。',
  },
};

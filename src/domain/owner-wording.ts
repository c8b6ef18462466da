/**
 * What owners read of a published document's category. The rule book's category wording is the
 * centre's internal classification ("所管理的物业出现重大变故或发生重大事件"); a notice on the owners'
 * board gets a short title in plain words instead. Staff keep seeing the rule book's wording.
 */
import type { DocumentCategory, DocumentKind } from './documents';
import { ownValue } from './own';

const OWNER_TITLES: Partial<Record<DocumentKind, Partial<Record<DocumentCategory, string>>>> = {
  filing: {
    building_fund_repair: '楼宇本体维修',
    facility_fund_renewal: '公用设施更新',
    owner_interests: '涉及部分业主的工作',
    new_measure: '新的管理措施',
    other: '服务中心工作事项',
  },
  notification: {
    new_regulation: '新法规实施',
    major_change: '小区重要情况',
    serious_disagreement: '工作沟通情况',
    important_activity: '重要活动',
    owner_penalty: '违约金处理',
    other: '情况说明',
  },
  report: {
    monthly_pl: '月度财务收支',
    quarterly_fees: '物业服务费收支',
    quarterly_fund: '专项维修资金收支',
    culture_publication: '社区文化',
  },
};

/** The owner-facing title of a category; '' when the document has none. */
export function ownerCategoryTitle(kind: DocumentKind, category: string | undefined): string {
  const table = OWNER_TITLES[kind];
  return (category && table && ownValue(table, category)) || '';
}

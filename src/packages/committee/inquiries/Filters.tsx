import { Picker, View } from '@tarojs/components';
import { STATUS_LABELS, type InquiryStatus } from '@domain/inquiry-labels';
import { SearchBox } from '../../../components/SearchBox';

export interface CommitteeFilters {
  status?: InquiryStatus;
  text?: string;
}

const STATUSES = Object.entries(STATUS_LABELS) as Array<[InquiryStatus, string]>;

/** The committee's list filters, applied by the server as the staff queue's are: a status, and a search of the text on 搜索. */
export function CommitteeFilterBar({ value, onChange }: { value: CommitteeFilters; onChange: (f: CommitteeFilters) => void }) {
  return (
    <View className="row committee-filters" data-testid="committee-filters">
      <Picker
        mode="selector"
        range={['全部状态', ...STATUSES.map(([, l]) => l)]}
        onChange={(e) => onChange({ ...value, status: STATUSES[Number(e.detail.value) - 1]?.[0] })}
      >
        <View className={`chip committee-filter${value.status ? ' chip-active' : ''}`} data-testid="filter-status">
          {value.status ? STATUS_LABELS[value.status] : '全部状态'}
        </View>
      </Picker>
      <SearchBox
        placeholder="搜索事项内容"
        initial={value.text}
        onSearch={(text) => onChange({ ...value, text })}
        testId="committee-search"
        goTestId="committee-search-go"
        inputClass="committee-search-input"
      />
    </View>
  );
}

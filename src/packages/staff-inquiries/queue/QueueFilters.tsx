import { useEffect, useState } from 'react';
import { Picker, View } from '@tarojs/components';
import type { QueueFilterOptions, QueueFilters } from '@domain/api/inquiries';
import { KIND_LABELS, OPEN_STATUSES, STATUS_LABELS, type InquiryKind, type InquiryStatus } from '@domain/inquiry-labels';
import { call } from '../../../api/client';
import { SearchBox } from '../../../components/SearchBox';

const DONE: readonly InquiryStatus[] = ['answered', 'explained', 'accepted', 'unsatisfied'];
const KINDS = Object.entries(KIND_LABELS) as Array<[InquiryKind, string]>;

/** One picker of the filter bar: 全部 first, then the options; shows the chosen label. */
function Pick<K extends string>({
  all,
  options,
  value,
  onPick,
  testid,
}: {
  all: string;
  options: Array<[K, string]>;
  value?: K;
  onPick: (k?: K) => void;
  testid: string;
}) {
  const label = options.find(([k]) => k === value)?.[1];
  return (
    <Picker
      mode="selector"
      range={[all, ...options.map(([, l]) => l)]}
      onChange={(e) => onPick(Number(e.detail.value) === 0 ? undefined : options[Number(e.detail.value) - 1]![0])}
    >
      <View className={`chip queue-filter${value ? ' chip-active' : ''}`} data-testid={testid}>
        {label ?? all}
      </View>
    </Picker>
  );
}

/**
 * The queue's filters, all applied by the server on indexed fields: status, building, who holds it,
 * overdue, kind, and a search of the text. Changes apply at once; the text on 搜索.
 */
export function QueueFilterBar({ value, onChange, done }: { value: QueueFilters; onChange: (f: QueueFilters) => void; done: boolean }) {
  const [options, setOptions] = useState<QueueFilterOptions>({ buildings: [], staff: [] });
  useEffect(() => {
    void call('inquiries', 'queueFilters', {}).then(setOptions, () => undefined);
  }, []);
  const set = (patch: QueueFilters) => onChange({ ...value, ...patch });
  const statuses = (done ? DONE : OPEN_STATUSES).map((s): [InquiryStatus, string] => [s, STATUS_LABELS[s]]);
  return (
    <View className="queue-filters" data-testid="queue-filters">
      <View className="chip-row queue-filter-row">
        <Pick all="全部状态" options={statuses} value={value.status} onPick={(status) => set({ status })} testid="filter-status" />
        {options.buildings.length > 0 && (
          <Pick
            all="全部楼栋"
            options={options.buildings.map((b): [string, string] => [b.buildingId, b.name])}
            value={value.buildingId}
            onPick={(buildingId) => set({ buildingId })}
            testid="filter-building"
          />
        )}
        <Pick
          all="全部处理人"
          options={[['none', '未指派'] as [string, string], ...options.staff.map((p): [string, string] => [p.personId, p.name])]}
          value={value.assigneeId}
          onPick={(assigneeId) => set({ assigneeId })}
          testid="filter-assignee"
        />
        <Pick all="全部类型" options={KINDS} value={value.kind} onPick={(kind) => set({ kind })} testid="filter-kind" />
        {!done && (
          <View
            className={`chip queue-filter${value.overdue ? ' chip-active' : ''}`}
            data-testid="filter-overdue"
            onClick={() => set({ overdue: value.overdue ? undefined : true })}
          >
            只看逾期
          </View>
        )}
      </View>
      <View className="row queue-search">
        <SearchBox
          placeholder="搜索提问内容"
          initial={value.text}
          onSearch={(text) => set({ text })}
          testId="queue-search"
          goTestId="queue-search-go"
          inputClass="queue-search-input"
        />
      </View>
    </View>
  );
}

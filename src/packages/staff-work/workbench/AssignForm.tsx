import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { AssigneeView, WorkbenchItemView } from '@domain/api/workbench';
import { call, showError } from '../../../api/client';
import { Loading } from '../../../components/States';
import { useSubmit } from '../../../components/useSubmit';

/** The head hands a duty to a butler or supervisor, or keeps it (no assignee: the head's own). */
export function AssignForm({ item, onClose, onDone }: { item: WorkbenchItemView; onClose: () => void; onDone: (updated: WorkbenchItemView) => void }) {
  const [people, setPeople] = useState<AssigneeView[] | null>(null);
  const [choice, setChoice] = useState<string | null>(item.assigneeId);
  const { busy: saving, submit } = useSubmit();

  useEffect(() => {
    call('workbench', 'assignees', {})
      .then(setPeople)
      .catch((e) => {
        showError(e);
        setPeople([]);
      });
  }, []);

  async function save(): Promise<void> {
    // The toast comes before onDone, which needs the answer, so both stay inside the work.
    await submit(async () => {
      const updated = await call('workbench', 'assign', { taskId: item.id, assigneeId: choice });
      void Taro.showToast({ title: '已分派', icon: 'success' });
      onDone(updated);
    });
  }

  const options: Array<{ id: string | null; name: string; role: string }> = [
    { id: null, name: '由负责人负责', role: '不指定' },
    ...(people ?? []).filter((p) => p.roleLabel !== '服务中心负责人').map((p) => ({ id: p.personId, name: p.name, role: p.roleLabel })),
  ];

  return (
    <View className="sheet" data-testid="assign-form">
      <View className="sheet-title">分派事项</View>
      <View className="muted">{item.title}</View>
      <View className="form-label">交给</View>
      {!people ? (
        <Loading />
      ) : (
        options.map((o) => (
          <View key={o.id ?? 'head'} className={`doc-option${choice === o.id ? ' doc-option-active' : ''}`} onClick={() => setChoice(o.id)}>
            <Text className="doc-option-title">{o.name}</Text>
            <Text className="muted">{o.role}</Text>
          </View>
        ))
      )}
      <View className="sheet-actions">
        <Button onClick={onClose}>取消</Button>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          确认分派
        </Button>
      </View>
    </View>
  );
}

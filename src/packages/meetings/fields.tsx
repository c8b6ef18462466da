import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { RosterEntry } from '@domain/api/meetings';
import type { FileRef } from '@domain/files';
import type { StaffAttendee } from '@domain/meetings';
import { appNow, showError } from '../../api/client';
import { openFile, pickFiles, uploadFile } from '../../api/files';
import { formatDate } from '../../utils/format';
import './meetings.scss';

/** Today on the app's clock (the demo clock when set), as YYYY-MM-DD in China time. */
export const today = (): string => formatDate(appNow());

/** A calendar day n days after `day` (the page needs no calendar data for this). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A line of the rule book beside the step it governs. */
export function Rule({ children }: { children: React.ReactNode }) {
  return <View className="mt-rule">{children}</View>;
}

/** A step's heading with its state: done, to do now, or waiting on an earlier step. */
export function Step({ title, state, testid }: { title: string; state: 'done' | 'now' | 'wait'; testid?: string }) {
  const label = { done: '已完成', now: '待办理', wait: '未开始' }[state];
  return (
    <View className="mt-step" data-testid={testid}>
      <Text className="section-title">{title}</Text>
      <Text className={`mt-state mt-state-${state}`}>{label}</Text>
    </View>
  );
}

/** The meeting's day and start time, chosen with the system pickers (never typed). */
export function WhenField(props: { day: string; time: string; start?: string; onDay: (d: string) => void; onTime: (t: string) => void; testid: string }) {
  return (
    <View>
      <View className="mt-label">会议时间</View>
      <View className="mt-when">
        <Picker mode="date" value={props.day} start={props.start} onChange={(e) => props.onDay(String(e.detail.value))}>
          <View className="mt-picker" data-testid={`${props.testid}-day`}>
            {props.day}
          </View>
        </Picker>
        <Picker mode="time" value={props.time} onChange={(e) => props.onTime(String(e.detail.value))}>
          <View className="mt-picker" data-testid={`${props.testid}-time`}>
            {props.time}
          </View>
        </Picker>
      </View>
    </View>
  );
}

async function pickPhotos(): Promise<Array<{ path: string; name: string }>> {
  const res = await Taro.chooseImage({ count: 9, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  return res.tempFiles.map((f, i) => {
    const source = (f as { originalFileObj?: { name?: string } }).originalFileObj?.name ?? f.path;
    return { path: f.path, name: `照片${i + 1}.${(/\.(png|jpe?g|gif|webp)$/i.exec(source)?.[1] ?? 'jpg').toLowerCase()}` };
  });
}

/**
 * Attachments for a notice or the minutes: files from a chat (quotes, plans) or photos (the paper
 * record book), uploaded at once through the one upload helper, so a submit only sends file ids.
 */
export function FilePicker({ files, onChange, folder, testid }: { files: FileRef[]; onChange: (f: FileRef[]) => void; folder: string; testid: string }) {
  const [busy, setBusy] = useState(false);
  async function add(pick: () => Promise<Array<{ path: string; name: string }>>): Promise<void> {
    let picked: Array<{ path: string; name: string }>;
    try {
      picked = await pick();
    } catch {
      return; // cancelled
    }
    setBusy(true);
    try {
      const added: FileRef[] = [];
      for (const f of picked) {
        const u = await uploadFile(f.path, f.name, folder);
        added.push({ fileId: u.fileId, name: u.name });
      }
      onChange([...files, ...added].slice(0, 10));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <View data-testid={testid}>
      <View className="mt-files">
        {files.length === 0 && <View className="muted">无附件（最多10个）</View>}
        {files.map((f) => (
          <View key={f.fileId} className="mt-file" data-testid={`${testid}-file`}>
            <Text onClick={() => void openFile(f)}>附：{f.name}</Text>
            <Text className="mt-file-remove" onClick={() => onChange(files.filter((x) => x.fileId !== f.fileId))}>
              移除
            </Text>
          </View>
        ))}
      </View>
      <View className="mt-buttons">
        <Button size="small" loading={busy} onClick={() => void add(pickFiles)}>
          选择文件
        </Button>
        <Button size="small" loading={busy} onClick={() => void add(pickPhotos)}>
          拍照或相册
        </Button>
      </View>
    </View>
  );
}

/** Chips to choose people from a list (members present, staff attending). */
export function Chips({ people, chosen, onToggle, testid }: { people: RosterEntry[]; chosen: string[]; onToggle: (id: string) => void; testid: string }) {
  return (
    <View className="mt-chips">
      {people.map((p) => (
        <View
          key={p.personId}
          className={`mt-chip${chosen.includes(p.personId) ? ' mt-chip-on' : ''}`}
          data-testid={`${testid}-${p.personId}`}
          onClick={() => onToggle(p.personId)}
        >
          {p.position} {p.name}
        </View>
      ))}
    </View>
  );
}

/** Staff attending: chosen from the community's staff, plus anyone else (an engineer, a contractor) by name and role. */
export function StaffPicker({ staff, value, onChange }: { staff: RosterEntry[]; value: StaffAttendee[]; onChange: (v: StaffAttendee[]) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const chosen = value.filter((s) => s.personId).map((s) => s.personId!);
  const toggle = (id: string) => {
    const p = staff.find((s) => s.personId === id)!;
    onChange(chosen.includes(id) ? value.filter((s) => s.personId !== id) : [...value, { personId: id, name: p.name, role: p.position }]);
  };
  const others = value.filter((s) => !s.personId);
  return (
    <View data-testid="staff-picker">
      <Chips people={staff} chosen={chosen} onToggle={toggle} testid="staff" />
      {others.map((s) => (
        <View key={`${s.name}-${s.role}`} className="mt-file">
          <Text>
            {s.name}（{s.role}）
          </Text>
          <Text className="mt-file-remove" onClick={() => onChange(value.filter((x) => x !== s))}>
            移除
          </Text>
        </View>
      ))}
      <View className="mt-when">
        <Input value={name} onChange={setName} placeholder="其他出席人姓名" />
        <Input value={role} onChange={setRole} placeholder="职务" />
        <Button
          size="small"
          disabled={!name.trim() || !role.trim()}
          onClick={() => {
            onChange([...value, { name: name.trim(), role: role.trim() }]);
            setName('');
            setRole('');
          }}
        >
          添加
        </Button>
      </View>
    </View>
  );
}

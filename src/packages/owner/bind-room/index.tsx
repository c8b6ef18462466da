import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Api } from '@domain/api';
import type { ResultOf } from '@domain/api/contract';
import { MAX_PAGE_SIZE } from '@domain/paging';
import { call, errorMessage, showError } from '../../../api/client';
import { Empty, ErrorState, Loading } from '../../../components/States';
import { useSubmit } from '../../../components/useSubmit';
import { useSession } from '../../../stores/session';
import { BINDING_STATUS_LABELS, BINDING_STATUS_TAGS } from '../../../utils/roles';
import './index.scss';

type Community = ResultOf<Api['session']['listCommunities']>[number];
type Room = ResultOf<Api['session']['listRooms']>['items'][number];

/** '1栋-301' under the heading 1栋 reads better as '301'. */
function shortLabel(room: Room): string {
  const prefix = `${room.buildingName}-`;
  return room.label.startsWith(prefix) ? room.label.slice(prefix.length) : room.label;
}

function groupByBuilding(rooms: Room[]): Array<{ building: string; rooms: Room[] }> {
  const groups = new Map<string, Room[]>();
  for (const r of rooms) groups.set(r.buildingName, [...(groups.get(r.buildingName) ?? []), r]);
  return [...groups.entries()].map(([building, list]) => ({ building, rooms: list }));
}

export default function BindRoomPage() {
  const me = useSession((s) => s.me);
  const [communities, setCommunities] = useState<Community[] | null>(null);
  const [community, setCommunity] = useState<Community | null>(null);
  const [rooms, setRooms] = useState<Room[] | null>(null);
  const [roomsNext, setRoomsNext] = useState<string | null>(null);
  // A later page of another community's rooms (the user switched meanwhile) is dropped.
  const shownCommunity = useRef<string | null>(null);
  const { busy: loadingRooms, submit: loadRooms } = useSubmit();
  const [roomId, setRoomId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { busy: submitting, submit: send } = useSubmit();

  async function loadCommunities(): Promise<void> {
    setError(null);
    try {
      const list = await call('session', 'listCommunities', {});
      setCommunities(list);
      // Most people live in the community they already belong to; skip the choice when it is obvious.
      const preferred = list.find((c) => c.communityId === me?.communityId) ?? (list.length === 1 ? list[0] : undefined);
      if (preferred) void chooseCommunity(preferred);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function chooseCommunity(c: Community): Promise<void> {
    setCommunity(c);
    setRooms(null);
    setRoomId(null);
    shownCommunity.current = c.communityId;
    try {
      const page = await call('session', 'listRooms', { communityId: c.communityId, limit: MAX_PAGE_SIZE });
      if (shownCommunity.current !== c.communityId) return;
      setRooms(page.items);
      setRoomsNext(page.next);
    } catch (e) {
      showError(e);
    }
  }

  async function moreRooms(): Promise<void> {
    const c = community;
    if (!c || !roomsNext) return;
    await loadRooms(async () => {
      const page = await call('session', 'listRooms', { communityId: c.communityId, limit: MAX_PAGE_SIZE, after: roomsNext });
      if (shownCommunity.current !== c.communityId) return;
      setRooms((prev) => [...(prev ?? []), ...page.items]);
      setRoomsNext(page.next);
    });
  }

  useEffect(() => {
    void loadCommunities();
    // Once, when the page opens; choosing a community reloads what depends on it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function submit(): Promise<void> {
    if (!roomId || submitting) return;
    await send(async () => {
      const updated = await call('session', 'requestBinding', { roomId });
      useSession.setState({ me: updated });
      await Taro.showToast({ title: '已提交，等待工作人员核实', icon: 'none', duration: 2000 });
      setTimeout(() => void Taro.navigateBack().catch(() => undefined), 1200);
    });
  }

  if (error)
    return (
      <View className="page">
        <ErrorState text={error} onRetry={() => void loadCommunities()} />
      </View>
    );
  if (!communities)
    return (
      <View className="page">
        <Loading />
      </View>
    );

  const selected = rooms?.find((r) => r.roomId === roomId);
  const mine = new Map((me?.rooms ?? []).map((r) => [r.roomId, r.status]));
  return (
    <View className="page bind-room-page" data-testid="bind-room-page">
      <View className="notice bind-tip">提交后由物业工作人员核实房屋信息，核实通过后即可查看账单、提出质询和建议。</View>

      <View className="section-title">选择小区</View>
      {communities.length === 0 ? (
        <Empty text="暂无可选择的小区" icon="区" />
      ) : (
        <View className="chip-list">
          {communities.map((c) => (
            <View
              key={c.communityId}
              className={`chip community-option${community?.communityId === c.communityId ? ' chip-active' : ''}`}
              data-testid="community-option"
              onClick={() => void chooseCommunity(c)}
            >
              {c.name}
            </View>
          ))}
        </View>
      )}

      {community && (
        <View className="section">
          <View className="section-title">选择房屋</View>
          {!rooms ? (
            <Loading />
          ) : rooms.length === 0 ? (
            <Empty text="该小区暂无可绑定的房屋" icon="房" />
          ) : (
            groupByBuilding(rooms).map((g) => (
              <View key={g.building} className="card room-group">
                <View className="room-building">{g.building}</View>
                <View className="chip-list">
                  {g.rooms.map((r) => {
                    const status = mine.get(r.roomId);
                    return (
                      <View
                        key={r.roomId}
                        className={`chip room-option${roomId === r.roomId ? ' chip-active' : ''}${status ? ' chip-disabled' : ''}`}
                        data-testid="room-option"
                        onClick={() => !status && setRoomId(r.roomId)}
                      >
                        <Text>{shortLabel(r)}</Text>
                        {status && <Text className={`tag ${BINDING_STATUS_TAGS[status]} room-status`}>{BINDING_STATUS_LABELS[status]}</Text>}
                      </View>
                    );
                  })}
                </View>
              </View>
            ))
          )}
          {rooms && roomsNext && (
            <View className="btn btn-plain load-more" data-testid="rooms-more" onClick={() => (loadingRooms ? undefined : void moreRooms())}>
              {loadingRooms ? '加载中…' : '加载更多房屋'}
            </View>
          )}
        </View>
      )}

      <View className="bind-footer">
        <View className="bind-selected">{selected ? `已选：${selected.label}` : '请选择要绑定的房屋'}</View>
        <Button className="bind-submit" type="primary" disabled={!roomId} loading={submitting} onClick={() => void submit()}>
          申请绑定
        </Button>
      </View>
    </View>
  );
}

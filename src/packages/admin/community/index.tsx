import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { hasRole } from '@domain/roles';
import { call } from '../../../api/client';
import { Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSession } from '../../../stores/session';
import { CommitteeSection } from './CommitteeSection';
import { ImportSection } from './ImportSection';
import { RetirePanel } from './RetirePanel';
import { SettingsSection } from './SettingsSection';
import { StaffSection } from './StaffSection';
import '../admin.scss';

/** One community: settings, rooms and owners, staff and invitations, the committee roster. */
export default function CommunityAdmin() {
  const { params } = useRouter();
  const me = useSession((s) => s.me);
  const [retiring, setRetiring] = useState<{ personId: string; name: string; what: string; staff: boolean } | null>(null);
  const communityId = params.id ?? me?.communityId ?? '';
  const { data, error, reload, setData } = usePageData(async () => {
    const [settings, imports, staff, invitations, buildings, roster, candidates] = await Promise.all([
      call('admin', 'settings', { communityId }),
      call('admin', 'imports', { communityId }),
      call('admin', 'staff', { communityId }),
      call('admin', 'invitations', { communityId }),
      call('admin', 'buildings', { communityId }),
      call('admin', 'roster', { communityId }),
      call('admin', 'candidates', { communityId }),
    ]);
    return { settings, imports, staff, invitations, buildings, roster, candidates };
  }, [communityId]);

  if (!data)
    return (
      <View className="page">
        <Pending error={error} onRetry={reload} />
      </View>
    );
  const onChanged = () => void reload();
  if (retiring)
    return (
      <View className="page admin-page" data-testid="community-admin">
        <RetirePanel
          communityId={communityId}
          person={retiring}
          receivers={retiring.staff ? data.staff : []}
          onCancel={() => setRetiring(null)}
          onDone={() => {
            setRetiring(null);
            onChanged();
          }}
        />
      </View>
    );
  return (
    <View className="page admin-page" data-testid="community-admin">
      <SettingsSection view={data.settings} onSaved={(settings) => setData((d) => (d ? { ...d, settings } : d))} />
      <ImportSection communityId={communityId} imports={data.imports} onChanged={onChanged} />
      <StaffSection
        communityId={communityId}
        canInviteHead={me !== null && hasRole(me, 'admin', 'general_manager')}
        canInviteGm={me !== null && hasRole(me, 'admin')}
        staff={data.staff}
        invitations={data.invitations}
        buildings={data.buildings}
        onChanged={onChanged}
        onRetire={(s) => setRetiring({ personId: s.personId, name: s.name, what: s.roleLabel, staff: true })}
      />
      <CommitteeSection
        communityId={communityId}
        seats={data.roster.seats}
        candidates={data.candidates}
        onChanged={onChanged}
        onRetire={(s) => setRetiring({ personId: s.personId, name: s.name, what: `业委会${s.positionLabel}`, staff: false })}
      />
    </View>
  );
}

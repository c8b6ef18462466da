import { View } from '@tarojs/components';
import { hasRole, MANAGER_ROLES } from '@domain/roles';
import { call } from '../../../api/client';
import { Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSession } from '../../../stores/session';
import { FeeImportSection } from './FeeImportSection';
import { UnmatchedSection } from './UnmatchedSection';
import './index.scss';

/** Bills and payments from a spreadsheet (the head; the same import as rooms), and the payments it held for staff. */
export default function FeeImportPage() {
  const me = useSession((s) => s.me);
  const communityId = me?.communityId ?? '';
  const manages = me !== null && hasRole(me, ...MANAGER_ROLES);
  const { data, error, reload } = usePageData(() => (manages ? call('admin', 'imports', { communityId }) : Promise.resolve([])), [communityId, manages]);
  return (
    <View className="page arrears-page" data-testid="fee-import-page">
      {manages &&
        (data ? <FeeImportSection communityId={communityId} imports={data} onChanged={() => void reload()} /> : <Pending error={error} onRetry={reload} />)}
      <UnmatchedSection />
    </View>
  );
}

import type { CommitteeDocument } from '@domain/documents';
import type { Id } from '@domain/model';
import type { Delivery } from '@domain/signoff';
import type { Storage } from '../_shared/storage/port';

export async function deliveriesOf(store: Storage, documentIds: Id[]): Promise<Delivery[]> {
  if (documentIds.length === 0) return [];
  return store.find('deliveries', { documentId: { $in: documentIds } });
}

export async function documentsById(store: Storage, ids: Id[]): Promise<Map<Id, CommitteeDocument>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const docs = await store.find('documents', { _id: { $in: unique } });
  return new Map(docs.map((d) => [d._id, d]));
}

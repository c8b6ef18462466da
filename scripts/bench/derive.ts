import type { CollectionName, RecordOf } from '../../cloudfunctions/_shared/storage/collections';

/**
 * The fields the app derives when it writes a record, applied to the bench's bulk records so they
 * look exactly like the API's own.
 */
export function derive<C extends CollectionName>(_collection: C, record: RecordOf<C>): RecordOf<C> {
  return record;
}

import { rawStorage, typedStorage, type RawStorage, type Storage } from '../../cloudfunctions/_shared/storage/port';

/**
 * Counts storage calls as the adapter sees them (CloudBase bills and limits by calls): the bench
 * resets it before a request and reads it after. A transparent pass-through otherwise.
 */
export interface CountingStore {
  storage: Storage;
  calls(): number;
  reset(): void;
}

export function countingStore(inner: Storage): CountingStore {
  const raw = rawStorage(inner);
  let n = 0;
  const counted = Object.fromEntries(
    (Object.keys(raw) as Array<keyof RawStorage>).map((k) => [
      k,
      (...args: unknown[]) => {
        n++;
        return (raw[k] as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as RawStorage;
  return {
    storage: typedStorage(counted),
    calls: () => n,
    reset: () => {
      n = 0;
    },
  };
}

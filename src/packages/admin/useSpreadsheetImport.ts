import { useState } from 'react';
import type { FileRef } from '@domain/files';
import type { ImportView } from '@domain/api/admin';
import type { RowError } from '@domain/spreadsheet-table';
import { call, isApiError } from '../../api/client';
import { uploadFile } from '../../api/files';
import { useSubmit } from '../../components/useSubmit';
import { pickSpreadsheet } from './pickFile';

/**
 * The import every spreadsheet takes (rooms, bills, payments): pick and upload the file, start the
 * import (`start`: checked whole on the server; every bad row comes back as `errors`, nothing
 * stored), then step it chunk by chunk until committed (`running`: the import between its first and
 * last chunk, for the progress bar); `resume` continues one an interruption left unfinished.
 */
export function useSpreadsheetImport(start: (file: FileRef) => Promise<ImportView>, onChanged: () => void) {
  const [errors, setErrors] = useState<RowError[]>([]);
  const [progress, setProgress] = useState<ImportView | null>(null);
  const { busy, submit } = useSubmit();

  async function run(first: () => Promise<ImportView>): Promise<void> {
    let view = await first();
    setProgress(view);
    while (view.status !== 'committed') {
      view = await call('admin', 'importStep', { importId: view.importId });
      setProgress(view);
    }
    onChanged();
  }

  const choose = () =>
    submit(async () => {
      setErrors([]);
      const picked = await pickSpreadsheet();
      if (!picked) return;
      const file = await uploadFile(picked.path, picked.name, 'imports');
      try {
        await run(() => start({ fileId: file.fileId, name: picked.name }));
      } catch (e) {
        if (isApiError(e) && e.code === 'IMPORT_INVALID' && Array.isArray(e.details)) setErrors(e.details as RowError[]);
        throw e;
      }
    });

  const resume = (unfinished: ImportView) => submit(() => run(async () => unfinished));

  const running = progress?.status === 'committed' ? null : progress;
  return { busy, submit, errors, running, choose, resume };
}

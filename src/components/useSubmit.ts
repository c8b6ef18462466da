import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { showError } from '../api/client';

/**
 * A form's or page's writes: `busy` for the button's spinner, and `submit`, which runs one write,
 * shows its error the same way everywhere and tells the caller whether it landed, so a form closes
 * or a page reloads only after a success. `work` may show its own toast when the text depends on
 * the answer or must come after other steps.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  // A quick second tap arrives before the re-render that shows `busy`, so the guard cannot read
  // the state; a repeated write would file the same thing twice.
  const running = useRef(false);

  const submit = useCallback(async (work: () => Promise<unknown>, successToast?: string): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    try {
      await work();
      if (successToast) void Taro.showToast({ title: successToast, icon: 'success' });
      return true;
    } catch (e) {
      showError(e);
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  return { busy, submit };
}

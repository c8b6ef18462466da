import Taro from '@tarojs/taro';
import { create } from 'zustand';
import type { TodoItem } from '@domain/api/session';
import { call } from '../api/client';

const TODO_TAB_INDEX = 1;

interface TodosState {
  items: TodoItem[];
  loaded: boolean;
  loading: boolean;
  load(): Promise<TodoItem[]>;
  clear(): void;
}

/** Number shown on the 待办 tab: an item may stand for several things (e.g. 3 unsigned documents). */
export function todoCount(items: TodoItem[]): number {
  return items.reduce((n, t) => n + (t.count ?? 1), 0);
}

function showBadge(count: number): void {
  // The badge is cosmetic; a page without a tab bar (e.g. a subpackage page) must not fail on it.
  const done = () => undefined;
  if (count > 0) {
    Taro.setTabBarBadge({ index: TODO_TAB_INDEX, text: count > 99 ? '99+' : String(count) }).catch(done);
  } else {
    Taro.removeTabBarBadge({ index: TODO_TAB_INDEX }).catch(done);
  }
}

export const useTodos = create<TodosState>()((set) => ({
  items: [],
  loaded: false,
  loading: false,

  async load() {
    set({ loading: true });
    try {
      const items = await call('session', 'todos', {});
      set({ items, loaded: true, loading: false });
      showBadge(todoCount(items));
      return items;
    } catch (e) {
      set({ loading: false });
      throw e;
    }
  },

  clear() {
    set({ items: [], loaded: false });
    showBadge(0);
  },
}));

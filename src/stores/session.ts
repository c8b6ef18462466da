import { create } from 'zustand';
import type { MeView } from '@domain/api/session';
import { call, getDevToken, isApiError, isWeapp, setDevToken } from '../api/client';

interface SessionState {
  me: MeView | null;
  /** Local-mode login token; always null on the mini-program, where WeChat identifies the user. */
  token: string | null;
  loading: boolean;
  /** Reloads `me`; resolves null when nobody is signed in (H5 without a demo login). */
  refresh(): Promise<MeView | null>;
  login(personId: string): Promise<MeView>;
  logout(): void;
}

export const useSession = create<SessionState>()((set) => ({
  me: null,
  token: getDevToken(),
  loading: false,

  async refresh() {
    if (!isWeapp && !getDevToken()) {
      set({ me: null, token: null });
      return null;
    }
    set({ loading: true });
    try {
      const me = await call('session', 'me', {});
      set({ me, loading: false });
      return me;
    } catch (e) {
      set({ loading: false });
      // A stale demo token (e.g. the local store was reset) means "signed out", not a failure.
      if (!isWeapp && isApiError(e) && e.code === 'UNAUTHENTICATED') {
        setDevToken(null);
        set({ me: null, token: null });
        return null;
      }
      throw e;
    }
  },

  async login(personId) {
    set({ loading: true });
    try {
      const { token, me } = await call('session', 'devLogin', { personId });
      setDevToken(token);
      set({ token, me, loading: false });
      return me;
    } catch (e) {
      set({ loading: false });
      throw e;
    }
  },

  // The demo time is kept: switching accounts at the same moment is how a deadline is shown from both sides.
  logout() {
    setDevToken(null);
    set({ me: null, token: null });
  },
}));

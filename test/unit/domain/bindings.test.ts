import { BINDING_TRANSITIONS, checkCanRequest, decideBinding, OPEN_BINDING_STATUSES, type BindingEvent } from '@domain/bindings';
import type { BindingStatus } from '@domain/model';
import { codeOf } from '../../helpers/errors';

const STATES: BindingStatus[] = ['requested', 'approved', 'rejected'];
const EVENTS: BindingEvent[] = ['approve', 'reject'];

describe('room binding: requested → approved | rejected, once', () => {
  it('staff decide a request: approve or reject, recording who, when and why', () => {
    expect(decideBinding({ status: 'requested' }, 'approve', 'p_butler', 1000, '核对房产证')).toEqual({
      status: 'approved',
      decidedAt: 1000,
      decidedBy: 'p_butler',
      note: '核对房产证',
    });
    expect(decideBinding({ status: 'requested' }, 'reject', 'p_butler', 1000)).toMatchObject({ status: 'rejected', decidedBy: 'p_butler' });
  });

  it.each(STATES.filter((s) => s !== 'requested').flatMap((s) => EVENTS.map((e) => [s, e] as const)))('a %s binding cannot be %sd again', (status, event) => {
    expect(codeOf(() => decideBinding({ status }, event, 'p', 1))).toBe('BINDING_NOT_PENDING');
  });

  it('the table covers every state and event, and only a request moves', () => {
    for (const s of STATES) for (const e of EVENTS) expect(BINDING_TRANSITIONS[s][e]).toBeDefined();
    const moves = STATES.flatMap((s) => EVENTS.filter((e) => STATES.includes(BINDING_TRANSITIONS[s][e] as BindingStatus)).map((e) => `${s}.${e}`));
    expect(moves).toEqual(['requested.approve', 'requested.reject']);
  });
});

describe('asking for a room', () => {
  it('is refused while a request waits or once it is verified', () => {
    for (const status of OPEN_BINDING_STATUSES) expect(codeOf(() => checkCanRequest([{ status }]))).toBe('ROOM_ALREADY_BOUND');
  });

  it('is allowed for a first request, and again after a rejection', () => {
    expect(codeOf(() => checkCanRequest([]))).toBeNull();
    expect(codeOf(() => checkCanRequest([{ status: 'rejected' }, { status: 'rejected' }]))).toBeNull();
  });
});

import type { Handlers } from '../_shared/function';
import { candidates, endSeat, recordElection, roster } from './committee';
import { bootstrap, communities, createCommunity, dashboard, retireCommunity, settings, updateSettings } from './communities';
import { buildings, imports, importStart, importStep, retireRooms } from './imports';
import { deactivateStaff } from './retire';
import { createInvitation, invitationQr, invitations, redeemInvitation, staff, updateStaff } from './staff';

export const adminHandlers: Handlers<'admin'> = {
  bootstrap,
  communities,
  createCommunity,
  retireCommunity,
  settings,
  updateSettings,
  importStart,
  importStep,
  imports,
  retireRooms,
  buildings,
  createInvitation,
  invitations,
  invitationQr,
  redeemInvitation,
  staff,
  updateStaff,
  deactivateStaff,
  recordElection,
  endSeat,
  roster,
  candidates,
  dashboard,
};

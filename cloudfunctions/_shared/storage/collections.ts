/**
 * Every collection's name, in one place, with the indexes CloudBase must have.
 * `scripts/build-functions.ts` writes these into cloudbaserc.json's database declaration.
 */
export const COLLECTIONS = {
  communities: { indexes: [] },
  buildings: { indexes: [['communityId']] },
  rooms: { indexes: [['communityId', 'buildingId']] },
  people: { indexes: [['openid'], ['communityId']], unique: [['openid']] },
  roomBindings: { indexes: [['personId', 'status'], ['communityId', 'status'], ['personId', 'roomId']] },
  committeeSeats: { indexes: [['communityId', 'termEnd']] },
  audit: { indexes: [['subject.id', 'at'], ['communityId', 'at']] },
  inbox: { indexes: [['personId', 'readAt'], ['personId', 'createdAt']] },
  subscriptions: { indexes: [['personId', 'templateKey']] },
  calendarOverrides: { indexes: [['date']] },
  obligations: { indexes: [['communityId', 'dueDate'], ['assigneeId', 'dueDate']] },
  documents: { indexes: [['communityId', 'sentAt'], ['communityId', 'kind', 'status'], ['kind', 'status', 'responseDue'], ['seriesId', 'versionNo'], ['communityId', 'publishedAt']] },
  deliveries: { indexes: [['documentId', 'memberId'], ['memberId', 'signStatus'], ['communityId', 'objectionOpen']], unique: [['documentId', 'memberId']] },
  deliveryEvents: { indexes: [['deliveryId', 'n'], ['documentId', 'at']] },
  archive: { indexes: [['communityId', 'seq'], ['communityId', 'type', 'at'], ['communityId', 'documentId', 'type'], ['opKey']], unique: [['communityId', 'seq']] },
  archiveAnchors: { indexes: [['communityId', 'month']] },
  inquiries: { indexes: [['communityId', 'status', 'due'], ['askerId', 'receivedAt'], ['assigneeId', 'status'], ['status', 'due'], ['escalatedAt', 'status'], ['communityId', 'receivedAt']] },
  inquiryEvents: { indexes: [['inquiryId', 'at']] },
  bills: { indexes: [['communityId', 'month', 'status'], ['roomId', 'month']] },
  reminders: { indexes: [['billId', 'at'], ['communityId', 'at']] },
  meetings: { indexes: [['communityId', 'date']] },
  alerts: { indexes: [['status', 'sendAt'], ['personId', 'status']] },
  counters: { indexes: [] },
  ops: { indexes: [['status', 'leaseUntil']] },
  /** Environment configuration records (subscribe-message template ids): survives every redeploy. */
  settings: { indexes: [] },
} as const satisfies Record<string, { indexes: ReadonlyArray<ReadonlyArray<string>>; unique?: ReadonlyArray<ReadonlyArray<string>> }>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** The calls the bench times, in order, and the demo person each is made as. */
export interface Probe {
  name: string;
  fn: string;
  action: string;
  payload: unknown;
  as?: string;
}

/** The sweep first: it is the only call that finds the due set untouched. */
export const PROBES: Probe[] = [
  { name: 'timer sweep (due set)', fn: 'timer', action: '', payload: null },
  { name: 'timer sweep (again)', fn: 'timer', action: '', payload: null },
  { name: 'todos: owner', fn: 'session', action: 'todos', payload: {}, as: 'p_owner_02' },
  { name: 'todos: member', fn: 'session', action: 'todos', payload: {}, as: 'p_owner_15' },
  { name: 'todos: butler', fn: 'session', action: 'todos', payload: {}, as: 'p_butler_1' },
  { name: 'todos: head', fn: 'session', action: 'todos', payload: {}, as: 'p_head' },
  { name: 'todos: general manager', fn: 'session', action: 'todos', payload: {}, as: 'p_gm' },
  { name: 'inquiries.mine (owner)', fn: 'inquiries', action: 'mine', payload: {}, as: 'p_owner_02' },
  { name: 'inquiries.queue (butler)', fn: 'inquiries', action: 'queue', payload: {}, as: 'p_butler_1' },
  { name: 'inquiries.queue done (head)', fn: 'inquiries', action: 'queue', payload: { scope: 'done' }, as: 'p_head' },
  { name: 'inquiries.committeeList', fn: 'inquiries', action: 'committeeList', payload: {}, as: 'p_owner_15' },
  { name: 'filings.list (head)', fn: 'filings', action: 'list', payload: {}, as: 'p_head' },
  { name: 'filings.myDeliveries (member)', fn: 'filings', action: 'myDeliveries', payload: {}, as: 'p_owner_15' },
  { name: 'filings.published (owner)', fn: 'filings', action: 'published', payload: {}, as: 'p_owner_02' },
  { name: 'filings.archiveSearch', fn: 'filings', action: 'archiveSearch', payload: {}, as: 'p_head' },
  { name: 'filings.archiveSearch text', fn: 'filings', action: 'archiveSearch', payload: { text: '东门改造' }, as: 'p_head' },
  { name: 'fees.myBills (owner)', fn: 'fees', action: 'myBills', payload: {}, as: 'p_owner_02' },
  { name: 'fees.arrears (butler)', fn: 'fees', action: 'arrears', payload: {}, as: 'p_butler_1' },
  { name: 'alerts.inbox (owner)', fn: 'alerts', action: 'inbox', payload: {}, as: 'p_owner_02' },
  { name: 'workbench.list (head)', fn: 'workbench', action: 'list', payload: {}, as: 'p_head' },
];

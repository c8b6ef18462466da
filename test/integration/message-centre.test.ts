/** The message centre: every role's, unread first, paged, mark read, and one unread count everywhere. */
import { ROUTES } from '@domain/routes';
import { raiseAlert } from '../../cloudfunctions/_shared/alerts';
import { createHarness, DEMO, PERSON_FOR_ROLE, type Harness } from '../helpers/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

async function alerts(personId: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    h.advance(60_000);
    await raiseAlert(h.rt, h.now(), {
      key: `mc:${personId}:${i}`,
      personId,
      communityId: null,
      title: `消息${i}`,
      body: '内容',
      link: ROUTES.todo,
      templateKey: 'answered',
      templateValues: { thing1: '测试', phrase2: '已答复', time3: h.now() },
    });
  }
}

const unreadInTodos = async (as: string): Promise<number | undefined> => (await h.ok('session', 'todos', {}, as)).find((t) => t.kind === 'inbox')?.count;

describe('the message centre', () => {
  it.each(Object.entries(PERSON_FOR_ROLE))('%s: an alert arrives, is counted, opens its page and is marked read', async (_role, person) => {
    const before = (await h.ok('alerts', 'inbox', {}, person)).unread;
    await alerts(person, 1);
    const box = await h.ok('alerts', 'inbox', {}, person);
    expect(box.unread).toBe(before + 1);
    expect(await unreadInTodos(person)).toBe(box.unread);
    const todo = (await h.ok('session', 'todos', {}, person)).find((t) => t.kind === 'inbox');
    expect(todo?.link).toBe(ROUTES.messages);
    const item = box.items.find((i) => i.title === '消息0')!;
    expect(item.link).toBe(ROUTES.todo);
    expect(await h.ok('alerts', 'markRead', { inboxId: item.inboxId }, person)).toEqual({ unread: before });
    expect(await unreadInTodos(person)).toBe(before || undefined);
  });

  it('lists unread first, newest first within each, across pages, each message once', async () => {
    await alerts(DEMO.owner2, 7);
    // Read the oldest and the 4th: they go to the end.
    const first = await h.ok('alerts', 'inbox', { limit: 100 }, DEMO.owner2);
    const byTitle = (t: string) => first.items.find((i) => i.title === t)!.inboxId;
    await h.ok('alerts', 'markRead', { inboxId: byTitle('消息0') }, DEMO.owner2);
    await h.ok('alerts', 'markRead', { inboxId: byTitle('消息3') }, DEMO.owner2);

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await h.ok('alerts', 'inbox', { limit: 2, ...(after ? { after } : {}) }, DEMO.owner2);
      expect(page.unread).toBe(5);
      seen.push(...page.items.map((i) => `${i.title}${i.readAt ? '✓' : ''}`));
      after = page.next ?? undefined;
      pages++;
    } while (after && pages < 10);
    expect(seen).toEqual(['消息6', '消息5', '消息4', '消息2', '消息1', '消息3✓', '消息0✓']);
  });

  it('refuses a cursor it did not make, and another person’s message', async () => {
    await alerts(DEMO.owner, 1);
    expect(await h.call('alerts', 'inbox', { after: 'x:1' }, { as: DEMO.owner })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const [item] = (await h.ok('alerts', 'inbox', {}, DEMO.owner)).items;
    expect(await h.call('alerts', 'markRead', { inboxId: item!.inboxId }, { as: DEMO.owner2 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { mailFacts } from './facts.ts';
import { buildArchive } from './group.ts';
import type { ReviewArchive } from './index.ts';
import { mails, reviewOfCorpus, type MailSpec } from './test-support.ts';
import { ancestorsOf, buildThreads, neighboursOf, walkThread, type ThreadNode, type Threads } from './thread.ts';

function threadsOf(specs: readonly MailSpec[]): Threads {
  const { records, bodyOf } = mails(specs);
  return buildThreads(buildArchive(records), mailFacts(bodyOf));
}

/** A thread drawn as `id(child,child(grandchild))`, placeholders marked with `?`. */
function draw(node: ThreadNode): string {
  const label = node.message ? node.id : `?${node.id}`;
  return node.children.length === 0 ? label : `${label}(${node.children.map(draw).join(',')})`;
}

function drawAll(threads: Threads): string[] {
  return threads.threads.map((thread) => draw(thread.root)).sort();
}

describe('buildThreads on small input', () => {
  it('links replies by In-Reply-To and References, oldest child first', () => {
    const threads = threadsOf([
      { id: 'a', subject: 'topic' },
      { id: 'c', subject: 'Re: topic', inReplyTo: 'a', references: ['a'], date: '2024-01-01T13:00:00.000Z' },
      { id: 'b', subject: 'Re: topic', inReplyTo: 'a', references: ['a'], date: '2024-01-01T12:30:00.000Z' },
      { id: 'd', subject: 'Re: topic', inReplyTo: 'b', references: ['a', 'b'] },
    ]);
    assert.deepEqual(drawAll(threads), ['a(b(d),c)']);
    assert.equal(threads.nodes.get('d')?.depth, 2);
    assert.equal(threads.threads[0]?.size, 4);
  });

  it('keeps a missing parent as a placeholder with its Message-ID', () => {
    const threads = threadsOf([
      { id: 'r1', inReplyTo: 'gone', references: ['root', 'gone'] },
      { id: 'r2', inReplyTo: 'gone', references: ['root', 'gone'] },
      { id: 'r3', inReplyTo: 'root', references: ['root'] },
    ]);
    assert.deepEqual(drawAll(threads), ['?root(?gone(r1,r2),r3)']);
    const root = threads.threads[0]!.root;
    assert.equal(root.message, null);
    assert.equal(threads.threads[0]!.id, 'root');
  });

  it('splices placeholders that tell nothing out of a long chain of missing ids', () => {
    const chain = Array.from({ length: 3000 }, (_, index) => `m${index}`);
    const threads = threadsOf([
      { id: 'x', inReplyTo: 'm2999', references: chain },
      { id: 'y', inReplyTo: 'm1499', references: chain.slice(0, 1500) },
    ]);
    assert.deepEqual(drawAll(threads), ['?m1499(?m2999(x),y)']);
    assert.equal(threads.nodes.size, 4);
  });

  it('handles References headers with thousands of ids in linear time', () => {
    const specs: MailSpec[] = [{ id: 'p0', subject: 'long thread' }];
    for (let i = 1; i < 1500; i++) specs.push({ id: `p${i}`, subject: 'Re: long thread', inReplyTo: `p${i - 1}`, references: specs.map((spec) => spec.id) });
    const started = performance.now();
    const threads = threadsOf(specs);
    const elapsed = performance.now() - started;
    assert.equal(threads.threads.length, 1);
    assert.equal(threads.nodes.get('p1499')?.depth, 1499);
    assert.equal([...walkThread(threads.threads[0]!.root)].length, 1500);
    assert.ok(elapsed < 2000, `took ${elapsed} ms`);
  });

  it('breaks reference loops at the oldest message', () => {
    const threads = threadsOf([
      { id: 'late', inReplyTo: 'early', date: '2024-01-02T00:00:00.000Z' },
      { id: 'early', inReplyTo: 'late', date: '2024-01-01T00:00:00.000Z' },
      { id: 'self', inReplyTo: 'self', references: ['self'] },
      // Two References lists disagreeing on the order of two missing ids.
      { id: 'm', inReplyTo: 'y', references: ['x', 'y'] },
      { id: 'n', inReplyTo: 'x', references: ['y', 'x'] },
    ]);
    assert.deepEqual(drawAll(threads), ['early(late)', 'self', '?x(?y(m),n)'].sort());
  });

  it('keeps one node per Message-ID, whatever the number of copies', () => {
    const { records, bodyOf } = mails([
      { id: 'a', subject: 'topic', body: 'one' },
      { id: 'a', subject: 'topic', body: 'two' },
      { id: 'b', inReplyTo: 'a', references: ['a'] },
    ]);
    const archive = buildArchive(records);
    const threads = buildThreads(archive, mailFacts(bodyOf));
    assert.deepEqual(drawAll(threads), ['a(b)']);
    assert.equal(archive.byId.get('a')?.variants.length, 1);
  });

  it('trusts References over an In-Reply-To that is neither archived nor referenced', () => {
    const threads = threadsOf([
      { id: 'one' },
      { id: 'reply', inReplyTo: 'mumble', references: ['one'] },
    ]);
    assert.deepEqual(drawAll(threads), ['one(reply)']);
  });

  it('prefers In-Reply-To over a disordered References list', () => {
    const threads = threadsOf([
      { id: 'root' },
      { id: 'child', inReplyTo: 'root', references: ['typo-root'] },
      { id: 'grandchild', inReplyTo: 'child', references: ['child', 'root'] },
    ]);
    assert.deepEqual(drawAll(threads), ['root(child(grandchild))']);
  });

  it('places a message without headers by another mail’s References, as JWZ does', () => {
    const threads = threadsOf([
      { id: 'first', subject: 'report' },
      { id: 'reply', inReplyTo: 'first', references: ['ticket', 'first'] },
      { id: 'other', references: ['ticket'] },
    ]);
    assert.deepEqual(drawAll(threads), ['?ticket(first(reply),other)']);
  });
});

describe('parents inferred for mail without threading headers', () => {
  const patch: MailSpec = { id: 'patch3', subject: '[PATCH 3/4] iommu: foo', from: 'Suravee Suthikulpanit <suravee@amd.com>', date: '2023-01-10T14:31:36.000Z' };

  it('finds the parent the attribution line names', () => {
    const threads = threadsOf([
      patch,
      { id: 'jason', subject: 'Re: [PATCH 3/4] iommu: foo', from: 'Jason Gunthorpe', date: '2023-01-13T14:35:00.000Z', body: 'On Tue, Jan 10, 2023 at 08:31:36AM -0600, Suravee Suthikulpanit wrote:\n> text\n\nNo.\n' },
    ]);
    assert.deepEqual(drawAll(threads), ['patch3(jason)']);
  });

  it('adds a placeholder for a named mail that is not archived, under the original post', () => {
    const threads = threadsOf([
      patch,
      { id: 'jason', subject: 'Re: [PATCH 3/4] iommu: foo', from: 'Jason Gunthorpe', date: '2023-01-17T14:20:08.000Z', body: 'On Tue, Jan 17, 2023 at 12:31:07PM +0700, Suthikulpanit, Suravee wrote:\n> Hi\n' },
      { id: 'other', subject: 'Re: [PATCH 3/4] iommu: foo', from: 'Other', date: '2023-01-18T00:00:00.000Z', body: 'Agreed.\n' },
    ]);
    const jason = threads.nodes.get('jason')!;
    assert.equal(jason.parent?.message, null);
    assert.deepEqual(jason.parent?.inferred?.from, { name: 'Suthikulpanit, Suravee', email: '' });
    assert.equal(jason.parent?.inferred?.date, '2023-01-17T05:31:07.000Z');
    assert.match(jason.parent!.id, /@inferred\.sheaf\.invalid$/);
    assert.equal(jason.parent?.parent?.id, 'patch3');
    assert.equal(threads.nodes.get('other')?.parent?.id, 'patch3');
  });

  it('stands a placeholder for the original post when it is missing too', () => {
    const threads = threadsOf([
      { id: 'a', subject: 'Re: [PATCH 3/4] iommu: foo', body: 'Looks fine.\n' },
      { id: 'b', subject: 'Re: [PATCH 3/4] iommu: foo', body: 'Agreed.\n' },
    ]);
    assert.equal(threads.threads.length, 1);
    const root = threads.threads[0]!.root;
    assert.equal(root.inferred?.subject, '[PATCH 3/4] iommu: foo');
    assert.deepEqual(root.children.map((child) => child.id), ['a', 'b']);
  });

  it('finds the parent by the lines the reply quotes, when no attribution names it', () => {
    const threads = threadsOf([
      { ...patch, body: 'Add the call-back for KVM.\n\nSigned-off-by: Suravee Suthikulpanit <suravee@amd.com>\n' },
      { id: 'jason', subject: 'Re: [PATCH 3/4] iommu: foo', from: 'Jason Gunthorpe', body: 'Why is this needed at all here?\n' },
      { id: 'pavel', subject: 'Re: [PATCH 3/4] iommu: foo', from: 'Pavel Machek', body: 'Hi!\n\n> Why is this needed   at all here?\n\nAgreed.\n' },
    ]);
    assert.deepEqual(drawAll(threads), ['patch3(jason(pavel))']);
  });

  it('reads attributions in every language the page marks, b4’s "(subset)" replies too', () => {
    const threads = threadsOf([
      { ...patch, from: 'Lee Jones <lee@kernel.org>', date: '2023-03-12T10:00:00.000Z' },
      { id: 'andy', subject: 'Re: (subset) [PATCH 3/4] iommu: foo', from: 'Andy', date: '2023-03-13T10:00:00.000Z', body: 'Am 12.03.23 um 10:00 schrieb Lee Jones:\n> x\n\ny\n' },
    ]);
    assert.deepEqual(drawAll(threads), ['patch3(andy)']);
  });

  it('puts a patch of a series under its cover letter, else under patch 1, as git send-email threads them', () => {
    const series = (cover: boolean) =>
      threadsOf([
        ...(cover ? [{ id: 'cover', subject: '[PATCH v2 0/3] leds: foo', from: 'Ann <ann@example.org>' }] : []),
        { id: 'p1', subject: '[PATCH v2 1/3] leds: a', from: 'Ann <ann@example.org>', body: diffLike },
        { id: 'p2', subject: '[PATCH v2 2/3] leds: b', from: 'Ann <ann@example.org>', body: diffLike },
        { id: 'other', subject: '[PATCH v2 3/3] leds: c', from: 'Bob <bob@example.org>', body: diffLike },
      ]);
    assert.deepEqual(drawAll(series(true)), ['cover(p1,p2)', 'other']);
    assert.deepEqual(drawAll(series(false)), ['other', 'p1(p2)']);
  });
});

const diffLike = 'leds: x\n---\ndiff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b\n';

describe('navigation', () => {
  const threads = threadsOf([
    { id: 'a' },
    { id: 'b', inReplyTo: 'a' },
    { id: 'c', inReplyTo: 'a' },
    { id: 'd', inReplyTo: 'c' },
    { id: 'e', inReplyTo: 'a' },
  ]);

  it('gives parent, first child and siblings', () => {
    const c = threads.nodes.get('c')!;
    const around = neighboursOf(c);
    assert.equal(around.root.id, 'a');
    assert.equal(around.parent?.id, 'a');
    assert.equal(around.firstChild?.id, 'd');
    assert.equal(around.previousSibling?.id, 'b');
    assert.equal(around.nextSibling?.id, 'e');
    const root = neighboursOf(threads.nodes.get('a')!);
    assert.equal(root.parent, null);
    assert.equal(root.previousSibling, null);
    assert.deepEqual(ancestorsOf(threads.nodes.get('d')!).map((node) => node.id), ['c', 'a']);
  });

  it('walks a thread parents first, siblings in order', () => {
    assert.deepEqual([...walkThread(threads.nodes.get('a')!)].map(({ node, depth }) => `${node.id}${depth}`), ['a0', 'b1', 'c1', 'd2', 'e1']);
  });
});

describe('buildThreads on the real corpus', () => {
  it('threads the notmuch ghost-root and parent-priority cases', async () => {
    const review = await reviewOfCorpus('notmuch/threading');
    const realRoot = review.nodes.get('000-real-root@example.org')!;
    assert.equal(realRoot.parent, null);
    assert.deepEqual(
      [...walkThread(realRoot)].map(({ node }) => node.id),
      ['000-real-root@example.org', '001-child@example.org', 'nonexistent-message@example.org', '001-fake-message-root@example.org', '001-grand-child@example.org', '001-great-grand-child@example.org', '001-grand-child2@example.org'],
    );
    assert.equal(review.nodes.get('nonexistent-message@example.org')?.message, null);
    assert.deepEqual(draw(review.nodes.get('B00-root@example.org')!), 'B00-root@example.org(B01-child@example.org(B01-grand-child@example.org))');
    assert.equal(review.nodes.get('B00-root@example.org')?.parent, null);
    const ticket = review.threadByMessage.get('87bmc6lp3h.fsf@len.workgroup')!;
    assert.equal(ticket.root.message, null);
    assert.equal(ticket.size, 3);
  });

  it('breaks the notmuch References loop', async () => {
    const review = await reviewOfCorpus('notmuch/broken/loop');
    assert.equal(review.threads.length, 1);
    assert.equal(draw(review.threads[0]!.root), 'mid-loop-12@example.org(mid-loop-21@example.org)');
  });

  it('keeps duplicate Message-IDs with different bodies on one node', async () => {
    const review = await reviewOfCorpus('notmuch/duplicate');
    const duplicate = review.nodes.get('87r2ecrr6x.fsf@zephyr.silentflame.com')!;
    assert.ok(duplicate.message!.variants.length >= 1);
    assert.equal([...review.nodes.values()].filter((node) => node.id === duplicate.id).length, 1);
  });

  describe('LKML sample', () => {
    let review: ReviewArchive;
    before(async () => {
      review = await reviewOfCorpus('notmuch/lkml');
    });

    it('puts every message in exactly one thread, cross-posted copies once', () => {
      const seen = new Map<string, number>();
      for (const thread of review.threads) for (const { node } of walkThread(thread.root)) if (node.message) seen.set(node.id, (seen.get(node.id) ?? 0) + 1);
      assert.equal(seen.size, review.archive.messages.length);
      assert.ok([...seen.values()].every((count) => count === 1));
      assert.ok(review.archive.messages.length < 210, 'copies were merged');
    });

    it('holds the cifs FS-Cache series in one thread', () => {
      const cover = review.archive.messages.find((message) => message.mail.subject.startsWith('[RFC][PATCH 00/10] cifs: local caching'))!;
      const thread = review.threadByMessage.get(cover.id)!;
      const patches = review.archive.messages.filter((message) => /^\[RFC\]\[PATCH \d+\/10\]/.test(message.mail.subject));
      assert.ok(patches.length >= 10);
      assert.ok(patches.every((patch) => review.threadByMessage.get(patch.id) === thread));
    });
  });

  describe('lore threads sample', () => {
    let review: ReviewArchive;
    before(async () => {
      review = await reviewOfCorpus('lore-linux-leds/threads-sample');
    });

    it('gives each file, a whole real thread, exactly one thread', () => {
      const threadsByFile = new Map<string, Set<string>>();
      for (const message of review.archive.messages) {
        const threads = threadsByFile.get(message.mail.file) ?? new Set();
        threads.add(review.threadByMessage.get(message.id)!.id);
        threadsByFile.set(message.mail.file, threads);
      }
      assert.equal(threadsByFile.size, 34);
      for (const [file, threads] of threadsByFile) assert.equal(threads.size, 1, file);
    });

    it('threads In-Reply-To without References', () => {
      const file = review.archive.messages.filter((message) => message.mail.file === 'edge-irt-no-references.mbox');
      assert.ok(file.some((message) => message.mail.inReplyTo !== null && message.mail.references.length === 0));
      assert.equal(new Set(file.map((message) => review.threadByMessage.get(message.id))).size, 1);
    });
  });

  it('hangs the seed page, which has no headers, under placeholders for its parents', async () => {
    const review = await reviewOfCorpus('seed-lkml-iu-edu.txt');
    const seed = review.archive.messages[0]!;
    const node = review.nodes.get(seed.id)!;
    const parent = node.parent!;
    assert.equal(parent.message, null);
    assert.deepEqual(parent.inferred?.from, { name: 'Suthikulpanit, Suravee', email: '' });
    assert.equal(parent.inferred?.date, '2023-01-17T05:31:07.000Z');
    const root = parent.parent!;
    assert.equal(root.parent, null);
    assert.equal(root.inferred?.subject, '[PATCH 3/4] iommu: Introduce IOMMU call-back for processing struct KVM assigned to VFIO');
    assert.equal(review.threadByMessage.get(seed.id)?.id, root.id);
  });
});

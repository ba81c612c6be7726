import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markBody } from '../render/index.ts';
import { appliedNotice } from './applied.ts';

const notice = (text: string) => appliedNotice(markBody({ text, inline: [] }));

describe('appliedNotice', () => {
  it('reads the ways maintainers say a patch was applied', () => {
    for (const line of ['Applied, thanks!', 'Applied, thanks.', 'Thanks, applied.', 'Applied.', 'Queued, thanks.', "I've applied the series.", 'Picked up, thanks.']) {
      assert.deepEqual(notice(`> quoted patch\n\n${line}\n`), { to: null, by: null, patches: [], commits: [], whole: line.includes('series') }, line);
    }
    assert.equal(notice('Thanks, applied to the for-next branch.\n')?.to, 'for-next branch');
    assert.equal(notice('Applied to for-next, thanks.\n')?.to, 'for-next');
    for (const line of ['Thanks, I applied the series.', 'Thanks, applied both patches.']) assert.equal(notice(`${line}\n`)?.whole, true, line);
    assert.equal(notice('Thanks, applied to my for-next branch.\n')?.to, 'my for-next branch');
    for (const line of ['Thanks, applied. (Just this patch for now).', 'Thanks, applied and pushed out.', 'Thank you, applied.']) assert.notEqual(notice(`${line}\n`), null, line);
    for (const line of ['I applied the series. Thank you,', 'Applied both, thanks.', 'Thanks, all applied.', 'Series applied.']) assert.equal(notice(`${line}\n`)?.whole, true, line);
    assert.equal(notice('Applied this one, thanks.\n')?.whole ?? false, false);
  });

  it('reads b4 thank-you mails: the patches they list and their commits', () => {
    const text = 'On Mon, 24 Jun 2024 23:25:11 +0200, A Author wrote:\n> This series adds a driver.\n>\n> [...]\n\nApplied, thanks!\n\n[1/3] dt-bindings: leds: Add SY7802\n      commit: 8c063929fe3d24d9c2c9544d1c1e2add4190b80b\n[3/3] leds: sy7802: add\n      commit: d0838d7c837820733c4e6b9c6d16323d307ebd96\n\n--\nLee Jones\n';
    assert.deepEqual(notice(text), { to: null, by: null, patches: [1, 3], commits: ['8c063929fe3d24d9c2c9544d1c1e2add4190b80b', 'd0838d7c837820733c4e6b9c6d16323d307ebd96'], whole: false });
  });

  it("reads the patchwork bot's notice, and who applied it", () => {
    const text = 'Hello:\n\nThis series was applied to netdev/net-next.git (main)\nby Jakub Kicinski <kuba@kernel.org>:\n\nOn Thu, 25 Jan 2024 you wrote:\n> A series.\n';
    assert.deepEqual(notice(text), { to: 'netdev/net-next.git (main)', by: { name: 'Jakub Kicinski', email: 'kuba@kernel.org' }, patches: [], commits: [], whole: true });
  });

  it('ignores quotes, questions, signatures, tool reports and passing mentions', () => {
    for (const text of ['> Applied, thanks!\n\nWhy?\n', 'Applied?\n', 'Applied patch drivers/leds/leds-a.c cleanly.\n', 'applied once in of_phy_led(), which is not sufficient\n', 'Hi,\n\nText.\n-- \nApplied, thanks.\n', 'Not applied, thanks.\n']) {
      assert.equal(notice(text), null, text);
    }
  });

  it('stays linear on hostile lines', () => {
    const line = `applied to ${'a '.repeat(50_000)}`;
    assert.equal(notice(`${line}\n`), null);
    assert.equal(notice(`${'Applied, thanks!\n'.repeat(10_000)}${'[1/2] x\n'.repeat(10_000)}`)?.patches.length, 0);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusPath, loadMail } from '../testing/corpus.ts';
import { remarkPullRequest } from './pull-request.ts';
import { markText, outline } from './test-support.ts';

async function pullRequestOf(file: string): Promise<unknown> {
  const { bodies } = await loadMail(corpusPath(file));
  const tree = markText([...bodies.values()][0]!.text, remarkPullRequest);
  return outline(tree.children.find((node) => node.type === 'pullRequest')!);
}

describe('remarkPullRequest', () => {
  it('reads base, repository and head of a current `git request-pull`', async () => {
    assert.deepEqual(await pullRequestOf('patchwork/mail/0017-git-pull-request-git-2-14-3.mbox'), {
      pullRequest: {
        base: 'ef7f8cec80a0ba7bd00ece46844c8994117dc910',
        repository: 'git://git.kernel.org/pub/scm/linux/kernel/git/davem/net',
        head: 'ccc12b11c5332c84442ef120dcd631523be75089',
      },
    });
  });

  it('reads the older form without a head, a wrapped first line, and a URL wrapped before its ref', async () => {
    assert.deepEqual(await pullRequestOf('patchwork/mail/0002-git-pull-request-wrapped.mbox'), {
      pullRequest: { base: 'e10117d36ef758da0690c95ecffc09d5dd7da479', repository: 'git://git.kernel.org/pub/scm/linux/kernel/git/benh/powerpc.git next', head: undefined },
    });
    assert.deepEqual(await pullRequestOf('patchwork/mail/0023-git-pull-request-newline-in-url.mbox'), {
      pullRequest: {
        base: '54ecb8f7028c5eb3d740bb82b0f1d90f2df63c5c',
        repository: 'https://git.kernel.org/pub/scm/linux/kernel/git/matthias.bgg/linux.git/ tags/v5.4-next-soc',
        head: '662c9d55c5ccb37f3920ecab9720f2ebf2a6ca18',
      },
    });
  });

  it('finds none in a linux-leds GIT PULL written by hand', async () => {
    const { bodies } = await loadMail(corpusPath('lore-linux-leds/threads-sample/edge-git-pull.mbox'));
    for (const body of bodies.values()) assert.equal(markText(body.text, remarkPullRequest).children.some((node) => node.type === 'pullRequest'), false);
  });

  it('leaves the sentence alone when no repository follows', () => {
    assert.deepEqual(outline(markText('The following changes since commit 0123456789ab:\n\nnothing else', remarkPullRequest)), [
      'The following changes since commit 0123456789ab:', '', 'nothing else',
    ]);
  });
});

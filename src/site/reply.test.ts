import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressPolicy } from './addresses.ts';
import { MAX_REFERENCES, replyReferences, replyView, shellWord, type ReplySource } from './reply.ts';

const patch: ReplySource = {
  messageId: '20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu',
  idSource: 'header',
  subject: '[PATCH v5 2/3] leds: sy7802: Add support for Silergy SY7802 flash',
  from: { name: 'André Apitzsch', email: 'git@apitzsch.eu' },
  to: [{ name: 'Lee Jones', email: 'lee@kernel.org' }, { name: '', email: 'linux-leds@vger.kernel.org' }],
  cc: [{ name: 'Pavel', email: 'Git@apitzsch.eu' }, { name: 'Rob', email: 'robh@kernel.org' }],
  inReplyTo: '20240624-sy7802-v5-0-7abc9d96bfa6@apitzsch.eu',
  references: ['20240624-sy7802-v5-0-7abc9d96bfa6@apitzsch.eu'],
};

/** The fields of a mailto: URL, decoded. */
function mailtoFields(mailto: string): { to: string; fields: Record<string, string> } {
  const url = new URL(mailto);
  return { to: decodeURIComponent(url.pathname), fields: Object.fromEntries(url.searchParams) };
}

describe('replyView', () => {
  it('replies to all as lore does: To the author, Cc the rest once each, threaded under the mail', () => {
    const reply = replyView(patch, addressPolicy('shown'), 'linux-leds@vger.kernel.org');
    assert.deepEqual(mailtoFields(reply.mailto), {
      to: 'git@apitzsch.eu',
      fields: {
        Cc: 'lee@kernel.org,linux-leds@vger.kernel.org,robh@kernel.org',
        Subject: 'Re: [PATCH v5 2/3] leds: sy7802: Add support for Silergy SY7802 flash',
        'In-Reply-To': '<20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu>',
        References: '<20240624-sy7802-v5-0-7abc9d96bfa6@apitzsch.eu> <20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu>',
      },
    });
    assert.equal(
      reply.command,
      'git send-email \\\n  --in-reply-to=20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu \\\n  --to=git@apitzsch.eu \\\n  --cc=lee@kernel.org \\\n  --cc=linux-leds@vger.kernel.org \\\n  --cc=robh@kernel.org \\\n  /path/to/YOUR_REPLY',
    );
    assert.equal(reply.missing, null);
    assert.equal(mailtoFields(replyView({ ...patch, subject: 'RE: x' }, addressPolicy('shown'), null).mailto).fields.Subject, 'RE: x', 'no second Re:');
  });

  it('adds the list when the mail was not sent to it', () => {
    const reply = replyView({ ...patch, to: [], cc: [] }, addressPolicy('shown'), 'linux-leds@vger.kernel.org');
    assert.equal(mailtoFields(reply.mailto).fields.Cc, 'linux-leds@vger.kernel.org');
  });

  it('with addresses masked, sends to the list alone and says whom to add', () => {
    const reply = replyView(patch, addressPolicy('masked'), 'linux-leds@vger.kernel.org');
    const { to, fields } = mailtoFields(reply.mailto);
    assert.equal(to, 'linux-leds@vger.kernel.org');
    assert.equal(fields.Cc, undefined);
    assert.equal(fields['In-Reply-To'], '<20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu>', 'Message-IDs are not masked');
    assert.equal(reply.command, 'git send-email \\\n  --in-reply-to=20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu \\\n  --to=linux-leds@vger.kernel.org \\\n  /path/to/YOUR_REPLY');
    assert.equal(reply.missing, 'This archive masks addresses, so the reply goes to the list alone: add the author, André Apitzsch, and those it was sent to (Lee Jones, Pavel and Rob) yourself.');
    assert.doesNotMatch(JSON.stringify(reply), /git@apitzsch|lee@kernel|robh@/);
    const unlisted = replyView(patch, addressPolicy('hidden'), null);
    assert.equal(new URL(unlisted.mailto).pathname, '');
    assert.match(unlisted.missing!, /^This archive hides addresses and names no list: add the list, the author, André Apitzsch/);
  });

  it('encodes and quotes whatever a hostile mail carries: nothing is injected into the link or the shell', () => {
    const hostile: ReplySource = {
      ...patch,
      messageId: "x$(touch${IFS}/tmp/pwned)'&Bcc=evil@example.org@host",
      subject: 'Re: hi&Bcc=evil@example.org\r\nBcc: evil@example.org',
      from: { name: 'E', email: 'evil@example.org?bcc=x@y.org' },
      to: [{ name: '', email: 'a@b.org, c@d.org' }],
      cc: [],
      references: ['<nested>', 'ok@x.org'],
    };
    const reply = replyView(hostile, addressPolicy('shown'), null);
    const url = new URL(reply.mailto);
    assert.deepEqual([...url.searchParams.keys()], ['Subject', 'In-Reply-To', 'References'], 'no Bcc, no field of its own');
    assert.equal(url.searchParams.get('In-Reply-To'), `<${hostile.messageId}>`);
    assert.equal(url.searchParams.get('Subject'), hostile.subject);
    assert.equal(url.pathname, '', 'neither address is one plain address');
    assert.equal(url.searchParams.get('References'), `<ok@x.org> <${hostile.messageId}>`, 'an id with brackets is left out');
    assert.equal(reply.command.split('\n')[1], `  '--in-reply-to=x$(touch\${IFS}/tmp/pwned)'\\''&Bcc=evil@example.org@host' \\`, 'single-quoted, its quote closed and escaped');
  });

  it('threads under no id the archive made, and says so', () => {
    const reply = replyView({ ...patch, messageId: '0123@content.sheaf.invalid', idSource: 'content', references: [], inReplyTo: null }, addressPolicy('shown'), null);
    assert.equal(new URL(reply.mailto).searchParams.get('In-Reply-To'), null);
    assert.doesNotMatch(reply.command, /--in-reply-to/);
    assert.match(reply.missing!, /no Message-ID of its own/);
  });
});

describe('replyReferences', () => {
  it('keeps the thread’s first id and the newest past the bound', () => {
    const references = Array.from({ length: 30 }, (_, index) => `r${index}@x.org`);
    const kept = replyReferences({ ...patch, references });
    assert.equal(kept.length, MAX_REFERENCES);
    assert.deepEqual([kept[0], kept[1], kept.at(-1)], ['r0@x.org', 'r12@x.org', patch.messageId]);
  });
});

describe('shellWord', () => {
  it('leaves plain words, quotes the rest', () => {
    assert.equal(shellWord('--to=a.b+c@x.org'), '--to=a.b+c@x.org');
    assert.equal(shellWord("it's $HOME"), `'it'\\''s $HOME'`);
  });
});

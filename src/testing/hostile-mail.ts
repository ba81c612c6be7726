/**
 * A generator of hostile mail, for tests and for the hostile e2e site: every field a page
 * shows (Message-ID, subject, names, addresses, body, quotes, diffs, attachment names, HTML
 * parts, RFC 2047 encoded words) carrying markup, script, URLs with dangerous schemes, bidi
 * overrides and zero-width characters. If any of it ran, it would say so: scripts call
 * `alert`, log `INJECTED` and fetch `http://evil.example/`, so a browser test sees a dialog,
 * a console line or a request leaving the site.
 *
 * `node src/testing/hostile-mail.ts <folder>` writes the mbox into `<folder>/hostile.mbox`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Markup and URLs that would do something if a page let them through. */
export const PAYLOADS = [
  `<script>alert('INJECTED');console.log('INJECTED');fetch('http://evil.example/script')</script>`,
  `<img src="http://evil.example/img.png" onerror="alert('INJECTED')">`,
  `<svg onload="alert('INJECTED')"><circle r=5 /></svg>`,
  `<iframe src="http://evil.example/frame"></iframe>`,
  `<iframe srcdoc="<script>alert('INJECTED')</script>"></iframe>`,
  `<form action="http://evil.example/form"><input name=q><button>Go</button></form>`,
  `<meta http-equiv="refresh" content="0; url=http://evil.example/refresh">`,
  `<base href="http://evil.example/">`,
  `<link rel="stylesheet" href="http://evil.example/style.css">`,
  `<style>@import url(http://evil.example/import.css); body { background: url(http://evil.example/bg.png) }</style>`,
  `<a href="javascript:alert('INJECTED')">javascript link</a> javascript:alert('INJECTED')`,
  `<a href="data:text/html,<script>alert('INJECTED')</script>">data link</a> data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
  `vbscript:msgbox("INJECTED") <a href="vbscript:msgbox(1)">vb</a> file:///etc/passwd`,
  `<div style="background:url(http://evil.example/inline.png)" onmouseover="alert('INJECTED')">hover</div>`,
  `"><script>alert('INJECTED')</script><"`,
  `</pre></div><script>alert('INJECTED')</script>`,
  `<object data="http://evil.example/object"></object><embed src="http://evil.example/embed">`,
  `<video><source onerror="alert('INJECTED')"></video> <body onload="alert('INJECTED')">`,
];

/** Characters that change how text reads without showing. */
export const INVISIBLES = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200b', '\u200c', '\u200d', '\ufeff', '\u2060'];
const TROJAN = `access = "user\u202e \u2066// admin only\u2069 \u2066"; z\u200bero\u200cwidth\u200d\ufeffjoin\u2060er`;

/** Message-IDs that try to leave the output folder, collide or break file names. */
export const HOSTILE_IDS = [
  '../../../etc/passwd',
  'a/b/../../index.html',
  '%2e%2e%2f%2e%2e%2findex.html',
  '/etc/passwd@x',
  'con',
  'NUL.x@y',
  'aux',
  'com1.h@x',
  'lpt9',
  'trailing.dot.',
  'Case@x.example',
  'case@x.example',
  'CASE@x.example',
  'cAsE@x.example',
  `${'L'.repeat(2500)}${'l'.repeat(2500)}@long.example`,
  `${'L'.repeat(2500)}${'l'.repeat(2499)}L@long.example`,
  `a${'x'.repeat(4999)}@long.example`,
  `A${'x'.repeat(4999)}@long.example`,
  'x\u202eevil@bidi.example',
  'zero\u200bwidth@zw.example',
  '"><script>alert(1)</script>@x',
  'index.html',
  'javascript:alert(1)@x',
];

/** An RFC 2047 encoded word (base64, UTF-8). */
export function encodedWord(text: string): string {
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

export interface HostileMail {
  id: string;
  /** The mail as an RFC 5322 message, without the mbox `From ` line. */
  message: string;
}

function headers(index: number, id: string, subject: string, from: string, extra: string[] = []): string[] {
  const minute = String(index % 60).padStart(2, '0');
  return [
    `From: ${from}`,
    `To: "<script>alert('INJECTED')</script>" <list@example.org>, ${encodedWord(`\u202e<img src=x onerror=alert(1)>`)} <b@example.org>`,
    `Cc: "javascript:alert(1)" <"<svg onload=alert(1)>"@example.org>`,
    `Subject: ${subject}`,
    `Message-ID: <${id}>`,
    `Date: Mon, 3 Mar 2025 10:${minute}:00 +0000`,
    'MIME-Version: 1.0',
    ...extra,
  ];
}

/** Every hostile mail: one per hostile id, each with hostile headers and a hostile body of its own kind. */
export function hostileMails(): HostileMail[] {
  const payloads = PAYLOADS.join('\n');
  const bodies: Array<(index: number) => { extra: string[]; body: string }> = [
    // Plain text: payloads in paragraphs, quotes, a trailer, a signature.
    () => ({
      extra: ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit'],
      body: `${payloads}\n\nOn Mon, 3 Mar 2025, <script>alert('INJECTED')</script> wrote:\n> ${PAYLOADS.join('\n> ')}\n>> ${TROJAN}\n\n${TROJAN}\n\nReviewed-by: <img src=x onerror=alert(1)> <r@example.org>\n\n-- \n<script>alert('INJECTED')</script>\n`,
    }),
    // A patch: payloads in the commit message, the diffstat and the diff.
    () => ({
      extra: ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit'],
      body:
        `${TROJAN}\n\nSigned-off-by: "<script>alert(1)</script>" <s@example.org>\n---\n a/<script>.c | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n\n` +
        `diff --git a/<script>alert(1)</script>.c b/<script>alert(1)</script>.c\nindex 1111111..2222222 100644\n--- a/<script>alert(1)</script>.c\n+++ b/<script>alert(1)</script>.c\n@@ -1,3 +1,3 @@ <iframe src=http://evil.example/>\n` +
        ` int x; /* ${PAYLOADS[0]} */\n-${TROJAN}\n+if (access != "user\u202e \u2066// admin\u2069 \u2066") { ${PAYLOADS[1]} }\n context\n`,
    }),
    // HTML only: the whole document is hostile.
    () => ({
      extra: ['Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: 8bit'],
      body: `<html><head><meta http-equiv="refresh" content="0; url=http://evil.example/"><base href="http://evil.example/"><style>body{background:url(http://evil.example/bg.png)}</style><script>alert('INJECTED')</script></head><body onload="alert('INJECTED')">${payloads}<p>${TROJAN}</p></body></html>\n`,
    }),
    // multipart/alternative and an attachment with a hostile name and type.
    () => ({
      extra: ['Content-Type: multipart/mixed; boundary="BOUNDARY"'],
      body:
        `--BOUNDARY\nContent-Type: multipart/alternative; boundary="ALT"\n\n--ALT\nContent-Type: text/plain; charset=utf-8\n\n${payloads}\n${TROJAN}\n--ALT\nContent-Type: text/html; charset=utf-8\n\n<script>alert('INJECTED')</script><iframe src="http://evil.example/"></iframe>\n--ALT--\n` +
        `--BOUNDARY\nContent-Type: text/plain; charset=utf-8; name="${encodedWord('<img src=x onerror=alert(1)>\u202etxt.exe')}"\nContent-Disposition: inline; filename="<script>alert(1)</script>.txt"\n\n${PAYLOADS[0]}\n${TROJAN}\n` +
        `--BOUNDARY\nContent-Type: application/octet-stream; name="<svg onload=alert(1)>.bin"\nContent-Disposition: attachment; filename="${encodedWord('<iframe src=http://evil.example/>\u202egpj.exe')}"\nContent-Transfer-Encoding: base64\n\nPHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\n--BOUNDARY--\n`,
    }),
  ];
  return HOSTILE_IDS.map((id, index) => {
    const subject = index % 2 === 0
      ? `[PATCH ${index}/${HOSTILE_IDS.length}] <script>alert('INJECTED')</script> ${TROJAN}`
      : encodedWord(`Re: <img src=x onerror="alert('INJECTED')"> <a href="javascript:alert(1)">x</a> \u202eevil\u202c ${index}`);
    const from = index % 2 === 0
      ? `"<script>alert('INJECTED')</script> Ev\u202eil" <evil${index}@example.org>`
      : `${encodedWord(`<iframe src=http://evil.example/> M\u200ballory\u2066`)} <"javascript:alert(1)"@example.org>`;
    const { extra, body } = bodies[index % bodies.length]!(index);
    const reply = index > 0 ? [`In-Reply-To: <${HOSTILE_IDS[index - 1]}>`, `References: <${HOSTILE_IDS[0]}> <${HOSTILE_IDS[index - 1]}>`] : [];
    return { id, message: `${headers(index, id, subject, from, [...reply, ...extra]).join('\n')}\n\n${body}` };
  });
}

/** The hostile mails as one mbox (mboxrd: body lines starting `From ` quoted). */
export function hostileMbox(): string {
  return hostileMails()
    .map(({ message }) => `From hostile@example.org Mon Mar  3 10:00:00 2025\n${message.replace(/^(>*From )/gm, '>$1')}\n`)
    .join('\n');
}

/** Messages of the long thread: more than one page of a thread read whole holds (READING_PAGE_MESSAGES). */
export const LONG_THREAD_MESSAGES = 130;

/** A flame war: one chain of LONG_THREAD_MESSAGES replies, each to the one before, `long-<n>@example.org`. */
export function longThreadMbox(): string {
  const lines: string[] = [];
  for (let index = 0; index < LONG_THREAD_MESSAGES; index++) {
    const date = new Date(Date.UTC(2025, 3, 1, 0, index)).toUTCString().replace('GMT', '+0000');
    const reply = index > 0 ? [`In-Reply-To: <long-${index - 1}@example.org>`, `References: <long-0@example.org> <long-${index - 1}@example.org>`] : [];
    lines.push(
      'From long@example.org Tue Apr  1 00:00:00 2025',
      `From: ${index % 2 ? 'Lee Jones <lee@example.org>' : 'Ada Lovelace <ada@example.org>'}`,
      `Subject: ${index > 0 ? 'Re: ' : ''}leds: is a long thread readable?`,
      `Date: ${date}`,
      `Message-ID: <long-${index}@example.org>`,
      ...reply,
      '',
      `Message ${index} of the long thread.`,
      '',
    );
  }
  return lines.join('\n');
}

if (import.meta.main) {
  const folder = resolve(process.argv[2] ?? '.cache/e2e/hostile-content');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'hostile.mbox'), hostileMbox());
  writeFileSync(join(folder, 'long-thread.mbox'), longThreadMbox());
  console.log(`${join(folder, 'hostile.mbox')}: ${HOSTILE_IDS.length} hostile mails; ${join(folder, 'long-thread.mbox')}: a thread of ${LONG_THREAD_MESSAGES}`);
}

/**
 * Real messages from many mail clients, rendered and checked by hand: for each, what the page
 * shows, as counts of quotes per depth, the diff blocks (language, file, depth), the trailers,
 * the attributions, and the other blocks. Depths are written `@n`; nothing means outside quotes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Element, ElementContent, Root } from 'hast';
import { corpusPath, loadMail } from '../testing/corpus.ts';
import { renderBodyTree } from './index.ts';

interface Shown {
  /** Number of blockquotes at depth 1, 2, … */
  quotes: number[];
  /** `lang [file] [(continued)] [@depth]` per diff block. */
  diffs: string[];
  /** Trailer keys, `@depth` when quoted. */
  trailers: string[];
  attributions: string[];
  /** Diffstats, signatures, PGP armour, pull requests, folds and attachment sections, in order. */
  other: string[];
}

const classes = (element: Element) => (Array.isArray(element.properties.className) ? element.properties.className.map(String) : []);
const textOf = (node: ElementContent): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';

function shown(tree: Root): Shown {
  const result: Shown = { quotes: [], diffs: [], trailers: [], attributions: [], other: [] };
  const at = (depth: number) => (depth ? `@${depth}` : '');
  const walk = (node: Root | Element, depth: number): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const names = classes(child);
      const inner = child.tagName === 'blockquote' ? depth + 1 : depth;
      if (child.tagName === 'blockquote') result.quotes[depth] = (result.quotes[depth] ?? 0) + 1;
      if (names.includes('diff')) {
        const { dataLang, dataFile, dataContinued } = child.properties;
        result.diffs.push(
          `${dataLang}${dataFile ? ` ${dataFile}` : ''}${dataContinued ? ' (continued)' : ''}${depth ? ` ${at(depth)}` : ''}`,
        );
      }
      if (names.includes('trailer')) result.trailers.push(`${child.properties.dataTrailer}${at(depth)}`);
      if (names.includes('attribution')) result.attributions.push(textOf(child));
      for (const name of ['diffstat', 'signature', 'pull-request', 'fold', 'attachment'])
        if (names.includes(name)) result.other.push(`${name}${name === 'fold' || name === 'attachment' ? '' : at(depth)}`);
      if (names.includes('pgp')) result.other.push(`pgp ${child.properties.dataPgp}`);
      walk(child, inner);
    }
  };
  walk(tree, 0);
  result.quotes = Array.from(result.quotes, (count) => count ?? 0);
  return result;
}

const T = 'lore-linux-leds/threads-sample/';
const L = 'notmuch/lkml/cur/';

/** [file, Message-ID, mail client and what the message is good for, what the page shows]. */
const MESSAGES: Array<[string, string, string, Shown]> = [
  [
    'T/001-leds-add-powerdown-gpio-for-is31fl32xx.mbox',
    '20260429154449.730880-1-jerrysteve1101@gmail.com',
    'git-send-email cover letter',
    { quotes: [], diffs: [], trailers: [], attributions: [], other: ['diffstat', 'signature'] },
  ],
  [
    'T/001-leds-add-powerdown-gpio-for-is31fl32xx.mbox',
    '20260429154449.730880-6-jerrysteve1101@gmail.com',
    'git-send-email patch with Fixes:',
    {
      quotes: [],
      diffs: ['c drivers/leds/leds-is31fl32xx.c'],
      trailers: ['fixes', 'signed-off-by'],
      attributions: [],
      other: ['diffstat', 'signature'],
    },
  ],
  [
    'T/001-leds-add-powerdown-gpio-for-is31fl32xx.mbox',
    '20260506194124.GA2989390-robh@kernel.org',
    'mutt, review interleaved in a quoted patch',
    {
      quotes: [4],
      diffs: [
        'yaml Documentation/devicetree/bindings/leds/issl,is31fl32xx.yaml @1',
        'yaml Documentation/devicetree/bindings/leds/issl,is31fl32xx.yaml (continued) @1',
        'yaml Documentation/devicetree/bindings/leds/issl,is31fl32xx.yaml (continued) @1',
        'yaml Documentation/devicetree/bindings/leds/issl,is31fl32xx.yaml (continued) @1',
        'text Documentation/devicetree/bindings/leds/leds-is31fl32xx.txt @1',
      ],
      trailers: ['co-developed-by@1', 'signed-off-by@1', 'co-developed-by@1', 'signed-off-by@1', 'signed-off-by@1'],
      attributions: ['On Wed, Apr 29, 2026 at 11:44:45PM +0800, Jun Yan wrote:'],
      other: ['diffstat@1', 'fold', 'signature@1'],
    },
  ],
  [
    'T/001-leds-add-powerdown-gpio-for-is31fl32xx.mbox',
    '177809654440.2995402.2607787723896842009.robh@kernel.org',
    'Reviewed-by under a quote',
    {
      quotes: [1],
      diffs: [],
      trailers: ['co-developed-by@1', 'signed-off-by@1', 'signed-off-by@1', 'reviewed-by'],
      attributions: ['On Wed, 29 Apr 2026 23:44:46 +0800, Jun Yan wrote:'],
      other: ['diffstat@1'],
    },
  ],
  [
    'T/002-backlight-qcom-wled-support-for-qcom-wled-driver.mbox',
    '20191111092446.GO18902@dell',
    'Mutt 1.10, "Applied, thanks"',
    {
      quotes: [1],
      diffs: [],
      trailers: ['signed-off-by@1', 'reviewed-by@1', 'acked-by@1', 'acked-by@1', 'acked-by@1'],
      attributions: ['On Fri, 01 Nov 2019, Kiran Gunda wrote:'],
      other: ['diffstat@1', 'signature'],
    },
  ],
  [
    'T/004-rtl8231-gpio-expander-support.mbox',
    'CACRpkdYde+=85f6Zfz40bMwOxSE-bszHzvBhQwC+G-E2CZr3Lg@mail.gmail.com',
    'Gmail',
    {
      quotes: [2],
      diffs: [],
      trailers: [],
      attributions: ['On Tue, Oct 21, 2025 at 4:24 PM Sander Vanheule <sander@svanheule.net> wrote:'],
      other: [],
    },
  ],
  [
    'T/004-rtl8231-gpio-expander-support.mbox',
    'e6d95d91b68a86b748008f69dcc495796b61843e.camel@svanheule.net',
    'Evolution 3.56',
    {
      quotes: [3, 2],
      diffs: [],
      trailers: [],
      attributions: [
        'On Wed, 2025-10-22 at 09:42 +0200, Linus Walleij wrote:',
        'On Tue, Oct 21, 2025 at 4:24 PM Sander Vanheule <sander@svanheule.net> wrote:',
      ],
      other: [],
    },
  ],
  [
    'T/005-fix-all-errors-except-one-reported-by-dt-binding-check.mbox',
    '1565f22c-7be9-e771-7def-afbb28ec07a7@ti.com',
    'Thunderbird 68, reply typed inside the quote',
    {
      quotes: [1],
      diffs: ['yaml Documentation/devicetree/bindings/leds/leds-lp55xx.yaml @1'],
      trailers: ['signed-off-by@1'],
      attributions: ['On 10/13/20 11:08 AM, Zhen Lei wrote:'],
      other: ['diffstat@1'],
    },
  ],
  [
    'T/006-add-sy7802-flash-led-driver.mbox',
    '20240624-sy7802-v5-0-7abc9d96bfa6@apitzsch.eu',
    'b4 cover letter',
    { quotes: [], diffs: [], trailers: ['signed-off-by'], attributions: [], other: ['diffstat', 'signature'] },
  ],
  [
    'T/011-add-mediatek-mt6370-pmic-support.mbox',
    '20220618164820.2eeb8ae8@jic23-huawei',
    'Claws Mail 4.1, wrapped attribution',
    {
      quotes: [4],
      diffs: [
        'text Documentation/ABI/testing/sysfs-bus-iio-adc-mt6370 @1',
        'text Documentation/ABI/testing/sysfs-bus-iio-adc-mt6370 (continued) @1',
        'text Documentation/ABI/testing/sysfs-bus-iio-adc-mt6370 (continued) @1',
        'text Documentation/ABI/testing/sysfs-bus-iio-adc-mt6370 (continued) @1',
      ],
      trailers: ['signed-off-by@1'],
      attributions: ['On Mon, 13 Jun 2022 19:11:38 +0800\nChiaEn Wu <peterwu.pub@gmail.com> wrote:'],
      other: ['diffstat@1', 'fold'],
    },
  ],
  [
    'T/022-add-pm6150l-flash-led-to-fairphone-4.mbox',
    'COZW5FAXA36Z.175ARPIESQSLL@otso',
    'aerc, hunk quoted twice without header',
    {
      quotes: [4, 2],
      diffs: ['c @2'],
      trailers: [],
      attributions: ['On Sat Dec 10, 2022 at 6:16 PM CET, Pavel Machek wrote:'],
      other: ['signature@1'],
    },
  ],
  [
    'T/edge-duplicate-message-id.mbox',
    '20200806190840.zyovbkqgr2ey7rd6@duo.ucw.cz',
    'NeoMutt',
    {
      quotes: [1, 1],
      diffs: ['c drivers/leds/leds-is31fl319x.c @2'],
      trailers: ['signed-off-by@2'],
      attributions: ['On 8/6/20 1:21 AM, Grant Feng wrote:'],
      other: ['diffstat@2', 'signature'],
    },
  ],
  [
    'T/edge-irt-no-references.mbox',
    '41f6b993ecb9f37a7cf191f770363a79@dev.tdt.de',
    'Roundcube, `>>` and `> >` mixed',
    { quotes: [4, 1], diffs: [], trailers: [], attributions: [], other: [] },
  ],
  [
    'T/edge-nak.mbox',
    '19582ebd65e.12149b1db998182.1987296040364406185@mcqueen.au',
    'Zoho Mail, quoting with " > "',
    { quotes: [1], diffs: [], trailers: [], attributions: ['On Tue, 11 Mar 2025 12:28:06 +1100 Craig McQueen  wrote:'], other: [] },
  ],
  [
    'T/edge-nak.mbox',
    'Z+KsfcjvlsxAN2LE@duo.ucw.cz',
    'NeoMutt, NAK',
    { quotes: [2], diffs: ['c include/uapi/linux/uledtriggers.h @1'], trailers: ['nak'], attributions: [], other: ['signature'] },
  ],
  [
    'T/edge-nak.mbox',
    'Z/jqED+42U6jXRhm@duo.ucw.cz',
    'NeoMutt quoting Zoho (`>  > >`)',
    { quotes: [1, 1, 1], diffs: [], trailers: [], attributions: [], other: ['signature'] },
  ],
  [
    'T/edge-git-pull.mbox',
    'CAHk-=wgCp5n3sB_hDmOLSPiJcwJm9RErBHN_6ABhRWyVEkY4Xw@mail.gmail.com',
    'Gmail (Linus) on a GIT PULL',
    {
      quotes: [2],
      diffs: [],
      trailers: [],
      attributions: ['On Sun, Feb 14, 2021 at 9:13 AM Pavel Machek <pavel@ucw.cz> wrote:'],
      other: [],
    },
  ],
  [
    'T/edge-qp-and-base64-patch.mbox',
    '20200310123126.4709-1-Denis.Osterland@diehl.com',
    'git-send-email, base64 patch',
    {
      quotes: [],
      diffs: ['text Documentation/devicetree/bindings/leds/leds-pwm.txt', 'c drivers/leds/leds-pwm.c', 'c include/linux/leds_pwm.h'],
      trailers: ['signed-off-by'],
      attributions: [],
      other: ['diffstat', 'signature'],
    },
  ],
  [
    'T/edge-qp-and-base64-patch.mbox',
    'c8c23a9b-b468-b88b-17b2-4726de1f6ae3@gmail.com',
    'Thunderbird, four levels',
    {
      quotes: [1, 3, 3, 2],
      diffs: ['c drivers/leds/leds-pwm.c @4', 'c drivers/leds/leds-pwm.c (continued) @4'],
      trailers: [],
      attributions: [
        'On 3/11/20 7:45 AM, Denis Osterland-Heim wrote:',
        'Am Dienstag, den 10.03.2020, 22:15 +0100 schrieb Jacek Anaszewski:',
        'On 3/10/20 4:19 PM, Denis Osterland-Heim wrote:',
      ],
      other: ['signature'],
    },
  ],
  [
    'T/edge-attachment-gzip.mbox',
    '202009101044.C8WvL2k8%lkp@intel.com',
    'kernel test robot, `>>` marks',
    { quotes: [], diffs: [], trailers: ['reported-by'], attributions: [], other: [] },
  ],
  [
    'T/edge-attachment-gzip.mbox',
    '20201004095852.GB1104@bug',
    'mutt, fragments without headers',
    {
      quotes: [4],
      diffs: ['text @1', 'c (continued) @1', 'c (continued) @1'],
      trailers: ['signed-off-by@1'],
      attributions: [],
      other: ['signature'],
    },
  ],
  [
    'T/edge-flowed-pgp-signed-windows-1252.mbox',
    '56cc935a-0b31-e806-19cd-a111295e2fff@c-mauderer.de',
    'Thunderbird, format=flowed, no-break spaces',
    {
      quotes: [2, 6],
      diffs: [
        'text drivers/leds/Kconfig @2',
        'make drivers/leds/Makefile @2',
        'c drivers/leds/leds-spi-byte.c @2',
        'c drivers/leds/leds-spi-byte.c (continued) @2',
        'c drivers/leds/leds-spi-byte.c (continued) @2',
        'c drivers/leds/leds-spi-byte.c (continued) @2',
        'c drivers/leds/leds-spi-byte.c (continued) @2',
        'c drivers/leds/leds-spi-byte.c (continued) @2',
      ],
      trailers: ['signed-off-by@2'],
      attributions: ['On 05/05/2019 16:48, Jacek Anaszewski wrote:', 'On 5/5/19 2:52 PM, oss@c-mauderer.de wrote:'],
      other: ['fold', 'diffstat@2'],
    },
  ],
  [
    'T/edge-html-part.mbox',
    '42d498fc-c95b-4441-b81a-aee4237d1c0d@leemhuis.info',
    'Thunderbird, attributions at two depths',
    {
      quotes: [1, 1],
      diffs: [],
      trailers: [],
      attributions: ['On 30.05.24 16:04, Russell King (Oracle) wrote:', 'On Thu, May 30, 2024 at 09:36:45AM -0400, Genes Lists wrote:'],
      other: [],
    },
  ],
  [
    'T/edge-resend.mbox',
    'FR3P281MB155254EF0B8D7644BE287BB0D9F59@FR3P281MB1552.DEUP281.PROD.OUTLOOK.COM',
    'Outlook, trailing full quote',
    {
      quotes: [1],
      diffs: ['c drivers/leds/led-class-multicolor.c @1'],
      trailers: ['suggested-by@1', 'tested-by@1', 'acked-by@1', 'signed-off-by@1'],
      attributions: [],
      other: ['fold', 'diffstat@1', 'signature@1'],
    },
  ],
  [
    'T/edge-resend.mbox',
    '174427878439.1693154.16822272837665051015.b4-ty@kernel.org',
    'b4 ty',
    {
      quotes: [1],
      diffs: [],
      trailers: [],
      attributions: ['On Fri, 04 Apr 2025 20:40:36 +0200, Sven Schwermer wrote:'],
      other: ['signature'],
    },
  ],
  [
    'T/edge-rfc2047-subject.mbox',
    'CACRpkdZQ7FCtLPEioWXn+MXQhnpuu-EY+CjhEeKqBe=Bvq777g@mail.gmail.com',
    'Gmail, Kconfig then C fragments',
    {
      quotes: [6],
      diffs: ['text @1', 'c (continued) @1', 'c (continued) @1', 'c (continued) @1', 'c (continued) @1', 'c (continued) @1'],
      trailers: [],
      attributions: ['On Wed, Nov 9, 2022 at 10:11 AM chengwei <larry.lai@yunjingtech.com> wrote:'],
      other: [],
    },
  ],
  [
    'T/014-multicolor-framework.mbox',
    '20200428160338.2793-7-dmurphy@ti.com',
    'git-send-email, Cc: trailers',
    {
      quotes: [],
      diffs: ['text Documentation/devicetree/bindings/leds/leds-lp55xx.txt'],
      trailers: ['reviewed-by', 'signed-off-by', 'cc', 'cc', 'cc', 'cc', 'cc', 'cc', 'cc', 'cc'],
      attributions: [],
      other: ['diffstat', 'signature'],
    },
  ],
  [
    'T/010-add-strobe-flash-duration-v4l2-ctrl-use-it-for-ov9282.mbox',
    '202506182043.reVJKofN-lkp@intel.com',
    'kernel test robot, code listing',
    { quotes: [], diffs: [], trailers: [], attributions: [], other: ['signature'] },
  ],
  [
    'L/1382298587.003171:2,',
    'OFB55E8EC7.E8DD23D5-ON8725774E.0004921E-8825774E.0004CC31@us.ibm.com',
    'Lotus Notes',
    {
      quotes: [5, 6, 6, 2],
      diffs: [],
      trailers: [],
      attributions: [
        'Steve French <smfrench@gmail.com> wrote on 06/25/2010 04:05:30 PM:',
        'On Fri, Jun 25, 2010 at 5:26 PM, Jeff Layton <jlayton@samba.org> wrote:',
        'On Fri, 25 Jun 2010 22:46:38 +0100\nDavid Howells <dhowells@redhat.com> wrote:',
        'Jeff Layton <jlayton@samba.org> wrote:',
      ],
      other: ['signature@1'],
    },
  ],
  [
    'L/1382298793.002302:2,',
    '1671200DA80140558ED0D17FB55585AD@usish.com.cn',
    'Outlook 11, wrapped diff header',
    {
      quotes: [2],
      diffs: ['c drivers/scsi/pm8001/pm8001_init.c @1', 'c drivers/scsi/pm8001/pm8001_init.c (continued) @1'],
      trailers: ['signed-off-by@1'],
      attributions: [],
      other: ['diffstat@1', 'signature'],
    },
  ],
  [
    'L/1382298793.002661:2,',
    '20101115.110732.27814339.davem@davemloft.net',
    'Mew, From:/Date: attribution',
    {
      quotes: [1],
      diffs: [],
      trailers: ['signed-off-by@1'],
      attributions: ['From: Joe Perches <joe@perches.com>\nDate: Sun, 14 Nov 2010 19:04:58 -0800'],
      other: [],
    },
  ],
  [
    'L/1382298795.001362:2,',
    's5h4ob9svqy.wl%tiwai@suse.de',
    'Wanderlust, "At …" attribution',
    {
      quotes: [2],
      diffs: ['c sound/core/pcm_lib.c @1'],
      trailers: ['signed-off-by@1'],
      attributions: ['At Sun, 14 Nov 2010 19:05:02 -0800,\nJoe Perches wrote:'],
      other: ['fold', 'diffstat@1', 'signature@1'],
    },
  ],
  [
    'L/1382298775.004363:2,',
    'C9528078-D64C-4944-B960-0E985B3EE0BA@kernel.crashing.org',
    'Apple Mail',
    { quotes: [1, 1], diffs: [], trailers: [], attributions: ['On Aug 5, 2010, at 12:25 PM, Bounine, Alexandre wrote:'], other: [] },
  ],
  [
    'L/1382298793.003501:2,',
    'alpine.LNX.2.00.1011170150060.7420@pobox.suse.cz',
    'Alpine',
    { quotes: [1, 1, 4], diffs: [], trailers: [], attributions: ['On Wed, 17 Nov 2010, Stefan Richter wrote:'], other: ['signature'] },
  ],
  [
    'L/1382298793.003316:2,',
    '20101116122102.86e7e0b9.rdunlap@xenotime.net',
    'Sylpheed',
    {
      quotes: [1, 2],
      diffs: [],
      trailers: [],
      attributions: [
        'On Tue, 16 Nov 2010 19:55:31 +0000 Mark Brown wrote:',
        'On Tue, Nov 16, 2010 at 08:35:22PM +0100, Florian Mickler wrote:',
      ],
      other: [],
    },
  ],
  [
    'L/1382298793.002329:2,',
    '4CE0D533.1010407@monstr.eu',
    'Thunderbird 2',
    {
      quotes: [2, 1],
      diffs: ['c arch/microblaze/lib/memmove.c @2', 'c arch/microblaze/lib/memmove.c @1'],
      trailers: ['signed-off-by@1'],
      attributions: ['Joe Perches wrote:'],
      other: ['diffstat@1', 'signature'],
    },
  ],
  [
    'L/1382298793.002432:2,',
    '1289819360.3377.15.camel@odin',
    'Evolution 2.30',
    {
      quotes: [1],
      diffs: [],
      trailers: ['signed-off-by@1', 'acked-by'],
      attributions: ['On Sun, 2010-11-14 at 19:05 -0800, Joe Perches wrote:'],
      other: ['diffstat@1', 'signature'],
    },
  ],
  [
    'L/1382298775.002830:2,',
    '4381.1280815590@neuling.org',
    'MH-E',
    { quotes: [1, 1], diffs: [], trailers: [], attributions: [], other: [] },
  ],
  [
    'L/1382298793.002665:2,',
    '20101115190738.GF3338@sirena.org.uk',
    'Mutt 1.5.18',
    {
      quotes: [5, 3, 1],
      diffs: [],
      trailers: [],
      attributions: [
        'On Mon, Nov 15, 2010 at 10:30:29AM -0800, Joe Perches wrote:',
        'On Mon, 2010-11-15 at 18:27 +0000, Mark Brown wrote:',
      ],
      other: [],
    },
  ],
  [
    'patchwork/mail/0007-cvs-format-diff.mbox',
    '4EDD669F.30207@cavium.com',
    'Thunderbird, CVS diff attached',
    {
      quotes: [],
      diffs: ['c bfd/elf-bfd.h', 'c bfd/elflink.c', 'c bfd/elfxx-mips.c'],
      trailers: [],
      attributions: [],
      other: ['attachment'],
    },
  ],
  [
    'patchwork/mail/0017-git-pull-request-git-2-14-3.mbox',
    '5214fd16b7859a67fd589b9c38abb4d4@content.sheaf.invalid',
    'git request-pull',
    { quotes: [], diffs: [], trailers: [], attributions: [], other: ['pull-request', 'diffstat'] },
  ],
  [
    'patchwork/mail/0026-git-add-mixed-binary-text-files.mbox',
    '9d9cf4d4112a89dae2a1f85a1fe7c09e@content.sheaf.invalid',
    'binary and text patch',
    {
      quotes: [],
      diffs: ['text pixel.bmp', 'shellscript quit.sh'],
      trailers: ['signed-off-by'],
      attributions: [],
      other: ['diffstat', 'signature'],
    },
  ],
  [
    'patchwork/mail/0020-multipart-comment.mbox',
    'DB5PR03MB18774049A0E62D211988EC8CA3770@DB5PR03MB1877.eurprd03.prod.outlook.com',
    'Outlook, HTML alternative',
    { quotes: [], diffs: [], trailers: [], attributions: [], other: [] },
  ],
  [
    'public-inbox-t/solve/0002-rename-with-modifications.patch',
    '20190401081523.16213-2-BOFH@YHBT.net',
    'rename with modifications',
    { quotes: [], diffs: ['markdown CONTRIBUTING.md'], trailers: [], attributions: [], other: ['diffstat'] },
  ],
  [
    'public-inbox-t/data/0001.patch',
    '20180720072141.GA15957@example',
    'format-patch mail',
    { quotes: [], diffs: ['perl lib/PublicInbox/Search.pm'], trailers: [], attributions: [], other: ['diffstat', 'signature'] },
  ],
  [
    'b4/trailers-followup-with-cover.mbox',
    'fwup-message-1@example.com',
    'follow-up trailer under a quote',
    { quotes: [1], diffs: [], trailers: ['reviewed-by'], attributions: [], other: ['signature'] },
  ],
  [
    'b4/naked-cover-bugreport.mbox',
    '20221025-widget-fix-author@example.org',
    'patch with Reported-by',
    { quotes: [], diffs: ['text file1'], trailers: ['reported-by', 'signed-off-by'], attributions: [], other: ['diffstat'] },
  ],
  [
    'b4/shazam-git1-with-link.mbox',
    '20221025-test1-v1-1-e4f28f57990c@linuxfoundation.org',
    'b4 patch with Link:',
    { quotes: [], diffs: ['text file2.txt'], trailers: ['signed-off-by', 'link'], attributions: [], other: ['diffstat', 'signature'] },
  ],
];

describe('hand-checked messages from many mail clients', () => {
  it(`covers ${MESSAGES.length} messages`, () => assert.ok(MESSAGES.length >= 40));

  for (const [file, id, client, expected] of MESSAGES) {
    it(`${client} <${id}>`, async () => {
      const { records, bodies } = await loadMail(corpusPath(file.replace(/^T\//, T).replace(/^L\//, L)));
      const record = records.find((candidate) => candidate.messageId === id);
      assert.ok(record, `${id} is in ${file}`);
      assert.deepEqual(shown(await renderBodyTree(bodies.get(record.key)!)), expected);
    });
  }
});

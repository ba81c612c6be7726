/**
 * The query language as the search page lists it (as lore's `_/text/help/` does), one line per
 * prefix with an example; docs/search.md has the same table, and a test checks both against
 * the prefixes the parser knows.
 */
export interface PrefixHelp {
  /** The prefix as typed, or '' for bare words. */
  prefix: string;
  example: string;
  meaning: string;
}

export const PREFIX_HELP: readonly PrefixHelp[] = [
  { prefix: '', example: 'qcom wled', meaning: 'words of the subject of a series (any version, any patch) or thread, or their beginnings (wl finds wled)' },
  { prefix: 's:', example: 's:qcom-wled', meaning: 'the same, said explicitly' },
  { prefix: '"…"', example: '"multicolor framework"', meaning: 'subject words next to each other, in this order' },
  { prefix: 'f:', example: 'f:"Lee Jones"', meaning: 'a message from that sender: any word of the name or address (f:pavel, f:ucw.cz, f:lee@kernel.org)' },
  { prefix: 't:', example: 't:linux-leds', meaning: 'a message addressed To them' },
  { prefix: 'c:', example: 'c:pavel', meaning: 'a message with them in Cc' },
  { prefix: 'tc:', example: 'tc:lee', meaning: 'To or Cc' },
  { prefix: 'a:', example: 'a:ucw.cz', meaning: 'any address of a message: From, To or Cc' },
  { prefix: 'd:', example: 'd:2024-01-01..2024-02-01', meaning: 'a message sent in that range; either end may be left out (d:..2023, d:2024-05..), or give one year, month or day (d:2024-01)' },
  { prefix: 'b:', example: 'b:pca963x_led_mc_set', meaning: 'words of a message\'s own text, its patch included (not what it quotes); b:"a phrase" needs all its words in one message' },
  { prefix: 'nq:', example: 'nq:"looks good"', meaning: 'the same as b: (lore\'s name for text not quoted)' },
  { prefix: 'q:', example: 'q:"looks good"', meaning: 'words of the text a message quotes' },
  { prefix: 'dfn:', example: 'dfn:leds-pca963x.c', meaning: 'a file a patch changes: its path, a folder of it (dfn:drivers/leds), its name or a word of it' },
  { prefix: 'dfhh:', example: 'dfhh:pca963x_led_set', meaning: 'the function named in a patch\'s hunk headers (@@ … @@ static int pca963x_led_set(…))' },
  { prefix: 'm:', example: 'm:20240624-sy7802-v5-0-7abc9d96bfa6@apitzsch.eu', meaning: 'goes to the message with that Message-ID (with or without <>, or a lore URL pasted whole)' },
];

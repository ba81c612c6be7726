/**
 * `npm run add -- FILE...`: files e-mail into the content folder (`SHEAF_CONTENT`, else
 * `content/`), then says what it added, skipped and refused. Exits 0 when nothing was
 * refused, 1 when anything was (the good mail is filed all the same), 2 on a usage error.
 */
import { contentPath } from '../loader/content-path.ts';
import { addMail, type AddReport } from './add.ts';
import { describeOutcome, summaryLines } from './report.ts';

const USAGE = `usage: npm run add -- FILE...
Files e-mail into the content folder (SHEAF_CONTENT, else content/), one file per message.
FILE: an .eml, an mbox or mboxrd file (gzip too), a maildir folder, a page saved as text from
a web archive, or - for standard input (any of these).`;

async function main(args: string[]): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.find((arg) => arg.startsWith('-') && arg !== '-');
  if (args.length === 0 || unknown !== undefined) {
    console.error(unknown === undefined ? USAGE : `unknown option ${unknown}\n${USAGE}`);
    return 2;
  }
  let report: AddReport;
  try {
    // npm runs scripts in the project folder; INIT_CWD is where the command was typed, which relative paths are relative to.
    report = await addMail({ contentRoot: contentPath(), inputs: args, cwd: process.env.INIT_CWD, stdin: process.stdin });
  } catch (error) {
    console.error(`add: ${(error as Error).message}`);
    return 1;
  }
  for (const outcome of report.outcomes) {
    if (outcome.kind === 'refused') console.error(describeOutcome(outcome));
    else console.log(describeOutcome(outcome));
  }
  for (const line of summaryLines(report)) console.log(line);
  return report.outcomes.some((outcome) => outcome.kind === 'refused') ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));

/**
 * What the block plugins share: walking the containers of a body (the root, quotes and
 * attachments) and claiming runs of `mailLine` nodes.
 */
import type { Root, RootContent, Text } from 'mdast';
import type { Position } from 'unist';
import type { Attachment, MailLine, Quote, QuoteContent } from './types.ts';

/** A node whose children are the blocks of a body: the root, a quote, an inline attachment. */
export type Container = Root | Quote | Attachment;

/** Where a run of lines sits. */
export interface RunContext {
  /** Quote depth of the lines: 0 outside quotes. */
  depth: number;
  /** Whether the run starts its container (nothing but the attribution comes before it). */
  atStart: boolean;
}

function isContainer(node: RootContent): node is Quote | Attachment {
  return node.type === 'quote' || node.type === 'attachment';
}

/**
 * Calls `transform` with the children of every container, outermost first and in document
 * order; what it returns becomes the container's children. Containers among the returned
 * children are visited next.
 */
export function mapContainers(tree: Root, transform: (children: RootContent[], container: Container) => RootContent[]): void {
  const visit = (container: Container): void => {
    const children = transform(container.children, container);
    container.children = children as typeof container.children;
    for (const child of children) if (isContainer(child)) visit(child);
  };
  visit(tree);
}

/**
 * Calls `transform` with every run of consecutive `mailLine` nodes, in document order (a quote
 * inside a container is visited before the lines after it); what it returns replaces the run.
 */
export function mapLineRuns(tree: Root, transform: (run: MailLine[], context: RunContext) => RootContent[]): void {
  const visit = (container: Container): void => {
    const depth = container.type === 'quote' ? container.depth : 0;
    const result: RootContent[] = [];
    let run: MailLine[] = [];
    let atStart = true;
    const flush = () => {
      if (run.length === 0) return;
      // A loop, not push(...): a run can hold more nodes than a call can take arguments.
      for (const node of transform(run, { depth, atStart })) result.push(node);
      run = [];
      atStart = false;
    };
    for (const child of container.children) {
      if (child.type === 'mailLine') {
        run.push(child);
        continue;
      }
      flush();
      result.push(child);
      if (isContainer(child)) visit(child);
      if (child.type !== 'attribution') atStart = false;
    }
    flush();
    container.children = result as typeof container.children;
  };
  visit(tree);
}

/** Every block of the body, in document order: the children of the root, quotes and attachments, containers included. */
export function blocks(tree: Root): RootContent[] {
  const found: RootContent[] = [];
  const walk = (children: RootContent[]): void => {
    for (const child of children) {
      found.push(child);
      if (isContainer(child)) walk(child.children);
    }
  };
  walk(tree.children);
  return found;
}

/** What a claim makes of the lines from its index: a node, and the index of the first line it left. */
export interface Claim {
  node: QuoteContent;
  end: number;
}

/**
 * Scans a run of lines, offering each line to `claim`; the lines a claim takes are replaced by
 * its node, the others are kept.
 */
export function claimLines(run: MailLine[], claim: (run: MailLine[], index: number) => Claim | undefined): RootContent[] {
  const result: RootContent[] = [];
  let index = 0;
  while (index < run.length) {
    const claimed = claim(run, index);
    if (claimed && claimed.end > index) {
      result.push(claimed.node);
      index = claimed.end;
    } else {
      result.push(run[index]!);
      index++;
    }
  }
  return result;
}

/** The position from the start of the first node to the end of the last. */
export function span(first: { position?: Position }, last: { position?: Position }): Position | undefined {
  return first.position && last.position ? { start: first.position.start, end: last.position.end } : undefined;
}

/** One text node holding the lines, joined by line breaks. */
export function textOf(lines: MailLine[]): Text {
  const first = lines[0];
  const last = lines[lines.length - 1];
  const text: Text = { type: 'text', value: lines.map((line) => line.value).join('\n') };
  if (first && last) text.position = span(first, last);
  return text;
}

/** Whether a line holds nothing but white space. */
export function isBlank(line: MailLine | undefined): boolean {
  return line !== undefined && line.value.trim() === '';
}

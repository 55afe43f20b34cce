import type { Block, Span } from '../types.ts';
import type { ParagraphDraft, Piece } from './layout.ts';

/** Prose, headings and tables of a Markdown text. */
export interface MarkdownStructure {
  readonly drafts: readonly ParagraphDraft[];
  readonly blocks: readonly Block[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|(\d{1,3})[.)])[ \t]+/;
const QUOTE = /^(?:[ \t]{0,3}>[ \t]?)+/;
const REFERENCE = /^ {0,3}\[[^\]]+\]:[ \t]*\S/;
const TABLE_SEPARATOR = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/;

/**
 * Reads Markdown into plain prose: headings (ATX and Setext) open sections,
 * list items and block quotes become paragraphs, emphasis, code marks and link
 * syntax are dropped (a link keeps its text), images, code blocks and
 * reference definitions are left out, and pipe tables become table blocks.
 */
export function structureFromMarkdown(source: string): MarkdownStructure {
  const lines = linesOf(source);
  const drafts: ParagraphDraft[] = [];
  const blocks: Block[] = [];
  let current: Piece[] = [];
  const flush = (heading = false): void => {
    if (current.length > 0) drafts.push({ pieces: current, heading });
    current = [];
  };
  let fence: string | null = null;
  let inList = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined) continue;
    const text = source.slice(line.start, line.end);
    if (fence !== null) {
      if (text.trim().startsWith(fence)) fence = null;
      continue;
    }
    const fenceMatch = FENCE.exec(text);
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1] ?? '```';
      continue;
    }
    if (text.trim() === '' || REFERENCE.test(text)) {
      flush();
      inList = false;
      continue;
    }
    if (SETEXT_UNDERLINE.test(text) && current.length > 0) {
      flush(true);
      continue;
    }
    if (RULE.test(text)) {
      flush();
      continue;
    }
    const next = lines[i + 1];
    if (text.includes('|') && next && TABLE_SEPARATOR.test(source.slice(next.start, next.end))) {
      flush();
      let last = i + 1;
      while (last + 1 < lines.length && source.slice(lines[last + 1]?.start ?? 0, lines[last + 1]?.end ?? 0).includes('|')) last++;
      const span = { start: line.start, end: lines[last]?.end ?? line.end };
      blocks.push({ kind: 'table', original: span, text: source.slice(span.start, span.end) });
      i = last;
      continue;
    }
    const atx = ATX_HEADING.exec(text);
    if (atx) {
      flush();
      const content = { start: line.start + atx[0].length, end: line.end };
      const closing = /[ \t]+#+[ \t]*$|^#+[ \t]*$/.exec(source.slice(content.start, content.end));
      current = inlinePieces(source, { start: content.start, end: closing ? content.start + closing.index : content.end });
      flush(true);
      continue;
    }
    let start = line.start;
    const quote = QUOTE.exec(text);
    if (quote) start += quote[0].length;
    const item = LIST_ITEM.exec(source.slice(start, line.end));
    // A number starting a wrapped line (`in April\n2010. The`) is not a list unless a list is open or it is 1.
    if (item && (item[1] === undefined || current.length === 0 || inList || item[1] === '1')) {
      inList = true;
      flush();
      start += item[0].length;
    }
    if (current.length > 0) current.push({ text: ' ' });
    current.push(...inlinePieces(source, { start, end: line.end }));
  }
  flush();
  return { drafts, blocks };
}

function linesOf(source: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end === -1) end = source.length;
    lines.push({ start, end: source[end - 1] === '\r' ? end - 1 : end });
    if (end === source.length) break;
    start = end + 1;
  }
  return lines;
}

/** The pieces of a line with inline Markdown syntax removed. */
function inlinePieces(source: string, range: Span): Piece[] {
  const pieces: Piece[] = [];
  let copyFrom = range.start;
  const skip = (from: number, to: number): void => {
    if (from > copyFrom) pieces.push({ start: copyFrom, end: from });
    copyFrom = to;
  };
  let i = range.start;
  while (i < range.end) {
    const ch = source[i] ?? '';
    const rest = source.slice(i, range.end);
    if (ch === '\\' && /^\\[!-/:-@[-`{-~]/.test(rest)) {
      skip(i, i + 1);
      i += 2;
      continue;
    }
    if (ch === '!' && rest.startsWith('![')) {
      const link = linkAt(source, i + 1, range.end);
      if (link) {
        skip(i, link.end);
        i = link.end;
        continue;
      }
    }
    if (ch === '[') {
      const link = linkAt(source, i, range.end);
      if (link) {
        skip(i, link.text.start);
        pieces.push(...inlinePieces(source, link.text));
        copyFrom = link.end;
        i = link.end;
        continue;
      }
    }
    if (ch === '<') {
      const autolink = /^<((?:https?|mailto):[^>\s]+)>/.exec(rest);
      if (autolink) {
        skip(i, i + 1);
        pieces.push({ start: i + 1, end: i + 1 + (autolink[1]?.length ?? 0) });
        copyFrom = i + autolink[0].length;
        i = copyFrom;
        continue;
      }
      const tag = /^<\/?[A-Za-z][^<>]*>/.exec(rest);
      if (tag) {
        skip(i, i + tag[0].length);
        i += tag[0].length;
        continue;
      }
    }
    if (ch === '`') {
      const ticks = /^`+/.exec(rest)?.[0] ?? '`';
      const close = source.indexOf(ticks, i + ticks.length);
      if (close !== -1 && close < range.end) {
        skip(i, i + ticks.length);
        pieces.push({ start: i + ticks.length, end: close });
        copyFrom = close + ticks.length;
        i = copyFrom;
        continue;
      }
    }
    if (ch === '*' || ch === '_' || (ch === '~' && rest.startsWith('~~'))) {
      const run = new RegExp(`^\\${ch}+`).exec(rest)?.[0] ?? ch;
      const before = source[i - 1] ?? ' ';
      const after = source[i + run.length] ?? ' ';
      const spaceBefore = i === range.start || /\s/.test(before);
      const spaceAfter = i + run.length >= range.end || /\s/.test(after);
      const intraword = /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after);
      if (!(spaceBefore && spaceAfter) && !(ch === '_' && intraword)) skip(i, i + run.length);
      i += run.length;
      continue;
    }
    i++;
  }
  if (copyFrom < range.end) pieces.push({ start: copyFrom, end: range.end });
  return pieces;
}

// `[text](url)`, `[text][ref]` or `[text][]` starting at `at`: where its text is and where it ends.
function linkAt(source: string, at: number, limit: number): { text: Span; end: number } | null {
  let depth = 0;
  let close = -1;
  for (let j = at; j < limit; j++) {
    const c = source[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '[') depth++;
    if (c === ']' && --depth === 0) {
      close = j;
      break;
    }
  }
  if (close === -1) return null;
  const after = source.slice(close + 1, limit);
  const inline = /^\((?:[^()\s]|\([^()]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/.exec(after);
  const reference = /^\[[^\]]*\]/.exec(after);
  const target = inline ?? reference;
  if (!target) return null;
  return { text: { start: at + 1, end: close }, end: close + 1 + target[0].length };
}

import type { OffsetSegment, Section, Span } from '../types.ts';

/** A run of the original copied unchanged, or text put in by cleaning. */
export type Piece = { readonly start: number; readonly end: number } | { readonly text: string };

/** One paragraph (or heading) as a sequence of pieces, before character normalisation. */
export interface ParagraphDraft {
  readonly pieces: readonly Piece[];
  readonly heading: boolean;
}

/** Cleaned text with the structure every format produces. */
export interface Layout {
  readonly text: string;
  readonly offsets: readonly OffsetSegment[];
  readonly paragraphs: readonly Span[];
  readonly sections: readonly Section[];
}

const PARAGRAPH_SEPARATOR = '\n\n';

const LIGATURES: Readonly<Record<string, string>> = {
  '\uFB00': 'ff', '\uFB01': 'fi', '\uFB02': 'fl', '\uFB03': 'ffi', '\uFB04': 'ffl', '\uFB05': 'st', '\uFB06': 'st',
};

// What normalisation acts on: whitespace runs (one space), invisible characters (dropped), ligatures (expanded).
const SPECIAL = /([ \t\n\v\f\r\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+)|[\u00AD\u200B-\u200D\u2060\uFEFF]|(?![\t\n\v\f\r])\p{Cc}|([\uFB00-\uFB06])/gu;

/** A run of cleaned text: copied from `origin` onwards, or put in by cleaning (`origin` -1). */
interface Run {
  text: string;
  readonly origin: number;
}

/**
 * Builds the cleaned text from paragraph drafts. Inside a paragraph, whitespace
 * runs become one space and the ends are trimmed; ligatures are expanded,
 * non-breaking spaces become spaces, soft hyphens and control characters go.
 * Paragraphs are separated by a blank line. A heading opens a section that
 * runs to the next heading; the heading itself stays in the text as its own
 * paragraph, so that sentences can be traced and headings can be told apart.
 */
export function layoutFromDrafts(original: string, drafts: readonly ParagraphDraft[]): Layout {
  const out = new TextWithOffsets();
  const paragraphs: Span[] = [];
  const headings: { title: string; paragraph: number }[] = [];
  for (const draft of drafts) {
    const runs = normalisedParagraph(original, draft.pieces);
    if (runs.length === 0) continue;
    if (paragraphs.length > 0) out.push(PARAGRAPH_SEPARATOR, -1);
    const start = out.length;
    for (const run of runs) out.push(run.text, run.origin);
    paragraphs.push({ start, end: out.length });
    if (draft.heading) headings.push({ title: runs.map((r) => r.text).join(''), paragraph: paragraphs.length - 1 });
  }
  const text = out.text();
  const sections = headings.map((h, i): Section => {
    const lastParagraph = (headings[i + 1]?.paragraph ?? paragraphs.length) - 1;
    return { title: h.title, span: { start: paragraphs[h.paragraph]?.start ?? 0, end: paragraphs[lastParagraph]?.end ?? text.length } };
  });
  return { text, offsets: out.segments, paragraphs, sections };
}

function normalisedParagraph(original: string, pieces: readonly Piece[]): Run[] {
  const runs: Run[] = [];
  // Where the space owed before the next text came from: a plain space's offset, -1 for other whitespace.
  let pendingSpace: number | null = null;
  const append = (text: string, origin: number): void => {
    const last = runs.at(-1);
    // Text copied right after the previous copied run extends it.
    if (last && origin >= 0 && last.origin >= 0 && last.origin + last.text.length === origin) last.text += text;
    else runs.push({ text, origin });
  };
  const emit = (text: string, origin: number): void => {
    if (text === '') return;
    if (pendingSpace !== null && runs.length > 0) append(' ', pendingSpace);
    pendingSpace = null;
    append(text, origin);
  };
  const scan = (text: string, offset: number | null): void => {
    let at = 0;
    for (const m of text.matchAll(SPECIAL)) {
      const index = m.index ?? 0;
      emit(text.slice(at, index), offset === null ? -1 : offset + at);
      at = index + m[0].length;
      if (m[1] !== undefined) {
        const space = m[1].indexOf(' ');
        if (pendingSpace === null || pendingSpace === -1) pendingSpace = space === -1 || offset === null ? -1 : offset + index + space;
      } else if (m[2] !== undefined) {
        emit(LIGATURES[m[2]] ?? '', -1);
      }
    }
    emit(text.slice(at), offset === null ? -1 : offset + at);
  };
  for (const piece of pieces) {
    if ('text' in piece) scan(piece.text, null);
    else scan(original.slice(piece.start, piece.end), piece.start);
  }
  return runs;
}

/** Accumulates cleaned text and merges consecutive copied runs into offset segments. */
class TextWithOffsets {
  private readonly parts: string[] = [];
  readonly segments: { clean: number; original: number; length: number }[] = [];
  length = 0;

  push(text: string, origin: number): void {
    this.parts.push(text);
    if (origin >= 0) {
      const last = this.segments.at(-1);
      if (last && last.clean + last.length === this.length && last.original + last.length === origin) last.length += text.length;
      else this.segments.push({ clean: this.length, original: origin, length: text.length });
    }
    this.length += text.length;
  }

  text(): string {
    return this.parts.join('');
  }
}

/**
 * The range of the original text that a range of the cleaned text came from.
 * Ends that fall on characters put in by cleaning move inwards to the nearest
 * copied character; a span with no copied character maps to an empty span at
 * the original position of the next copied one.
 */
export function originalSpanFromClean(doc: { readonly offsets: readonly OffsetSegment[]; readonly original: string }, span: Span): Span {
  const segments = doc.offsets;
  const first = segmentIndexAtOrAfter(segments, span.start);
  const firstSegment = segments[first];
  if (firstSegment === undefined || firstSegment.clean >= span.end) {
    const at = firstSegment === undefined ? doc.original.length : firstSegment.original;
    return { start: at, end: at };
  }
  const start = firstSegment.original + Math.max(0, span.start - firstSegment.clean);
  const last = segmentIndexAtOrBefore(segments, span.end - 1);
  const lastSegment = segments[last] ?? firstSegment;
  const end = lastSegment.original + Math.min(lastSegment.length, span.end - lastSegment.clean);
  return { start, end: Math.max(start, end) };
}

// First segment that contains `pos` or starts after it.
function segmentIndexAtOrAfter(segments: readonly OffsetSegment[], pos: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    if (s !== undefined && s.clean + s.length <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Last segment that contains `pos` or ends before it.
function segmentIndexAtOrBefore(segments: readonly OffsetSegment[], pos: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    if (s !== undefined && s.clean <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

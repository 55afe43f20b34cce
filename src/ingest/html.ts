import { Parser } from 'htmlparser2';
import type { Block } from '../types.ts';
import { isoDateFromValue } from './dates.ts';
import type { ParagraphDraft, Piece } from './layout.ts';

/** Article prose, headings, tables and metadata read from an HTML page. */
export interface HtmlStructure {
  readonly drafts: readonly ParagraphDraft[];
  readonly blocks: readonly Block[];
  readonly title: string | null;
  readonly date: string | null;
}

interface Element {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: Node[];
  readonly parent: Element | null;
  readonly start: number;
  end: number;
}

interface Text {
  readonly kind: 'text';
  readonly data: string;
  /** Source range; `copied` when the source holds exactly `data` (no entity was decoded). */
  readonly start: number;
  readonly end: number;
  readonly copied: boolean;
}

type Node = Element | Text;

const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'input', 'textarea', 'menu', 'dialog', 'figcaption', 'head',
]);
const DROPPED_ROLES = /^(?:navigation|banner|contentinfo|complementary|search|menu|menubar|dialog|alert|toolbar)$/i;
// Class or id words of page furniture, dropped wherever they are.
const BOILERPLATE = /(?:^|[-_\s])(?:cookie|consent|gdpr|share|sharing|social|related|recommended|newsletter|subscribe|subscription|comments?|breadcrumbs?|advert|ads?|promo|sponsor|popup|modal|paywall|outbrain|taboola|skip-link|print-only|author-bio|byline|tags)(?:$|[-_\s])/i;
// Words of layout furniture, dropped unless the element also says it holds content.
const FURNITURE = /(?:^|[-_\s])(?:nav|navbar|menu|masthead|header|footer|sidebar|banner|toolbar|widget)(?:$|[-_\s])/i;
const CONTENT = /(?:^|[-_\s])(?:article|content|main|story|post|entry|body|text)(?:$|[-_\s])/i;
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'address', 'figure',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'tr', 'td', 'th', 'caption', 'details', 'summary', 'center',
]);
const HEADING = /^h[1-6]$/;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Reads the article of an HTML page: boilerplate (navigation, headers,
 * footers, asides, scripts, forms, cookie banners, share widgets, related
 * links) is dropped; the body is `[itemprop=articleBody]`, `<article>`,
 * `<main>`, or else the element whose paragraphs hold the most text. Headings
 * open sections; paragraphs, list items and `<br>` break paragraphs; data
 * tables become blocks whose original span is the `<table>` element in the
 * source. Character offsets point into the HTML source.
 */
export function structureFromHtml(source: string): HtmlStructure {
  const root = treeFromHtml(source);
  const body = articleOf(root);
  const metadata = metadataOf(root, body);
  const walker = new DraftWalker(source);
  // The chosen body is walked even if its own class looks like furniture.
  for (const child of body?.children ?? []) walker.walk(child);
  walker.flush();
  const firstH1 = find(body ?? root, (e) => e.name === 'h1') ?? find(root, (e) => e.name === 'h1');
  const title = metadata.ogTitle ?? (firstH1 ? plainText(firstH1) : null) ?? metadata.title;
  return { drafts: walker.drafts, blocks: walker.blocks, title: title === '' ? null : title, date: metadata.date };
}

function treeFromHtml(source: string): Element {
  const root: Element = { kind: 'element', name: '#root', attributes: {}, children: [], parent: null, start: 0, end: source.length };
  let current = root;
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: Element = { kind: 'element', name, attributes, children: [], parent: current, start: parser.startIndex, end: parser.endIndex + 1 };
        current.children.push(element);
        if (!VOID.has(name)) current = element;
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        current.end = parser.endIndex + 1;
        current = current.parent ?? root;
      },
      ontext(data) {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        current.children.push({ kind: 'text', data, start, end, copied: source.slice(start, end) === data });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(source);
  return root;
}

// Dates by trust: the published-time meta, a <time> in the article, other date metas, any <time>.
function metadataOf(root: Element, body: Element | null): { title: string | null; ogTitle: string | null; date: string | null } {
  const inBody = new Set<Element>();
  if (body) {
    visit(body, (e) => {
      inBody.add(e);
      return true;
    });
  }
  let title: string | null = null;
  let ogTitle: string | null = null;
  const dates: { rank: number; value: string }[] = [];
  visit(root, (e) => {
    if (e.name === 'title' && title === null) title = plainText(e) || null;
    if (e.name === 'meta') {
      const key = (e.attributes['property'] ?? e.attributes['name'] ?? e.attributes['itemprop'] ?? '').toLowerCase();
      const content = e.attributes['content'] ?? '';
      if (key === 'og:title' && content.trim() !== '') ogTitle = content.trim();
      const rank = ['article:published_time', 'datepublished', '', 'date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'pubdate', 'publish-date'].indexOf(key);
      if (rank > 0 || key === 'article:published_time') dates.push({ rank, value: content });
    }
    if (e.name === 'time' && e.attributes['datetime']) dates.push({ rank: inBody.has(e) ? 2 : 20, value: e.attributes['datetime'] });
    return true;
  });
  dates.sort((a, b) => a.rank - b.rank);
  const date = dates.map((d) => isoDateFromValue(d.value)).find((d) => d !== null) ?? null;
  return { title, ogTitle, date };
}

function isDropped(e: Element): boolean {
  if (DROPPED_TAGS.has(e.name)) return true;
  if (e.attributes['hidden'] !== undefined || e.attributes['aria-hidden'] === 'true') return true;
  if (/display\s*:\s*none/i.test(e.attributes['style'] ?? '')) return true;
  if (DROPPED_ROLES.test(e.attributes['role'] ?? '')) return true;
  const names = `${e.attributes['class'] ?? ''} ${e.attributes['id'] ?? ''}`;
  if (BOILERPLATE.test(names)) return true;
  return FURNITURE.test(names) && !CONTENT.test(names);
}

// The element that holds the article.
function articleOf(root: Element): Element | null {
  const marked = find(root, (e) => e.attributes['itemprop'] === 'articleBody' && !isDropped(e));
  if (marked) return marked;
  const articles = findAll(root, (e) => e.name === 'article');
  if (articles.length > 0) return articles.reduce((a, b) => (textLength(b) > textLength(a) ? b : a));
  const main = find(root, (e) => (e.name === 'main' || e.attributes['role'] === 'main') && !isDropped(e));
  if (main) return main;
  return densestElement(root) ?? find(root, (e) => e.name === 'body') ?? root;
}

// Readability-like: each paragraph scores its parent (and half its grandparent) by its length and commas.
function densestElement(root: Element): Element | null {
  const scores = new Map<Element, number>();
  for (const p of findAll(root, (e) => e.name === 'p' || e.name === 'pre' || e.name === 'td' || e.name === 'blockquote')) {
    const text = plainText(p);
    if (text.length < 25) continue;
    const score = 1 + (text.match(/,/g)?.length ?? 0) + Math.min(Math.floor(text.length / 100), 3);
    if (p.parent) scores.set(p.parent, (scores.get(p.parent) ?? 0) + score);
    if (p.parent?.parent) scores.set(p.parent.parent, (scores.get(p.parent.parent) ?? 0) + score / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  return best;
}

function visit(e: Element, enter: (e: Element) => boolean): void {
  if (!enter(e)) return;
  for (const child of e.children) if (child.kind === 'element') visit(child, enter);
}

function find(e: Element, test: (e: Element) => boolean): Element | null {
  let found: Element | null = null;
  visit(e, (x) => {
    if (found) return false;
    if (x !== e && isDropped(x) && x.name !== 'head' && x.name !== 'header') return false;
    if (test(x)) found = x;
    return found === null;
  });
  return found;
}

function findAll(e: Element, test: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(e, (x) => {
    if (x !== e && isDropped(x)) return false;
    if (test(x)) found.push(x);
    return true;
  });
  return found;
}

function plainText(e: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.kind === 'text') parts.push(node.data);
    else if (node.name !== 'script' && node.name !== 'style') for (const child of node.children) walk(child);
  };
  walk(e);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function textLength(e: Element): number {
  return plainText(e).length;
}

// A data table holds short cells; a table laid out around prose is walked like any other element.
function isDataTable(table: Element): boolean {
  const cells = findAll(table, (e) => e.name === 'td' || e.name === 'th');
  return cells.length > 0 && !cells.some((c) => textLength(c) > 200 || find(c, (e) => e.name === 'table' || e.name === 'p') !== null);
}

function tableText(table: Element): string {
  return findAll(table, (e) => e.name === 'tr')
    .map((row) => row.children.filter((c): c is Element => c.kind === 'element' && (c.name === 'td' || c.name === 'th')).map(plainText).join('\t'))
    .join('\n');
}

class DraftWalker {
  readonly drafts: ParagraphDraft[] = [];
  readonly blocks: Block[] = [];
  private pieces: Piece[] = [];

  constructor(private readonly source: string) {}

  walk(node: Node): void {
    if (node.kind === 'text') {
      this.pieces.push(node.copied ? { start: node.start, end: node.end } : { text: node.data });
      return;
    }
    if (node.name === 'br') {
      this.flush();
      return;
    }
    if (node.name === 'table' && isDataTable(node)) {
      this.flush();
      this.blocks.push({ kind: 'table', original: { start: node.start, end: node.end }, text: tableText(node) });
      return;
    }
    if (isDropped(node)) return;
    if (HEADING.test(node.name)) {
      this.flush();
      for (const child of node.children) this.walk(child);
      this.flush(true);
      return;
    }
    const block = BLOCK_TAGS.has(node.name);
    if (block) this.flush();
    for (const child of node.children) this.walk(child);
    if (block) this.flush();
  }

  flush(heading = false): void {
    const hasText = this.pieces.some((p) => ('text' in p ? p.text : this.source.slice(p.start, p.end)).trim() !== '');
    if (hasText) this.drafts.push({ pieces: this.pieces, heading });
    this.pieces = [];
  }
}

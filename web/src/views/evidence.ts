import type { EvidenceResponse } from '../../../src/server/api-types.ts';
import { api } from '../api.ts';
import { formatSigned, h, replace } from '../dom.ts';
import { contextLabel, failureNote, latest, loadingNote } from '../ui.ts';

export interface EvidencePanel {
  readonly root: HTMLElement;
  show(id: string): void;
}

/** The paragraph with the sentence marked (and the trigger inside it emphasised). */
function paragraphOf(p: NonNullable<EvidenceResponse['paragraph']>): HTMLElement {
  const { text, sentence, trigger } = p;
  const inside =
    trigger != null && trigger.start >= sentence.start && trigger.end <= sentence.end
      ? [text.slice(sentence.start, trigger.start), h('strong', { class: 'trigger' }, text.slice(trigger.start, trigger.end)), text.slice(trigger.end, sentence.end)]
      : [text.slice(sentence.start, sentence.end)];
  return h('blockquote', { class: 'paragraph' }, text.slice(0, sentence.start), h('mark', { class: 'sentence' }, ...inside), text.slice(sentence.end));
}

/** "Putin (RUS GOV)", or just "RUS GOV" when the words are the code. */
function actorLine(actor: EvidenceResponse['event']['source']): string {
  const code = actor.sector ? `${actor.country} ${actor.sector}` : actor.country;
  return actor.text && actor.text !== actor.country ? `${actor.text} (${code})` : code;
}

function safeLink(url: string | null): string | null {
  if (url == null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The sentence behind an event, in its paragraph, with its document and the rule that coded it. */
export function evidencePanel(onClose: () => void): EvidencePanel {
  const heading = h('h2', { id: 'evidence-title', tabindex: '-1' }, 'Evidence');
  const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close the evidence panel', onclick: onClose }, '×');
  const body = h('div', { class: 'evidence-body', 'aria-live': 'polite' });
  const root = h('aside', { id: 'evidence', 'aria-labelledby': 'evidence-title' }, h('div', { class: 'panel-head' }, heading, close), body);
  const load = latest<EvidenceResponse>();
  let shown = '';

  const idle = (): void => {
    close.hidden = true;
    replace(body, h('p', { class: 'status empty' }, 'Pick an event in the Events table, or a cell of the Contradictions matrix and then an event, to see the sentence behind it.'));
  };

  const render = (e: EvidenceResponse): void => {
    const ev = e.event;
    const d = e.document;
    const link = safeLink(d.url);
    replace(
      body,
      h(
        'p',
        { class: `event-line ${ev.quad <= 2 ? 'coop' : 'conf'}` },
        h('strong', {}, `${actorLine(ev.source)} → ${actorLine(ev.target)}`),
        h('br'),
        `${ev.type}${ev.negated ? ', negated' : ''}${ev.modality !== 'asserted' ? `, ${ev.modality}` : ''} · intensity ${formatSigned(ev.intensity)} · ${ev.date ?? 'undated'}`,
        h('br'),
        `Contexts: ${ev.contexts.map(contextLabel).join(', ') || 'none'}${ev.theater ? ` · theater ${ev.theater}` : ''}`,
      ),
      e.paragraph != null
        ? paragraphOf(e.paragraph)
        : e.sentence != null
          ? h('blockquote', { class: 'paragraph' }, h('mark', { class: 'sentence' }, e.sentence))
          : h('p', { class: 'status empty' }, `Imported from ${ev.origin.toUpperCase()}: the dataset gives no sentence${link ? '; the article is linked below' : ''}.`),
      h(
        'dl',
        { class: 'evidence-meta' },
        h('dt', {}, 'Document'),
        h('dd', {}, d.title ?? d.name ?? '—'),
        h('dt', {}, 'Date'),
        h('dd', {}, d.date ?? '—'),
        h('dt', {}, 'Source'),
        h('dd', {}, link ? h('a', { href: link, rel: 'noopener noreferrer', target: '_blank' }, link) : (d.source ?? d.name ?? '—')),
        h('dt', {}, 'Rule'),
        h('dd', {}, h('code', { class: 'rule' }, e.rule)),
        e.entries.length > 0 ? h('dt', {}, 'Dictionary entries') : null,
        e.entries.length > 0 ? h('dd', {}, h('code', {}, e.entries.join(' · '))) : null,
        e.cameo ? h('dt', {}, 'CAMEO') : null,
        e.cameo ? h('dd', {}, e.cameo) : null,
      ),
    );
  };

  const fetchFor = (id: string): void => {
    replace(body, loadingNote('the evidence'));
    load(
      (signal) => api.evidence(id, signal),
      render,
      (error) => replace(body, failureNote('the evidence', error, () => fetchFor(id))),
    );
  };

  idle();
  return {
    root,
    show(id) {
      if (id === shown) return;
      shown = id;
      if (id === '') {
        idle();
        return;
      }
      close.hidden = false;
      fetchFor(id);
      heading.focus({ preventScroll: false });
    },
  };
}

import type { Mention, Resolved } from './mentions.ts';

/**
 * What the text has established before the current sentence: who speaks, to
 * whom, the pair it is about, and the candidates for pronouns. Pronouns look
 * one sentence back (the coding guide's window); collectives use the last
 * pair named anywhere before.
 */
export interface Discourse {
  /** Who "I" and "we" are: a transcript's current speaker, or the document's author. */
  readonly speaker: Resolved | null;
  /** Who "you" is. */
  readonly addressee: Resolved | null;
  /** The document's author, from its publisher. */
  readonly author: Resolved | null;
  /** The last pair the text named ("Moscow and Washington", "US-Russia"), else the document's top two actors. */
  readonly pair: readonly [Resolved, Resolved] | null;
  /** The document's two most named countries. */
  readonly docPair: readonly [Resolved, Resolved] | null;
  /** Actor mentions of the previous sentence, in order, resolved. */
  readonly previous: readonly Resolved[];
  /** Person and head-of-government mentions of the previous sentence. */
  readonly previousPeople: readonly Resolved[];
  /** The last head of state or government named anywhere before ("the President"). */
  readonly lastHead: Resolved | null;
  /** Plural group of the previous sentence ("they"). */
  readonly previousPlural: readonly Resolved[];
  /** Countries of the previous sentence, for "the country". */
  readonly previousCountries: readonly Resolved[];
}

/** A discourse with nothing established but the author and the document's main pair. */
export function openingDiscourse(author: Resolved | null, docPair: readonly [Resolved, Resolved] | null): Discourse {
  return {
    // A statement addresses the public; the other side becomes the addressee once a speaker takes the floor facing it.
    speaker: author, addressee: null, author, pair: docPair, docPair,
    previous: [], previousPeople: [], lastHead: null, previousPlural: [], previousCountries: [],
  };
}

/** The other side of the document's pair from a speaker's point of view. */
export function addresseeFor(speaker: Resolved | null, pair: readonly [Resolved, Resolved] | null): Resolved | null {
  if (!speaker || !pair) return null;
  if (pair[0].country === speaker.country) return pair[1];
  if (pair[1].country === speaker.country) return pair[0];
  return null;
}

/** A resolved mention of one sentence, with how it was resolved. */
export interface ResolvedMention {
  readonly mention: Mention;
  readonly actors: readonly Resolved[];
  /** `named` from the dictionaries; otherwise the pronoun or collective that was followed. */
  readonly via: 'named' | 'pronoun' | 'collective' | 'speaker' | 'title';
}

const isCountryLike = (r: Resolved): boolean => r.country.length === 3 && r.country !== 'IGO';

// What "it" can stand for: one actor, not a person, a plural or an adjective.
function itCandidate(r: ResolvedMention): boolean {
  return !r.mention.person && !r.mention.plural && r.actors.length === 1 && r.mention.kind !== 'adjectival';
}

/**
 * Resolves every mention of a sentence: named actors as they are, pronouns to
 * the nearest fitting actor earlier in the sentence or in the previous one,
 * collectives to the pair, "I"/"we" to the speaker and "you" to the addressee.
 */
export function resolvedMentions(mentions: readonly Mention[], d: Discourse): ResolvedMention[] {
  const out: ResolvedMention[] = [];
  for (const m of mentions) {
    if (m.kind === 'actor' || m.kind === 'adjectival') {
      out.push({ mention: m, actors: m.ref ? [m.ref] : [], via: 'named' });
      continue;
    }
    if (m.kind === 'pair' && m.pair) {
      out.push({ mention: m, actors: [...m.pair], via: 'named' });
      continue;
    }
    if (m.kind === 'location') {
      out.push({ mention: m, actors: [], via: 'named' });
      continue;
    }
    if (m.kind === 'title') {
      const head = [...out].reverse().find((r) => r.mention.head && r.actors.length === 1)?.actors[0];
      // A government's own text calls its head "the President" without a name ("The President said…").
      const own = m.title === 'president' && /President/.test(m.text) && d.author?.sector === 'GOV' && isCountryLike(d.author) ? d.author : null;
      const ref = m.title === 'president' || m.person ? (own ?? d.lastHead ?? head ?? d.speaker) : null;
      out.push({ mention: m, actors: ref ? [ref] : [], via: 'title' });
      continue;
    }
    const before = out.filter((r) => r.actors.length > 0).map((r) => r.mention);
    const resolvedBefore = out.filter((r) => r.actors.length > 0);
    switch (m.pronoun) {
      case 'i':
      case 'we':
        out.push({ mention: m, actors: d.speaker ? [d.speaker] : [], via: 'speaker' });
        break;
      case 'you':
        out.push({ mention: m, actors: d.addressee ? [d.addressee] : [], via: 'speaker' });
        break;
      case 'he': {
        // The first person named in the sentence (usually its subject) before the nearest one.
        const named = resolvedBefore.filter((r) => r.mention.person && r.via === 'named');
        // "The President said that he…": a title standing for a person is one too.
        const inSentence = named[0] ?? [...resolvedBefore].reverse().find((r) => r.mention.person || (r.via === 'title' && r.mention.title !== null));
        const ref = inSentence?.actors[0] ?? d.previousPeople.at(-1) ?? d.lastHead;
        out.push({ mention: m, actors: ref ? [ref] : [], via: 'pronoun' });
        break;
      }
      case 'it': {
        // A subject "it" takes an earlier subject ("Russia has good ties with Iran though it has agreed…"), else the nearest.
        // An object "it" ("an embargo on it") is not its own clause's subject; a possessive may be ("the US announced its plan").
        const subjectBefore = m.possessive ? undefined : [...resolvedBefore].reverse().find((r) => r.mention.subject);
        const inSentence = (m.subject ? resolvedBefore.find((r) => r.mention.subject && itCandidate(r)) : undefined)
          ?? [...resolvedBefore].reverse().find((r) => itCandidate(r) && (m.subject || !subjectBefore || r.actors[0]!.country !== subjectBefore.actors[0]?.country));
        const ref = inSentence?.actors[0] ?? d.previous.find((p) => !!p) ?? null;
        out.push({ mention: m, actors: ref ? [ref] : [], via: 'pronoun' });
        break;
      }
      case 'they': {
        const group = [...resolvedBefore].reverse().find((r) => r.actors.length > 1 || r.mention.plural);
        const actors = group?.actors ?? (d.previousPlural.length > 0 ? d.previousPlural : d.pair ? [...d.pair] : []);
        out.push({ mention: m, actors, via: 'pronoun' });
        break;
      }
      case 'pair':
        out.push({ mention: m, actors: d.pair ? [...d.pair] : [], via: 'collective' });
        break;
      case 'house':
        // "The Department" in a State Department statement: its author's government.
        out.push({ mention: m, actors: d.author && isCountryLike(d.author) ? [{ ...d.author, sector: 'GOV' }] : [], via: 'collective' });
        break;
      case 'latter':
      case 'former': {
        const pool = [...d.previous, ...before.flatMap((b) => (b.ref ? [b.ref] : []))];
        const distinct = pool.filter((r, k) => pool.findIndex((x) => x.country === r.country) === k);
        const ref = m.pronoun === 'latter' ? distinct.at(-1) : distinct.at(-2) ?? distinct.at(-1);
        out.push({ mention: m, actors: ref ? [ref] : [], via: 'pronoun' });
        break;
      }
      case 'country': {
        const countries = [...resolvedBefore.flatMap((r) => r.actors), ...d.previousCountries].filter(isCountryLike);
        // Not its own clause's subject ("it has agreed to an embargo on the country"): the nearest other state.
        const subjectBefore = m.subject || m.possessive ? undefined : [...resolvedBefore].reverse().find((r) => r.mention.subject)?.actors[0]?.country;
        const other = [...resolvedBefore].reverse().find((r) => r.actors.length === 1 && isCountryLike(r.actors[0]!) && r.actors[0]!.country !== subjectBefore);
        const ref = resolvedBefore.length > 1 ? (other ?? resolvedBefore.at(-1))?.actors[0] : d.previousCountries.at(-1) ?? countries.at(-1);
        out.push({ mention: m, actors: ref ? [ref] : [], via: 'pronoun' });
        break;
      }
      default:
        out.push({ mention: m, actors: [], via: 'pronoun' });
    }
  }
  return out;
}

/** The discourse after a sentence with these resolved mentions. */
export function nextDiscourse(d: Discourse, resolved: readonly ResolvedMention[], speaker: Resolved | null): Discourse {
  const actors = resolved.filter((r) => r.actors.length > 0);
  const named = actors.flatMap((r) => r.actors);
  const people = actors.filter((r) => r.mention.person).flatMap((r) => r.actors);
  const groups = actors.filter((r) => r.actors.length > 1 || r.mention.plural);
  const pairNamed = actors.find((r) => r.actors.length === 2 && r.actors[0]!.country !== r.actors[1]!.country && (r.via === 'named' || r.mention.kind === 'pair'));
  const lastHead = actors.filter((r) => r.mention.head && r.via === 'named').flatMap((r) => r.actors).at(-1) ?? d.lastHead;
  const newSpeaker = speaker ?? d.speaker;
  return {
    ...d,
    speaker: newSpeaker,
    addressee: speaker ? (addresseeFor(speaker, d.pair) ?? d.addressee) : d.addressee,
    pair: pairNamed ? [pairNamed.actors[0]!, pairNamed.actors[1]!] : d.pair,
    previous: named,
    previousPeople: people,
    lastHead,
    previousPlural: groups.at(-1)?.actors ?? [],
    previousCountries: named.filter(isCountryLike),
  };
}

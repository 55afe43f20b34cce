/** Actor codes for names in figures ("US", "Russian", "U.S."), through the coder's dictionaries. */
import { hitsFromName, type Lexicon } from '../coding/dictionaries.ts';
import type { ActorResolver } from './types.ts';

/** A resolver that gives a country or IGO code when the name means exactly one. */
export function actorResolverFromLexicon(lexicon: Lexicon): ActorResolver {
  const cache = new Map<string, string | null>();
  return (name) => {
    const cached = cache.get(name);
    if (cached !== undefined) return cached;
    const codes = new Set<string>();
    for (const hit of hitsFromName(lexicon, name)) {
      if (hit.kind === 'country' && hit.entry.kind !== 'historical') codes.add(hit.entry.code);
      else if (hit.kind === 'igo') codes.add(hit.entry.code);
    }
    const code = codes.size === 1 ? ([...codes][0] ?? null) : null;
    cache.set(name, code);
    return code;
  };
}

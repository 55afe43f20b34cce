const IRREGULAR: Readonly<Record<string, string>> = {
  is: 'be', are: 'be', was: 'be', were: 'be', been: 'be', being: 'be', am: 'be', "'s": 'be', "'re": 'be', "'m": 'be',
  has: 'have', had: 'have', having: 'have', "'ve": 'have', does: 'do', did: 'do', done: 'do', doing: 'do',
  said: 'say', made: 'make', met: 'meet', held: 'hold', took: 'take', taken: 'take', gave: 'give', given: 'give',
  went: 'go', gone: 'go', came: 'come', told: 'tell', sent: 'send', sought: 'seek', spoke: 'speak', spoken: 'speak',
  left: 'leave', led: 'lead', saw: 'see', seen: 'see', knew: 'know', known: 'know', thought: 'think', brought: 'bring',
  began: 'begin', begun: 'begin', broke: 'break', broken: 'break', drew: 'draw', drawn: 'draw', withdrew: 'withdraw',
  withdrawn: 'withdraw', fought: 'fight', sold: 'sell', bought: 'buy', paid: 'pay', won: 'win', stood: 'stand',
  struck: 'strike', shot: 'shoot', froze: 'freeze', frozen: 'freeze', threw: 'throw', thrown: 'throw', wrote: 'write',
  written: 'write', felt: 'feel', found: 'find', kept: 'keep', built: 'build', spent: 'spend', understood: 'understand',
  n: 'not', "n't": 'not', ca: 'can', wo: 'will', "'ll": 'will', "'d": 'would',
};

/**
 * A lower-case lemma from a word and its POS tag, by rule: irregular forms
 * from a table, regular verb and noun endings stripped. Cheap and good enough
 * for matching a dictionary, which lists the forms it cares about.
 */
export function lemmaOf(lower: string, pos: string): string {
  const irregular = IRREGULAR[lower];
  if (irregular && (pos === 'VERB' || pos === 'AUX' || pos === 'PART')) return irregular;
  if (pos === 'PROPN' || lower.length < 4) return lower;
  if (pos === 'NOUN') {
    if (!lower.endsWith('s')) return lower;
    if (lower.endsWith('ies') && lower.length > 4) return `${lower.slice(0, -3)}y`;
    if (lower.endsWith('ches') || lower.endsWith('shes') || lower.endsWith('sses') || lower.endsWith('xes') || lower.endsWith('zes')) return lower.slice(0, -2);
    if (lower.endsWith('ss') || lower.endsWith('us') || lower.endsWith('is')) return lower;
    return lower.slice(0, -1);
  }
  if (pos === 'VERB' || pos === 'AUX') {
    if (lower.length > 4 && lower.endsWith('ied')) return `${lower.slice(0, -3)}y`;
    if (lower.length > 4 && lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
    if (lower.length > 5 && lower.endsWith('ing')) {
      const stem = lower.slice(0, -3);
      return /([bcdfgklmnprstvz])\1$/.test(stem) && !/(ll|ss)$/.test(stem) ? stem.slice(0, -1) : stem;
    }
    if (lower.length > 4 && lower.endsWith('ed')) {
      const stem = lower.slice(0, -2);
      if (/([bcdfgklmnprstvz])\1$/.test(stem) && !/(ll|ss)$/.test(stem)) return stem.slice(0, -1);
      return /(at|iz|is|ag|eas|ov|ur|iv|os|ang|ot|rv|lv|uc|ud|dg|ng|rg|ac|ed|id)$/.test(stem) ? `${stem}e` : stem;
    }
    if (lower.length > 3 && /(ches|shes|sses|xes)$/.test(lower)) return lower.slice(0, -2);
    if (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss')) return lower.slice(0, -1);
  }
  return lower;
}

// Closed-class English words the coder's rules lean on. These are grammar, not
// vocabulary: the open-class words live in dictionaries/.

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Prepositions: an actor right after one of these is not a subject. */
export const PREPOSITIONS = set(`
  in on at to from with without by for of about against over into onto upon under between among amongst
  after before during despite than like toward towards through across within inside throughout beyond
  via per amid amidst around near behind regarding concerning following including except beside besides
  along alongside
`);

/** Words that open a subordinate clause. */
export const SUBORDINATORS = set(`
  although though while whereas because since if unless when whenever until once as whether so where
`);

export const RELATIVES = set('which who whom whose that');

/** Modal and semi-modal words and the modality they give the act in their clause. */
export const FUTURE_MARKERS = set(`will shall 'll must`);
export const HYPOTHETICAL_MARKERS = set(`might could may can would should ought`);

/** Verbs that report speech: their complement clause is coded on its own, the verb adds nothing. */
export const REPORTING_VERBS = set(`
  say state announce declare add note tell report claim confirm stress emphasize emphasise insist reiterate
  argue assert maintain explain indicate write comment remark reply respond answer acknowledge admit
  underline highlight point agree
`);

/** Verbs and adjectives of attitude: what follows them is a state of mind, not an act. */
export const ATTITUDE_WORDS = set(`
  concern concerned worry worried fear afraid want wish suspect suspicious wary believe think feel consider
  doubt prefer like dislike see view regard reckon perceive anxious keen eager happy glad pleased
  interested hesitant reluctant opine imagine suppose assume confident sure certain convinced hopeful
  optimistic pessimistic skeptical sceptical understand
`);

/** Adjectives that, after an impersonal "it is", make what follows the author's recommendation. */
export const RECOMMENDING = set(`important necessary essential vital crucial imperative advisable desirable time`);

/** Words that negate the act in their clause. */
export const NEGATORS = set(`not n't never no neither nor`);

/** Verbs that lend their subject to an event noun in their object ("held talks"). */
export const LIGHT_VERBS = set(`
  hold have pay make conduct carry launch stage impose sign reach conclude give extend send exchange engage participate agree arrive travel fly
  issue start begin continue resume host attend take join open express voice convey offer put
  undertake organise organize perform deliver announce plan schedule propose seek publish release direct
  order intensify strengthen expand deepen broaden step launch lead come
`);

/** Light verbs that make the event in their object future. */
export const FUTURE_LIGHT_VERBS = set(`announce plan schedule propose prepare`);

/** Verbs whose `to`-complement act is announced for the future ("plans to visit"). */
export const FUTURE_CONTROL = set(`plan schedule set due expect prepare intend aim arrange`);

/** Verbs that pass their subject to the act in their complement and add nothing ("tried to reset"). */
export const PASS_CONTROL = set(`
  try attempt continue begin start manage seek decide choose move go come able unable fail hasten rush
  proceed resolve help like want wish
`);

/** Attitude verbs that, in the chain of a first-person subject, are performative ("I want to thank you"). */
export const PERFORMATIVE = set(`like want wish`);

/** Conjunctions and punctuation that coordinate actors into one group. */
export const COORDINATORS = set(`and , & plus`);

export const FIRST_SINGULAR = set(`i me my mine myself`);
export const FIRST_PLURAL = set(`we us our ours ourselves`);
export const SECOND = set(`you your yours yourself yourselves`);
export const THIRD_SINGULAR_PERSON = set(`he him his himself she her hers herself`);
export const THIRD_SINGULAR_THING = set(`it its itself`);
export const THIRD_PLURAL = set(`they them their theirs themselves`);

/** Honorifics that precede a person's name. */
export const HONORIFICS = set(`mr mr. mrs mrs. ms ms. dr dr. sir madam mister`);

/** Determiners that may open an actor's noun phrase. */
export const DETERMINERS = set(`the a an this that these those both all each every its their his her our your`);

/** Words after which a heading-like line is still a heading ("Readout of a Call"). */
export const AUXILIARIES = set(`be am is are was were been being have has had having do does did done get got`);

/** Every verb the grammar lists, so forms the tagger lemmatizes badly can be mapped back. */
export const GRAMMAR_VERBS: ReadonlySet<string> = new Set([
  ...LIGHT_VERBS, ...FUTURE_LIGHT_VERBS, ...FUTURE_CONTROL, ...PASS_CONTROL, ...REPORTING_VERBS, ...ATTITUDE_WORDS,
]);

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dictionaryFromText } from '../../src/coding/dictionary-file.ts';
import { contextIndexFromDictionary, defaultContextIndex, defaultVerbIndex, inflections, verbIndexFromDictionary } from '../../src/coding/verbs.ts';
import { ConfigError } from '../../src/errors.ts';

const HEAD = '# test verbs\nid\tpattern\ttype\tcameo\ttarget\tflags\tcontexts\n';

test('verbs: the shipped dictionaries load and cover every PLOVER type', () => {
  const v = defaultVerbIndex();
  const types = new Set(v.rules.map((r) => r.type));
  assert.equal(types.size, 16);
  assert.ok(v.forms.has('met') && v.forms.has('criticised') && v.forms.has('vetoed') && v.forms.has('withdrew'));
  assert.ok(defaultContextIndex().byFirst.size > 50);
});

test('verbs: a pattern compiles to head, gaps and prepositions', () => {
  const v = verbIndexFromDictionary(dictionaryFromText(`${HEAD}reach\treach ~ agreement|deal\tAGREE\t057\twith|obj\trecip\teconomic\n`, 'v.tsv'));
  const rule = v.rules[0]!;
  assert.deepEqual([...rule.head.words], ['reach']);
  assert.equal(rule.rest.length, 2);
  assert.deepEqual(rule.preps, ['with']);
  assert.equal(rule.object, true);
  assert.ok(rule.flags.has('recip'));
  assert.deepEqual(rule.contexts, ['economic']);
});

const bad: ReadonlyArray<{ name: string; row: string; message: RegExp }> = [
  { name: 'unknown type', row: 'x\thug\tHUG\t010\tobj\t-\t-', message: /unknown PLOVER type/ },
  { name: 'bad cameo', row: 'x\thug\tAGREE\tab\tobj\t-\t-', message: /CAMEO code/ },
  { name: 'unknown flag', row: 'x\thug\tAGREE\t030\tobj\tloud\t-', message: /unknown flag/ },
  { name: 'unknown context', row: 'x\thug\tAGREE\t030\tobj\t-\tweather', message: /unknown context/ },
  { name: 'trailing gap', row: 'x\thug ~\tAGREE\t030\tobj\t-\t-', message: /must not end with a gap/ },
];
for (const c of bad) {
  test(`verbs: rejects ${c.name} with file and line`, () => {
    assert.throws(() => verbIndexFromDictionary(dictionaryFromText(`${HEAD}${c.row}\n`, 'v.tsv')),
      (e: unknown) => e instanceof ConfigError && e.where === 'v.tsv:3' && c.message.test(e.message));
  });
}

test('verbs: duplicate ids are refused', () => {
  const text = `${HEAD}a\tmeet\tCONSULT\t040\tobj\t-\t-\na\tvisit\tCONSULT\t042\tobj\t-\t-\n`;
  assert.throws(() => verbIndexFromDictionary(dictionaryFromText(text, 'v.tsv')), /duplicate id/);
});

const forms: ReadonlyArray<[string, string]> = [
  ['meet', 'met'], ['criticise', 'criticised'], ['criticize', 'criticizing'], ['supply', 'supplied'], ['ban', 'banned'],
  ['agree', 'agreed'], ['visit', 'visiting'], ['withdraw', 'withdrawn'], ['ratify', 'ratifies'], ['sign', 'signs'],
];
for (const [lemma, form] of forms) {
  test(`verbs: ${form} is a form of ${lemma}`, () => assert.ok(inflections(lemma).includes(form)));
}

test('verbs: context phrases with prefixes', () => {
  const c = contextIndexFromDictionary(dictionaryFromText('# ctx\nid\tphrase\tcontexts\nterror\tterror*\tterrorism\nhr\thuman rights\thuman_rights\n', 'c.tsv'));
  assert.equal(c.prefixes.length, 1);
  assert.deepEqual(c.byFirst.get('human')?.[0]?.words, ['human', 'rights']);
  assert.throws(() => contextIndexFromDictionary(dictionaryFromText('# ctx\nid\tphrase\tcontexts\nx\tfoo\tweather\n', 'c.tsv')), /unknown context/);
});

test('verbs: context phrases with stems anywhere and gaps', () => {
  const c = contextIndexFromDictionary(dictionaryFromText('# ctx\nid\tphrase\tcontexts\nadopt\tadopt* ~ child*\thuman_rights\n', 'c.tsv'));
  assert.deepEqual(c.prefixes[0]?.words, ['adopt', '~', 'child']);
  assert.deepEqual(c.prefixes[0]?.stems, [true, false, true]);
  assert.throws(() => contextIndexFromDictionary(dictionaryFromText('# ctx\nid\tphrase\tcontexts\nx\t~ foo\teconomic\n', 'c.tsv')), /a gap/);
});

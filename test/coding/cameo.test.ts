import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cameoFromDictionaries, loadCameo } from '../../src/coding/cameo.ts';
import { dictionaryFromText } from '../../src/coding/dictionary-file.ts';
import { ConfigError } from '../../src/errors.ts';

test('cameo: the shipped dictionaries load, leading zeros kept', () => {
  const cameo = loadCameo();
  assert.deepEqual(cameo.events.get('0834'), { code: '0834', label: 'Accede to demands for change in institutions, regime', type: 'CONCEDE', mode: null, contexts: ['political_institutions'] });
  assert.equal(cameo.events.get('834'), undefined);
  assert.equal(cameo.events.get('163')?.type, 'SANCTION');
  assert.equal(cameo.events.get('020')?.type, 'REQUEST');
  assert.equal(cameo.nonEvents.get('010'), 'Make statement, not specified below');
  assert.equal(cameo.types.get('COP'), 'GOV');
  assert.equal(cameo.types.get('IGO'), 'IGO');
  assert.equal(cameo.groups.get('UNO'), 'UN');
  assert.equal(cameo.groups.get('NAT'), 'NATO');
  for (const root of ['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20']) {
    assert.ok(cameo.events.has(`${root}0`), `root ${root} has its base code`);
  }
});

const ACTORS = '# h, as of 2026\ncode\tfield\tvalue\tlabel\nGOV\ttype\tGOV\tGovernment\n';
const EVENTS_HEAD = '# h, as of 2026\ncode\tlabel\ttype\tmode\tcontexts\n';
const BAD: ReadonlyArray<{ name: string; events: string; actors?: string; where: string; message: RegExp }> = [
  { name: 'a code without its leading zero', events: `${EVENTS_HEAD}42\tMake a visit\tCONSULT\tvisit\tdiplomatic\n`, where: 'cameo.tsv:3', message: /not a CAMEO event code/ },
  { name: 'an unknown type', events: `${EVENTS_HEAD}042\tMake a visit\tVISIT\t-\t-\n`, where: 'cameo.tsv:3', message: /unknown PLOVER type "VISIT"/ },
  { name: 'an unknown context', events: `${EVENTS_HEAD}042\tMake a visit\tCONSULT\t-\tdiplomacy\n`, where: 'cameo.tsv:3', message: /unknown context "diplomacy"/ },
  { name: 'a repeated code', events: `${EVENTS_HEAD}042\tA\tCONSULT\t-\t-\n042\tB\tCONSULT\t-\t-\n`, where: 'cameo.tsv:4', message: /listed twice/ },
  { name: 'a non-event with contexts', events: `${EVENTS_HEAD}010\tStatement\t-\t-\tdiplomatic\n`, where: 'cameo.tsv:3', message: /no mode or contexts/ },
  { name: 'an unknown sector', events: EVENTS_HEAD, actors: '# h, as of 2026\ncode\tfield\tvalue\tlabel\nCOP\ttype\tPOLICE\tPolice\n', where: 'cameo-actors.tsv:3', message: /unknown sector "POLICE"/ },
  { name: 'a header with no date', events: '# covers CAMEO\ncode\tlabel\ttype\tmode\tcontexts\n', where: 'cameo.tsv:1', message: /as of/ },
];
for (const c of BAD) {
  test(`cameo: refuses ${c.name}`, () => {
    assert.throws(
      () => cameoFromDictionaries(dictionaryFromText(c.events, 'cameo.tsv'), dictionaryFromText(c.actors ?? ACTORS, 'cameo-actors.tsv')),
      (e: unknown) => e instanceof ConfigError && e.where === c.where && c.message.test(e.message),
    );
  });
}

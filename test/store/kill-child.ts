// Child process of the kill tests: stores documents (or imports a GDELT file)
// and says "stored N" / "batch N" after each commit, until killed or done.
import { importFeedFile } from '../../src/ingest/feeds.ts';
import { openStore, storeCodedDoc } from '../../src/store/index.ts';
import { codedDocOf } from './fixtures.ts';

const [mode = '', db = '', arg = ''] = process.argv.slice(2);
const store = await openStore(db);
if (mode === 'docs') {
  for (let i = 0; i < Number(arg); i++) {
    const text = Array.from({ length: 20 }, (_, s) => `Document ${i} sentence ${s} says Russia met America.`).join(' ');
    await storeCodedDoc(store, codedDocOf(text, { name: `doc-${i}.txt` }));
    process.stdout.write(`stored ${i + 1}\n`);
  }
} else {
  await importFeedFile(store, 'gdelt', arg, { batchLines: 500, onRows: (rows) => process.stdout.write(`batch ${rows}\n`) });
}
await store.close();
process.stdout.write('done\n');

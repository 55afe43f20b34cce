import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { ConfigError } from '../../src/errors.ts';
import { bindHostFrom, isLoopbackHost, portFrom } from '../../src/server/host.ts';

describe('isLoopbackHost', () => {
  const cases: readonly [string, boolean][] = [
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['10.0.0.1', false],
    ['example.com', false],
    ['128.0.0.1', false],
    ['::ffff:10.0.0.1', false],
  ];
  for (const [host, loopback] of cases) test(`${host} → ${loopback}`, () => assert.equal(isLoopbackHost(host), loopback));
});

describe('bindHostFrom', () => {
  const cases: readonly { flag?: string; env?: string; host?: string; refused?: RegExp }[] = [
    { host: '127.0.0.1' },
    { env: '::1', host: '::1' },
    { env: 'localhost', host: 'localhost' },
    { env: '', host: '127.0.0.1' },
    { env: '0.0.0.0', refused: /refusing to bind to non-loopback address 0\.0\.0\.0: pass --host 0\.0\.0\.0/ },
    { env: '192.168.1.10', refused: /non-loopback/ },
    { flag: '0.0.0.0', host: '0.0.0.0' },
    { flag: '0.0.0.0', env: '127.0.0.1', host: '0.0.0.0' },
    { flag: '127.0.0.1', env: '0.0.0.0', host: '127.0.0.1' },
    { flag: ' ', refused: /empty address/ },
  ];
  for (const c of cases) {
    test(`flag ${c.flag ?? '(none)'}, env ${c.env ?? '(none)'}`, () => {
      if (c.refused) assert.throws(() => bindHostFrom({ flag: c.flag, env: c.env }), (e: unknown) => e instanceof ConfigError && c.refused!.test(e.message));
      else assert.equal(bindHostFrom({ flag: c.flag, env: c.env }), c.host);
    });
  }
});

describe('portFrom', () => {
  const cases: readonly [string | undefined, number | null][] = [
    [undefined, 8723],
    ['0', 0],
    ['8080', 8080],
    ['65535', 65535],
    ['65536', null],
    ['-1', null],
    ['80a', null],
    ['', null],
  ];
  for (const [value, port] of cases) {
    test(`${String(value)} → ${String(port)}`, () => {
      if (port == null) assert.throws(() => portFrom(value), ConfigError);
      else assert.equal(portFrom(value), port);
    });
  }
});

describe('detente serve refuses a non-loopback bind it was not told to make', () => {
  const cli = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });

  for (const command of ['serve', 'start']) {
    test(`${command} with DETENTE_HOST=0.0.0.0 and no --host`, () => {
      const run = cli([command, '--db', ':memory:', '--port', '0'], { DETENTE_HOST: '0.0.0.0' });
      assert.equal(run.status, 2, run.stderr);
      assert.equal(run.stderr.trim().split('\n').length, 1);
      assert.match(run.stderr, /^detente: DETENTE_HOST: refusing to bind to non-loopback address 0\.0\.0\.0/);
      assert.equal(run.stdout, '');
    });
  }

  test('serve with a bad port', () => {
    const run = cli(['serve', '--db', ':memory:', '--port', 'http'], {});
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^detente: --port: not a port number: http\n$/);
  });
});

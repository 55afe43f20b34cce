import { existsSync } from 'node:fs';

/** Debian's Chromium, as CI installs it (`apt-get install chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * The `skip` option of tests that drive Chromium: a reason when it is not
 * installed, so `npm test` passes on a machine without it; false when it is,
 * or when DETENTE_REQUIRE_CHROMIUM=1 (set by `.ci/run`), where a missing
 * Chromium must fail rather than skip.
 */
export const needsChromium: string | false =
  existsSync(CHROMIUM) || process.env['DETENTE_REQUIRE_CHROMIUM'] === '1' ? false : `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;

import { z } from 'zod';
import { CONTEXTS, ORIGINS, PLOVER_TYPES } from '../types.ts';
import { EVENT_SORTS, INTERVALS } from './api-types.ts';

const dyad = z
  .string()
  .regex(/^[A-Z]{2,6}-[A-Z]{2,6}$/, 'a dyad is two actor codes joined by a dash (USA-RUS)')
  .refine((d) => d.split('-')[0] !== d.split('-')[1], 'a dyad needs two different actors');
const isoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD');
const theater = z.string().regex(/^[\p{L} .'()-]{1,60}$/u, 'a theater is a country code or a region name');
const docId = z.string().regex(/^[0-9a-f]{64}$/, 'a document id is a sha256 in hex');
const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const period = { from: isoDate.optional(), to: isoDate.optional() };

/** `/api/overview` */
export const overviewQuery = z.strictObject({
  dyad,
  interval: z.enum(INTERVALS).default('month'),
  ...period,
});

/** `/api/matrix` */
export const matrixQuery = z.strictObject({
  dyad,
  by: z.enum(['context', 'theater']).default('context'),
  ...period,
});

/** `/api/events` */
export const eventsQuery = z.strictObject({
  dyad,
  type: z.enum(PLOVER_TYPES).optional(),
  context: z.enum(CONTEXTS).optional(),
  theater: theater.optional(),
  ...period,
  direction: z.enum(['both', 'ab', 'ba']).default('both'),
  polarity: z.enum(['all', 'cooperation', 'conflict']).default('all'),
  scope: z.enum(['all', 'counted']).default('all'),
  origin: z.enum(ORIGINS).optional(),
  doc: docId.optional(),
  sort: z.enum(EVENT_SORTS).default('date'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: intParam(1, 1_000_000).default(1),
  size: intParam(1, 200).default(50),
});

/** `/api/third-parties` */
export const thirdPartiesQuery = z.strictObject({ dyad, ...period });

/** `POST /api/documents` */
export const uploadQuery = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0\r\n]+$/, 'a file name without slashes'),
  date: isoDate.optional(),
});

export const eventId = z.string().regex(/^[0-9A-Za-z_:.-]{1,80}$/, 'an event id');
export const jobId = z.string().regex(/^[0-9a-f]{16}$/, 'a job id');
export const emptyQuery = z.strictObject({});

export type OverviewQuery = z.infer<typeof overviewQuery>;
export type MatrixQuery = z.infer<typeof matrixQuery>;
export type EventsQuery = z.infer<typeof eventsQuery>;
export type ThirdPartiesQuery = z.infer<typeof thirdPartiesQuery>;

/** One line naming the first bad parameter and what was expected. */
export function oneLineIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue == null) return 'bad parameters';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'parameters';
  if (issue.code === 'unrecognized_keys') return `unknown parameter: ${issue.keys.join(', ')}`;
  return `${where}: ${issue.message}`;
}

import { z } from 'zod';

/** One page of a listing: `GET /api/runs`, `/api/jobs`, `/api/schedules`, `/api/audit`, a run's logs. */
export function pageSchema<TItem extends z.ZodType>(item: TItem) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

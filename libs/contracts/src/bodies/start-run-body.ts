import { z } from 'zod';
import { jsonObjectOf } from '../schemas/json-schemas';

const RUN_TIMEOUT = 'must be a whole number of seconds, at least 1';

/**
 * The body of `POST /api/jobs/{jobId}/runs`. `data` is only checked for being an object here: the scheduler
 * checks it against the job's variables.
 */
export const startRunBodySchema = z.strictObject({
  data: jsonObjectOf('must be an object of variable values')
    .default(() => ({}))
    .meta({
      description:
        "Values of the job's variables. As multipart/form-data, every field is a text part (data as JSON text) and each file variable's upload is a file part of its name",
      example: { name: 'yard', count: 3 },
    }),
  commit: z.boolean({ error: 'must be true or false' }).optional().meta({ description: "False for a dry run; absent: the job's default" }),
  queue: z.string({ error: 'must be a queue name' }).optional().meta({ description: "Absent: the job's default queue" }),
  runTimeoutSeconds: z
    .number({ error: RUN_TIMEOUT })
    .int({ error: RUN_TIMEOUT })
    .min(1, { error: RUN_TIMEOUT })
    .optional()
    .meta({ description: "Lowers the job's whole-run timeout for this run, never raises it" }),
  startAt: z.string({ error: 'must be an ISO 8601 date and time' }).optional().meta({ format: 'date-time', description: 'Start later: the run is scheduled until then' }),
  runAs: z
    .string({ error: 'must be a username' })
    .refine((username) => username.trim() !== '', { error: 'must be a username' })
    .optional()
    .meta({ description: 'Administrators only: the username the run acts as (context.runAs, its permissions)' }),
});
/** What the API reads. */
export type StartRunBody = z.output<typeof startRunBodySchema>;
/** What a client sends. */
export type StartRunRequest = z.input<typeof startRunBodySchema>;

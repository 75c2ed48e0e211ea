import { collectionPlanBodySchema, openApiSchemaOf, PLAN_STATUSES } from '@yardmaster/contracts';

type JsonSchema = Record<string, unknown>;

/** A create's or a replace's body; a patch takes any of its fields. */
export const COLLECTION_PLAN_INPUT_SCHEMA: JsonSchema = openApiSchemaOf(collectionPlanBodySchema, 'input');

const BODY_OUTPUT = openApiSchemaOf(collectionPlanBodySchema, 'output') as { properties?: JsonSchema; required?: string[] };

/** A plan as answered: its body, its status (from its last run), its last run and its schedule. */
export const COLLECTION_PLAN_VIEW_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    ...BODY_OUTPUT.properties,
    status: { type: 'string', enum: PLAN_STATUSES, description: "From the last run: new, queued, working, completed, failed, or stalled (the reconciler found its workflow gone)" },
    lastRunId: { type: 'string', format: 'uuid', nullable: true },
    scheduleId: { type: 'string', nullable: true, description: 'The schedule that starts a run every intervalMinutes (GET /api/schedules/{id})' },
    createdBy: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

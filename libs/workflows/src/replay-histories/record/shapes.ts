import { CONCURRENCY_SHAPES } from './concurrency.shapes';
import { RUN_ENDING_SHAPES } from './run-endings.shapes';
import { RUN_INPUT_SHAPES } from './run-inputs.shapes';
import { SCHEDULED_RUN_SHAPES } from './scheduled-run.shapes';
import type { Shape } from './shape';
import { STEP_ATTEMPT_SHAPES } from './step-attempts.shapes';

/** Every shape of run the workflows have: a new branch in workflow code wants a shape here, and a recording. */
export const SHAPES: readonly Shape[] = [...RUN_ENDING_SHAPES, ...STEP_ATTEMPT_SHAPES, ...RUN_INPUT_SHAPES, ...CONCURRENCY_SHAPES, ...SCHEDULED_RUN_SHAPES];

/**
 * For services a benchmark starts beside a running stack: without it they would take `npm start`'s default metrics
 * ports (9461-9464) and fail with EADDRINUSE. Port 0 turns a service's /metrics off.
 */
export const METRICS_OFF = Object.freeze({
  YARD_API_METRICS_PORT: '0',
  YARD_SCHEDULER_METRICS_PORT: '0',
  YARD_COLLECTOR_METRICS_PORT: '0',
  YARD_PROJECTION_METRICS_PORT: '0',
});

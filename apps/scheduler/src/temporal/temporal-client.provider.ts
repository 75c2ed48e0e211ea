import { createRequire } from 'node:module';
import type * as TemporalTracing from '@temporalio/interceptors-opentelemetry';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { TemporalConfig } from '@yardmaster/config';
import { temporalErrorKindOf, type TemporalMetrics } from '../metrics/temporal-metrics';
import { ensureSearchAttributes } from './ensure-search-attributes';
import { temporalCommandScopes } from './temporal-command-scope';
import { isTemporalUnreachable, temporalUnavailable, type TemporalCommandOutcome } from './temporal-unreachable';

/** Below the API's health ping timeout (1.5 s). */
const HEALTH_CHECK_TIMEOUT_MS = 1_000;

/** The scheduler's Temporal client. Connects lazily, so the scheduler starts (and says so) while Temporal is down. */
@Injectable()
export class TemporalClientProvider implements OnApplicationShutdown {
  private readonly logger = new Logger(TemporalClientProvider.name);
  private client: Promise<Client> | null = null;

  constructor(
    private readonly config: TemporalConfig,
    /** How long one command's Temporal calls may take: shorter than the API's wait, so the API hears why. */
    private readonly callTimeoutMs = 5_000,
    /** Told of each call that failed in Temporal (the scheduler's /metrics). */
    private readonly metrics?: TemporalMetrics,
    /** Tracing is on: a workflow start carries the command's trace to the workflow in its Temporal headers. */
    private readonly traced = false,
  ) {}

  get address(): string {
    return this.config.address;
  }

  get(): Promise<Client> {
    this.client ??= Connection.connect({ address: this.config.address, connectTimeout: Math.min(5_000, this.callTimeoutMs) })
      .then(async (connection) => {
        const added = await ensureSearchAttributes(connection, this.config.namespace);
        if (added.length > 0) this.logger.log({ searchAttributes: added, namespace: this.config.namespace }, 'Registered search attributes');
        const interceptors = this.traced ? { workflow: [new (tracingInterceptors().OpenTelemetryWorkflowClientInterceptor)()] } : undefined;
        return new Client({ connection, namespace: this.config.namespace, interceptors });
      })
      .catch((error: unknown) => {
        this.client = null;
        this.metrics?.failed('connect');
        throw error;
      });
    return this.client;
  }

  /** The client, or SERVICE_UNAVAILABLE naming Temporal's address: nothing was sent, so nothing took effect. */
  async getOrUnavailable(doing = 'the request', outcome: TemporalCommandOutcome = { applied: false }): Promise<Client> {
    return this.get().catch(() => {
      throw temporalUnavailable(this.config.address, doing, outcome);
    });
  }

  /**
   * Runs a command's Temporal calls under one deadline: while Temporal is down they fail within `callTimeoutMs`
   * (SERVICE_UNAVAILABLE naming it) instead of waiting for it to come back after the client has given up.
   * `onUnreachable` settles what became of the run it starts: not started (false), unknown (null), or started after
   * all (`{ value }`, returned as the calls' own result); without it, that is unknown.
   */
  async call<T>(doing: string, calls: (client: Client) => Promise<T>, onUnreachable?: () => Promise<false | null | { readonly value: T }>): Promise<T> {
    const client = await this.getOrUnavailable(doing, { started: false });
    try {
      return await client.withDeadline(Date.now() + this.callTimeoutMs, () => calls(client));
    } catch (error) {
      this.countFailure(error);
      if (!isTemporalUnreachable(error)) throw error;
      const settled = onUnreachable ? await onUnreachable() : null;
      if (settled !== null && settled !== false) return settled.value;
      throw temporalUnavailable(this.config.address, doing, { started: settled });
    }
  }

  /**
   * Runs a command that makes several Temporal calls (each through `rpc`), so that a 503 names the command and
   * says honestly whether it took effect: not at all while no change was sent, unknown once one was.
   */
  command<T>(doing: string, work: () => Promise<T>): Promise<T> {
    return temporalCommandScopes.run({ doing, changeSent: false }, work);
  }

  /**
   * One Temporal call under its own deadline (`callTimeoutMs`, plus `extraMs` for a call that waits on purpose),
   * so a command answers quickly while Temporal is down. `change`: the call may change something in Temporal.
   */
  async rpc<T>(kind: 'read' | 'change', calls: (client: Client) => Promise<T>, extraMs = 0): Promise<T> {
    const scope = temporalCommandScopes.getStore();
    const doing = scope?.doing ?? 'the request';
    const client = await this.getOrUnavailable(doing, { applied: scope?.changeSent ? null : false });
    if (kind === 'change' && scope) scope.changeSent = true;
    try {
      return await client.withDeadline(Date.now() + this.callTimeoutMs + extraMs, () => calls(client));
    } catch (error) {
      this.countFailure(error);
      if (!isTemporalUnreachable(error)) throw error;
      const changeSent = kind === 'change' || (scope?.changeSent ?? false);
      throw temporalUnavailable(this.config.address, doing, { applied: changeSent ? null : false });
    }
  }

  /** Quick, so that a health ping hears the scheduler (ok) and Temporal (down) apart within its own timeout. */
  async isHealthy(): Promise<boolean> {
    try {
      const client = await this.get();
      await client.withDeadline(Date.now() + Math.min(this.callTimeoutMs, HEALTH_CHECK_TIMEOUT_MS), () => client.workflowService.getSystemInfo({}));
      return true;
    } catch {
      return false;
    }
  }

  private countFailure(error: unknown): void {
    const kind = temporalErrorKindOf(error);
    if (kind) this.metrics?.failed(kind);
  }

  async onApplicationShutdown(): Promise<void> {
    const client = await this.client?.catch(() => null);
    await client?.connection.close();
  }
}

/**
 * Temporal's OpenTelemetry interceptors, loaded only when tracing is on: they load the OpenTelemetry SDK, about 17 MB
 * of resident memory a scheduler without tracing never uses (README, "Memory").
 */
function tracingInterceptors(): typeof TemporalTracing {
  return createRequire(__filename)('@temporalio/interceptors-opentelemetry') as typeof TemporalTracing;
}

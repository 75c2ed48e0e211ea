import type { ServiceName, ServiceProcess } from '../service-processes';

/**
 * What the chaos tools need of a running Yardmaster (the e2e suite's `YardmasterStack` is one): its API, an
 * administrator's token to read every run, its Temporal, and its service processes to kill and start again.
 */
export interface ChaosTarget {
  readonly apiUrl: string;
  readonly adminToken: string;
  readonly dependencies: { readonly temporalAddress: string };
  /** By name (`api`, `scheduler`, `collector`, `projection`), or `collector:<id>` for further collectors. */
  service(name: string): ServiceProcess;
  startService(name: ServiceName): ServiceProcess;
  startCollector(collectorId: string): ServiceProcess;
}

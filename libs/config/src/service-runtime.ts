import { setFlagsFromString } from 'node:v8';

/**
 * How every launcher starts a service's Node process (`npm start` in tools/stack/services.mjs, the tests'
 * ServiceProcess, the image's NODE_OPTIONS and MALLOC_ARENA_MAX in the Dockerfile): the same memory settings
 * everywhere, so that what the tests run is what is measured and shipped (README, "Memory").
 */

/**
 * V8's young generation capped at 2 MB a semi-space (default 16). The new space grows to its cap in the start-up
 * burst and under load: 32 MB of every service's RSS 20 s after its start (measured: new space 32 MB committed, 4
 * to 13 MB used, in each of the four), of which V8's memory reducer gives some back only after a while of quiet.
 * A scavenge of 2 MB takes well under a millisecond; RSS 20 s after start fell by 25 to 40 MB per service. 1 MB saved about 5 MB more per service, but doubles the scavenges under load (not measured); 2 MB is
 * the middle of the two.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];

/**
 * glibc's malloc, twice:
 * - `MALLOC_ARENA_MAX`: glibc gives each thread that allocates its own malloc arena (up to 8 per core), and each keeps
 *   what it freed. The collector has 16 threads (Temporal's Rust core, libuv, V8); two arenas held its idle RSS about
 *   10 MB lower (one arena, a few MB less again, would serialise every thread's malloc on one lock).
 * - `MALLOC_MMAP_THRESHOLD_`: a block of 128 KiB or more is mapped on its own and given back to the system when freed.
 *   That is glibc's starting threshold, but glibc raises it to the size of each mapped block that is freed (up to 32 MB),
 *   so after the large blocks of start-up, blocks of that size came from the arenas instead, and stayed there once
 *   freed. Setting the variable fixes the threshold. Fixed at 128 KiB, the collector idled 5 to 8 MB
 *   lower (134 against 139 to 143 MB in `npm run bench:memory`, December 2, 2026), the others 1 to 3 MB. Not 64 KiB:
 *   every socket read allocates 64 KiB first, and each would become a map and an unmap.
 */
export const SERVICE_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };

/**
 * How much V8 lets the old generation grow past what survived its last full collection before it collects again
 * (`--heap-growing-percent`; by default V8 picks a factor of up to 4 when collections are cheap). A service that
 * carries a stream of short-lived data (the collector's log path: each waiting entry survives a few scavenges and is
 * promoted, then dies) otherwise piles up promoted garbage: the collector rose from ~150 MB to ~360 MB RSS while a job
 * wrote 100,000 lines, and stays near its idle figure with this (README, "Memory"). The flag is not allowed in
 * NODE_OPTIONS, so the service sets it itself as it starts; V8 reads it at each full collection.
 */
export const SERVICE_HEAP_GROWING_PERCENT = 50;

export function limitHeapGrowth(percent = SERVICE_HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}

import type { Principal } from '@yardmaster/contracts';

/** The name a command, its events and the runs it starts carry for the user who asked: their username. */
export function actorOf(principal: Principal): string {
  return principal.username;
}

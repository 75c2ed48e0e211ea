import { SnmpError, type SnmpSession } from '@yardmaster/snmp';

/** SNMPv2-MIB sysObjectID.0: every agent has it, and one GET of it is the cheapest proof that one answers. */
const SYS_OBJECT_ID = '1.3.6.1.2.1.1.2.0';

/**
 * SNMP over UDP has no connection to refuse: an address that cannot be reached is one that never answers. An agent
 * that answers with an authentication failure or an error was reached.
 */
export function isSnmpUnreachable(error: unknown): boolean {
  return error instanceof SnmpError && error.code === 'SNMP_TIMEOUT';
}

/**
 * Proves that an agent answers on the session's address before the collectors use it, so a plan with a fallback
 * target knows whether to dial the next address; closes the session when it does not (or on `signal`'s abort, which
 * ends the pending request at once).
 */
export async function proveSnmpAnswers(session: SnmpSession, signal: AbortSignal): Promise<SnmpSession> {
  let open = true;
  const close = () => {
    if (open) session.close();
    open = false;
  };
  signal.addEventListener('abort', close);
  try {
    await session.get([SYS_OBJECT_ID]);
    return session;
  } catch (error) {
    close();
    throw error;
  } finally {
    signal.removeEventListener('abort', close);
  }
}

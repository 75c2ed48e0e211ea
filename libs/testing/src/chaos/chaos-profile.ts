/**
 * The chaos suites run small in CI (`reduced`) and large from `npm run chaos` / `npm run chaos:deps`, which set
 * `YARD_CHAOS_PROFILE=full`. `YARD_CHAOS_REPORT` names a file the suite writes its table to.
 */
export type ChaosProfile = 'reduced' | 'full';

export function chaosProfile(): ChaosProfile {
  return process.env.YARD_CHAOS_PROFILE === 'full' ? 'full' : 'reduced';
}

/** ifSpeed's ceiling: an interface faster than 4.29 Gbit/s reports this and its real speed in ifHighSpeed. */
const IF_SPEED_SATURATED = 4_294_967_295;

/**
 * Speed in kbit/s from ifSpeed (bit/s) and ifHighSpeed (Mbit/s): ifHighSpeed when ifSpeed is saturated or missing,
 * else ifSpeed. Null when neither is known.
 */
export function speedKbps(ifSpeed: number | null, ifHighSpeed: number | null): number | null {
  if (ifHighSpeed !== null && (ifSpeed === null || ifSpeed >= IF_SPEED_SATURATED)) return ifHighSpeed * 1000;
  if (ifSpeed !== null) return Math.round(ifSpeed / 1000);
  return null;
}

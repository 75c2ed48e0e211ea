/**
 * The messages of a batch with each event id once, at its first position: a publisher's retry that slipped past
 * the stream's duplicate window is the same event, applied once.
 */
export function firstOfEachEvent<TMessage extends { readonly event: { readonly id: string } }>(messages: readonly TMessage[]): TMessage[] {
  const seen = new Set<string>();
  return messages.filter(({ event }) => {
    if (seen.has(event.id)) return false;
    seen.add(event.id);
    return true;
  });
}

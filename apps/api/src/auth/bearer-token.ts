/** The token of an `Authorization: Bearer <token>` header; null when there is none (or another scheme). */
export function bearerTokenOf(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

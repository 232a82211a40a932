/** Whether an address may receive import emails under a workspace's allow-list: its exact address, or its domain as `@domain`. */
export function isAllowedBy(entries: readonly string[], email: string): boolean {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 1) return false;
  const domain = address.slice(at);
  return entries.some((e) => e === address || e === domain);
}

/** The entry that allows the address's whole domain ("@acme.com"), or null for a malformed address. */
export function domainEntry(email: string): string | null {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  return at < 1 || at === address.length - 1 ? null : address.slice(at);
}

/** The dev server's outbox of sent emails (wrangler's local send_email), awaited: emails go out through the events queue, just after an import ends. */
export interface SentMail {
  subject: string;
  to: string[];
  messageId: string;
}

export async function awaitMail(base: string, match: (m: SentMail) => boolean, timeoutMs = 30_000): Promise<SentMail | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const listing = (await (await fetch(`${base}/cdn-cgi/local/explorer/api/local/email/sending`)).json()) as { result: SentMail[] };
    const found = listing.result.find(match);
    if (found || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
}

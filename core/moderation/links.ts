/**
 * Links in chat: URLs, bare domains (bit.ly/…, open.kakao.com/…) and www. addresses.
 * A link whose host is on the broadcast's allow-list (the shop's own domains, or a
 * sub-domain of one) is fine; any other link holds the chat as spam.
 */
const LINK =
  /(?:https?:\/\/|www\.)[^\s<>"']+|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|kr|me|ly|gl|io|shop|xyz|top|do|to|link|site|store|club|info|biz|co|cc|gg|tv|app|page|bet|vip|win|live|ai|us|asia|one|ng|in|ws|pw|ru|cn|jp|vn|tk|ml|ga|cf|gq|online|click|fun|icu|cam|space|website|su|la|ee|is)(?![a-z0-9])(?:\/[^\s]*)?/gi;

/** Lower-cased host of a link text (`https://Bit.ly/x` → `bit.ly`). */
export function hostOf(link: string): string {
  return link
    .replace(/^[a-z]+:\/\//i, "")
    .split(/[/?#:]/)[0]!
    .toLowerCase()
    .replace(/\.$/, "");
}

/** Whether `host` is `domain` or one of its sub-domains. */
export function hostAllowed(host: string, allowList: readonly string[]): boolean {
  for (const d of allowList) {
    const domain = d.toLowerCase().replace(/^\*?\./, "");
    if (host === domain || host.endsWith(`.${domain}`)) return true;
  }
  return false;
}

/** Links of `text` whose hosts are not allowed. */
export function disallowedLinks(text: string, allowList: readonly string[]): string[] {
  return linksOf(text, allowList).disallowed;
}

/** The links of `text`, split by whether the allow-list allows them. */
export function linksOf(text: string, allowList: readonly string[]): { allowed: string[]; disallowed: string[] } {
  const allowed: string[] = [],
    disallowed: string[] = [];
  for (const m of text.matchAll(LINK)) {
    const host = hostOf(m[0]);
    if (!/[a-z]/.test(host)) continue; // 1.5 or 3.14: a number, not a domain
    (hostAllowed(host, allowList) ? allowed : disallowed).push(m[0]);
  }
  return { allowed, disallowed };
}

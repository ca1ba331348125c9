/**
 * The key per-address viewer limits count under. An IPv4 address is itself; an IPv6 address is
 * its /64 prefix, since one subscriber usually holds a whole /64 and could otherwise open
 * sockets from 2^64 addresses. IPv4-mapped IPv6 (`::ffff:a.b.c.d`) counts as the IPv4 address.
 * Anything unparseable is kept as given (bounded), so it still counts against itself.
 */
export function viewerAddressKey(ip: string): string {
  const trimmed = ip.trim().slice(0, 100);
  if (!trimmed.includes(":")) return trimmed;
  const groups = ipv6Groups(trimmed.replace(/^\[|\]$/g, "").split("%")[0]!);
  if (!groups) return trimmed.toLowerCase();
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) return `${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a dotted IPv4 tail folded in), or null. */
function ipv6Groups(text: string): number[] | null {
  let tail: number[] = [];
  let body = text;
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(body);
  if (v4) {
    const bytes = v4.slice(1).map(Number);
    if (bytes.some((b) => b > 255)) return null;
    tail = [(bytes[0]! << 8) | bytes[1]!, (bytes[2]! << 8) | bytes[3]!];
    body = body.slice(0, v4.index);
    if (!body.endsWith("::")) {
      if (!body.endsWith(":")) return null;
      body = body.slice(0, -1);
    }
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) =>
    part === "" ? [] : part.split(":").map((h) => (/^[0-9a-f]{1,4}$/i.test(h) ? parseInt(h, 16) : NaN));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const want = 8 - tail.length;
  if ([...head, ...rest].some(Number.isNaN)) return null;
  if (halves.length === 1 && head.length !== want) return null;
  if (halves.length === 2 && head.length + rest.length > want - 1) return null;
  const zeros = halves.length === 2 ? Array(want - head.length - rest.length).fill(0) : [];
  return [...head, ...zeros, ...rest, ...tail];
}

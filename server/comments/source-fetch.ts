/**
 * Reading a page at a URL someone gave, without letting them point the server at its own network.
 * The address is checked when the connection is made (a `lookup` given to node:http), so the address
 * checked is the address connected to: a name that resolves to a public address for a check and to
 * a private one for the fetch (DNS rebinding) gets nowhere. Addresses written in the URL are checked
 * before, as node:http connects to them without a lookup.
 */
import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { ipv6Groups } from '../http.js';

const private4 = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 3], // multicast, reserved and broadcast
] as const) {
  private4.addSubnet(net, bits, 'ipv4');
}

/** IPv6 unicast on the Internet is 2000::/3, less these (protocol assignments with Teredo, documentation). */
const global6 = new BlockList();
global6.addSubnet('2000::', 3, 'ipv6');
const special6 = new BlockList();
for (const [net, bits] of [['2001::', 23], ['2001:db8::', 32], ['3fff::', 20]] as const) special6.addSubnet(net, bits, 'ipv6');

/**
 * Whether an address is not on the public Internet. IPv6 addresses that carry an IPv4 address
 * (IPv4-mapped ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by it; other IPv6
 * addresses are public only in 2000::/3, so local NAT64 (64:ff9b:1::/48), IPv4-compatible,
 * discard, unique-local, link- and site-local and multicast addresses are not.
 */
export function isPrivateAddress(address: string): boolean {
  const v = isIP(address);
  if (v === 4) return private4.check(address, 'ipv4');
  if (v !== 6) return true;
  const g = ipv6Groups(address);
  const v4 = (hi: number, lo: number) => isPrivateAddress(`${g[hi]! >> 8}.${g[hi]! & 255}.${g[lo]! >> 8}.${g[lo]! & 255}`);
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && g[5] === 0xffff) return v4(6, 7);
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return v4(6, 7);
  if (g[0] === 0x2002) return v4(1, 2);
  return !global6.check(address, 'ipv6') || special6.check(address, 'ipv6');
}

export class PrivateAddressError extends Error {
  constructor(host: string) {
    super(`${host} is not on a public address`);
  }
}

/**
 * node:http's `lookup`: resolves as usual, and fails with a PrivateAddressError when any address
 * found is private (all of them are, as the connection may try each).
 */
export const publicLookup: LookupFunction = (hostname: string, options: LookupOptions, callback) => {
  lookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '');
    if (!addresses.length || addresses.some((a) => isPrivateAddress(a.address))) return callback(new PrivateAddressError(hostname), '');
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

export interface GetOptions {
  /** Connect to private addresses too. */
  allowPrivate?: boolean | undefined;
  signal: AbortSignal;
  headers: Record<string, string>;
}

/** GETs `url` on a connection of its own (no pooled socket is shared with another check); the response, its body unread. */
export function getPage(url: URL, o: GetOptions): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!o.allowPrivate && isIP(host) && isPrivateAddress(host)) return Promise.reject(new PrivateAddressError(host));
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      agent: false,
      headers: o.headers,
      signal: o.signal,
      ...(o.allowPrivate ? {} : { lookup: publicLookup }),
    });
    req.on('response', resolve).on('error', reject).end();
  });
}

/** The body as text, of which at most `limit` bytes are read (a link past them does not count). */
export async function readLimited(res: IncomingMessage, limit: number): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    text += decoder.decode(chunk.subarray(0, limit - size), { stream: true });
    size += chunk.byteLength;
    if (size >= limit) break; // leaving the loop destroys the response
  }
  return text + decoder.decode();
}

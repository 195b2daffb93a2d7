/**
 * Mail in tests, through a real SMTP server: `smtpCapture()` listens on 127.0.0.1 (smtp-server) and keeps
 * what arrives; `textOf` reads a received message (test/server/smtp.test.ts, the console's e2e).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** An SMTP server on 127.0.0.1 that keeps every mail; `refused` addresses get a 550 at RCPT TO. */
export async function smtpCapture() {
  const inbox: Received[] = [];
  const refused = new Set<string>();
  let arrived: (() => void) | undefined;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo: (address, _session, callback) => callback(refused.has(address.address) ? new Error('550 no such mailbox') : undefined),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        arrived?.();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    port: (smtp.server.address() as AddressInfo).port,
    inbox,
    refused,
    /** Resolves when the next mail has arrived. */
    next: () => new Promise<void>((resolve) => (arrived = resolve)),
    /** The first mail to `to`, waited for up to 10 s. */
    async mailTo(to: string): Promise<Received> {
      for (let i = 0; i < 100; i++) {
        const m = inbox.find((x) => x.to.includes(to));
        if (m) return m;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no mail to ${to}; inbox: ${inbox.map((m) => m.to.join()).join('; ')}`);
    },
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/** The text part of a simple single-part message, decoded (quoted-printable or base64). */
export function textOf(raw: string): { headers: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return { headers, text: Buffer.from(body, 'base64').toString('utf8') };
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return { headers, text: Buffer.from(bytes, 'latin1').toString('utf8') };
  }
  return { headers, text: body };
}

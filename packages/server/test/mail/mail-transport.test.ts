import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileOutboxTransport, mailTransportFor, type OutgoingMail, PermanentMailError, SmtpTransport } from '../../src/mail/mail-transport.js';
import { SmtpPeer } from '../support/smtp-peer.js';

const mail = (to: string): OutgoingMail => ({
  from: { name: 'Plaudit Shop', address: 'reviews@shop.example.com' },
  to,
  subject: 'How was your mug?',
  text: 'Tell us in one click.',
  html: '<p>Tell us in one click.</p>',
  headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
});

describe('SMTP transport', () => {
  const peer = new SmtpPeer();
  beforeAll(() => peer.start());
  afterAll(() => peer.stop());

  it('delivers subject, both bodies and the extra headers to a real SMTP server', async () => {
    const transport = new SmtpTransport(peer.url);
    await transport.send(mail('ann@example.com'));
    transport.close();
    const [received] = peer.to('ann@example.com');
    expect(received?.subject).toBe('How was your mug?');
    expect(received?.text?.trim()).toBe('Tell us in one click.');
    expect(received?.html).toContain('<p>Tell us in one click.</p>');
    expect(received?.headerLines.find((line) => line.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });

  it('makes a 5xx refusal permanent and leaves a 4xx one retryable', async () => {
    peer.refuse.set('gone@example.com', 550);
    peer.refuse.set('busy@example.com', 451);
    const transport = new SmtpTransport(peer.url);
    await expect(transport.send(mail('gone@example.com'))).rejects.toBeInstanceOf(PermanentMailError);
    const temporary = await transport.send(mail('busy@example.com')).catch((error: unknown) => error);
    expect(temporary).toBeInstanceOf(Error);
    expect(temporary).not.toBeInstanceOf(PermanentMailError);
    transport.close();
  });

  // The crash tests SIGKILL the mailer while it hands a message over; the peer must take the reset
  // it sees in the middle of DATA as a connection error, not as an exception in the test process.
  it('takes a sender that resets its connection in the middle of a message as a connection error', async () => {
    const socket = net.connect(Number(new URL(peer.url).port), '127.0.0.1');
    const replies: string[] = [];
    socket.setEncoding('utf8').on('data', (chunk: string) => replies.push(chunk));
    const waitForReply = async (code: string) => expect.poll(() => replies.join('')).toMatch(new RegExp(`^${code} `, 'm'));
    await waitForReply('220');
    for (const [command, code] of [['EHLO sender.example.com', '250'], ['MAIL FROM:<shop@example.com>', '250'], ['RCPT TO:<cut@example.com>', '250'], ['DATA', '354']] as const) {
      replies.length = 0;
      socket.write(`${command}\r\n`);
      await waitForReply(code);
    }
    await new Promise((resolve) => socket.write('Subject: cut short\r\n\r\nHalf a mess', resolve));
    // A reset in the same turn as the write can overtake its bytes, and a reset before any message
    // byte arrived is a quiet close to smtp-server; the kill the test stands for lands mid-message.
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.resetAndDestroy();
    await expect.poll(() => peer.connectionErrors.map((error) => (error as NodeJS.ErrnoException).code)).toContain('ECONNRESET');
    expect(peer.to('cut@example.com')).toEqual([]);
  });
});

describe('file outbox transport', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plaudit-mail-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is what runs without SMTP_URL, and writes each message as an .eml file', async () => {
    const transport = mailTransportFor({ smtpUrl: null, dataDir });
    expect(transport).toBeInstanceOf(FileOutboxTransport);
    await transport.send(mail('bob@example.com'));
    await transport.send(mail('cy@example.com'));
    const files = readdirSync(path.join(dataDir, 'outbox'));
    expect(files).toHaveLength(2);
    expect(files.every((file) => file.endsWith('.eml'))).toBe(true);
    const texts = files.map((file) => readFileSync(path.join(dataDir, 'outbox', file), 'utf8'));
    expect(texts.some((text) => text.includes('To: bob@example.com'))).toBe(true);
    expect(texts.every((text) => text.includes('Subject: How was your mug?'))).toBe(true);
  });

  it('uses SMTP when SMTP_URL is set', () => {
    const transport = mailTransportFor({ smtpUrl: 'smtp://127.0.0.1:2525', dataDir });
    expect(transport).toBeInstanceOf(SmtpTransport);
    transport.close();
  });
});

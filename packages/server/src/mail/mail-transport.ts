import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** A refusal the sender must not retry (SMTP 5xx), as opposed to a temporary failure. */
export class PermanentMailError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentMailError';
  }
}

/** The mail port (conventions §6): real SMTP in production, .eml files on the embedded default. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

function message(mail: OutgoingMail) {
  return { from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers };
}

/** SMTP through nodemailer; 5xx answers become PermanentMailError, anything else stays retryable. */
export class SmtpTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(url: string) {
    this.transporter = nodemailer.createTransport(url);
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transporter.sendMail(message(mail));
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (code !== undefined && code >= 500) throw new PermanentMailError(`SMTP ${code}: ${(error as Error).message}`);
      throw error;
    }
  }

  /** Connects and greets the server without sending anything (plaudit doctor). */
  async verify(): Promise<void> {
    await this.transporter.verify();
  }

  close(): void {
    this.transporter.close();
  }
}

/** With no SMTP server configured, each message becomes a .eml file a person can open. */
export class FileOutboxTransport implements MailTransport {
  private readonly transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(private readonly directory: string) {}

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.transporter.sendMail(message(mail))) as { message: Buffer };
    await mkdir(this.directory, { recursive: true });
    await writeFile(path.join(this.directory, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`), info.message);
  }

  close(): void {}
}

export function mailTransportFor(config: { smtpUrl: string | null; dataDir: string }): MailTransport {
  return config.smtpUrl ? new SmtpTransport(config.smtpUrl) : new FileOutboxTransport(path.join(config.dataDir, 'outbox'));
}

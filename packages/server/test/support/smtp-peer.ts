import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback (smtp-server), as the test peer of the e-mail worker: it parses
 * what it accepts, and refuses recipients with the SMTP code a test chooses.
 */
export class SmtpPeer {
  readonly messages: ParsedMail[] = [];
  /** Recipient address → SMTP code to refuse it with (4xx temporary, 5xx permanent). */
  readonly refuse = new Map<string, number>();
  /** Milliseconds to wait before accepting a message (a slow server widens the crash window). */
  acceptDelayMs = 0;
  /** Connection errors the server reported, such as a client reset in the middle of a message. */
  readonly connectionErrors: Error[] = [];
  private server: SMTPServer | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const code = this.refuse.get(address.address.toLowerCase());
        if (code === undefined) return callback();
        callback(Object.assign(new Error(`refused by the test (${code})`), { responseCode: code }));
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            this.messages.push(mail);
            setTimeout(callback, this.acceptDelayMs);
          },
          (error: Error) => callback(error),
        );
      },
    });
    // A client that dies mid-message (the crash tests SIGKILL the worker on purpose) resets its
    // socket inside a transaction, which smtp-server reports as an 'error' event; unheard, that
    // event would throw in the test process. The peer keeps it for tests to look at instead.
    this.server.on('error', (error) => this.connectionErrors.push(error));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as { port: number };
    this.url = `smtp://127.0.0.1:${port}/?ignoreTLS=true`;
    return this;
  }

  to(address: string): ParsedMail[] {
    return this.messages.filter((mail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to?.value.some((v) => v.address === address)));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { Environment } from '@lotse/config';
import { ReferralMail } from './referral-mail';

/**
 * Delivers referral e-mails through SMTP (MAIL_TRANSPORT=smtp), or only logs that one would have
 * gone out (MAIL_TRANSPORT=log, the default outside production) — the log line names the kind of
 * news, never the address, the code or anything of the referral. Delivery runs after the
 * transaction that caused it and never fails the request: a lost e-mail is logged, the news is in
 * Lotse anyway.
 */
@Injectable()
export class ReferralNotifier implements OnApplicationShutdown {
  private readonly logger = new Logger('ReferralMail');
  private readonly transport: Transporter | null;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly env: Environment) {
    this.transport = env.MAIL_TRANSPORT === 'smtp'
      ? createTransport({
        host: env.SMTP_HOST,
        port: env.SMTP_PORT,
        secure: env.SMTP_SECURE,
        auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } : undefined,
        // plain SMTP only where the server offers no STARTTLS; a server that offers it is used with TLS
        requireTLS: env.SMTP_REQUIRE_TLS,
      })
      : null;
  }

  /** Queues the mail; returns at once. */
  send(mail: ReferralMail): void {
    const delivery = this.deliver(mail).finally(() => this.pending.delete(delivery));
    this.pending.add(delivery);
  }

  /** Resolves when every queued mail is delivered or has failed (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async deliver(mail: ReferralMail): Promise<void> {
    if (this.env.MAIL_TRANSPORT === 'off') return;
    if (!this.transport) {
      this.logger.log({ msg: 'referral e-mail not sent (MAIL_TRANSPORT=log)', kind: mail.kind });
      return;
    }
    try {
      await this.transport.sendMail({ from: this.env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
      this.logger.log({ msg: 'referral e-mail sent', kind: mail.kind });
    } catch (e) {
      this.logger.warn({ msg: 'referral e-mail failed', kind: mail.kind, error: (e as Error).message });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.idle();
    this.transport?.close();
  }
}

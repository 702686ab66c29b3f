// The inbound SMTP listener: refuses unknown recipients at RCPT (550) and oversized mail (552), hands each mail to
// intakeMail and answers with its verdict, so the sending server bounces refusals to the citizen.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Deps } from '../../context.js';
import { intakeMail, isIntakeRecipient, logMail } from './intake.js';

/** A running listener. */
export interface MailIntake {
  port: number;
  close(): Promise<void>;
}

const smtpError = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

/** Starts the listener on config.mailIntakePort (0 = any free port) and host. */
export async function startMailIntake(
  deps: Pick<Deps, 'database' | 'files' | 'now' | 'config'>,
  opts: { port?: number; onError?: (e: unknown) => void } = {},
): Promise<MailIntake> {
  const { config } = deps;
  const db = deps.database.db;
  const max = config.mailIntakeMaxBytes;
  const log = (sender: string, reason: string) =>
    logMail(db, { sender, subject: '', outcome: 'refused', reason, at: deps.now() });
  const server = new SMTPServer({
    name: 'jielian-mail-intake',
    banner: '界联 社情民意 mail intake',
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    logger: false,
    size: max,
    // The limit is still enforced on the data; hiding it lets onMailFrom log a declared oversize before refusing.
    hideSize: true,
    onMailFrom(address, _session, cb) {
      const args = (address.args || {}) as Record<string, string>;
      const declared = Number(args.SIZE ?? 0);
      if (declared > max) {
        log(address.address, `too_large: ${declared}`).then(
          () => cb(smtpError(552, '5.3.4 Message exceeds the size limit')),
          cb,
        );
        return;
      }
      cb();
    },
    onRcptTo(address, session, cb) {
      if (isIntakeRecipient(address.address, config.mailIntakeTo)) return cb();
      const sender = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
      log(sender, `unknown_recipient: ${address.address}`).then(
        () => cb(smtpError(550, '5.1.1 No such recipient here')),
        cb,
      );
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        if (!stream.sizeExceeded) chunks.push(c);
      });
      stream.on('end', async () => {
        const sender = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        try {
          if (stream.sizeExceeded) {
            await log(sender, `too_large: over ${max}`);
            return cb(smtpError(552, '5.3.4 Message exceeds the size limit'));
          }
          const out = await intakeMail(deps, Buffer.concat(chunks));
          if (out.outcome === 'refused') return cb(smtpError(out.smtpCode, out.smtpText));
          cb(null, `2.0.0 Accepted, tracking code ${out.trackingCode}`);
        } catch (e) {
          opts.onError?.(e);
          await log(sender, 'error').catch(() => undefined);
          cb(smtpError(451, '4.3.0 Temporary failure, try again later'));
        }
      });
    },
  });
  server.on('error', (e) => opts.onError?.(e));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port ?? config.mailIntakePort ?? 0, config.mailIntakeHost, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

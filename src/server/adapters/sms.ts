// Outgoing SMS behind one interface: an HTTP gateway (POST JSON {phone, text}) when SMS_HTTP_URL is set, else a log.

/** What the outbox worker needs from an SMS gateway; send rejects when the gateway does not accept the message. */
export interface SmsGateway {
  readonly kind: 'http' | 'log';
  send(phone: string, text: string): Promise<void>;
}

/** Posts {phone, text} as JSON to the gateway URL; any non-2xx answer (or no answer in 10 s) is an error. */
export function createHttpSms(url: string, timeoutMs = 10_000): SmsGateway {
  return {
    kind: 'http',
    async send(phone, text) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone, text }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = await res.text().catch(() => '');
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}: ${body.slice(0, 200)}`);
    },
  };
}

/** Logs each SMS instead of sending it. */
export function createLogSms(
  log: (line: string) => void = (l) => console.info(l),
): SmsGateway & { sent: { phone: string; text: string }[] } {
  const sent: { phone: string; text: string }[] = [];
  return {
    kind: 'log',
    sent,
    async send(phone, text) {
      sent.push({ phone, text });
      log(`[sms] to=${phone} chars=${text.length}`);
    },
  };
}

/** Picks the driver from configuration. */
export function createSms(cfg: { smsHttpUrl: string | null }): SmsGateway {
  return cfg.smsHttpUrl ? createHttpSms(cfg.smsHttpUrl) : createLogSms();
}

// Browser-facing response headers (OWASP ASVS V14.4 / 等保2.0 三级 应用安全): a strict CSP that forbids framing and
// plugins, no MIME sniffing, a referrer policy, HSTS behind TLS, and no caching of API answers that hold personal data.
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from './config.js';

/** The Content-Security-Policy of every response. antd writes its styles at run time, hence 'unsafe-inline' for styles only. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Adds the headers to every response, including errors and files. */
export function registerSecurityHeaders(app: FastifyInstance, config: AppConfig) {
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(self), microphone=(), geolocation=(self)');
    if (config.secureCookies) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // API answers (and downloads) may hold personal data: never stored by browsers or proxies, unless a route
    // chose its own policy (the web app's hashed assets).
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}

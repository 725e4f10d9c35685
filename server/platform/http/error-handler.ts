import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isDatabaseUnavailable, pgErrorInfo } from '../errors';
import { type MessageKey, t } from '../i18n';
import { issueMessage } from './zod-messages';

/** Unique constraint name → the field it guards, for a 409 that points at the right input. */
const constraintFields: Record<string, string> = {};
export function registerConstraintField(constraint: string, field: string): void {
  constraintFields[constraint] = field;
}

/** Uniform error body {code, message, fields?} with messages in the request's language. Never leaks internals. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const locale = req.locale ?? 'zh-CN';
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const v of error.validation) {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.') || error.validationContext || 'body';
        if (fields[path]) continue;
        const m = issueMessage(v as never);
        fields[path] = m.text?.[locale] ?? t(locale, m.key, m.params);
      }
      return reply.code(400).send({ code: 'VALIDATION', message: t(locale, 'VALIDATION'), fields });
    }
    if (error instanceof AppError) {
      const fields = error.fields
        ? Object.fromEntries(Object.entries(error.fields).map(([k, key]) => [k, t(locale, key, error.params)]))
        : undefined;
      if (error.headers) reply.headers(error.headers);
      return reply.code(error.status).send({ code: error.code, message: t(locale, error.code, error.params), fields });
    }
    const pgInfo = pgErrorInfo(error);
    if (pgInfo?.code === '23505') {
      const field = pgInfo.constraint ? constraintFields[pgInfo.constraint] : undefined;
      return reply.code(409).send({
        code: 'CONFLICT',
        message: t(locale, 'CONFLICT'),
        fields: field ? { [field]: t(locale, 'DUPLICATE_VALUE') } : undefined,
      });
    }
    // A NUL byte or an invalid UTF-8 sequence in a query string or body reaches PostgreSQL text unvalidated.
    if (pgInfo?.code === '22021' || pgInfo?.code === '22P05') {
      return reply.code(400).send({ code: 'VALIDATION', message: t(locale, 'VALIDATION') });
    }
    if (pgInfo?.code === '23503') {
      return reply.code(409).send({ code: 'IN_USE', message: t(locale, 'IN_USE') });
    }
    if (isDatabaseUnavailable(error)) {
      req.log.warn({ err: error }, 'database unavailable');
      return reply
        .code(503)
        .header('retry-after', '5')
        .send({ code: 'DB_UNAVAILABLE', message: t(locale, 'DB_UNAVAILABLE') });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const key: MessageKey =
        error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'UNSUPPORTED_MEDIA_TYPE'
          : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
            ? 'PAYLOAD_TOO_LARGE'
            : error.statusCode === 400
              ? 'INVALID_JSON'
              : 'VALIDATION';
      return reply.code(error.statusCode).send({ code: key, message: t(locale, key) });
    }
    req.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ code: 'INTERNAL', message: t(locale, 'INTERNAL') });
  });
}

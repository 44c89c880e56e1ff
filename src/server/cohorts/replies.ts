import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { ErrorBody } from '../errors';

export function sendError(reply: FastifyReply, status: number, code: string, error: string): FastifyReply {
  const body: ErrorBody = { error, code };
  return reply.code(status).header('cache-control', 'no-store').send(body);
}

/** 400 with the first problems, in words a form can show. */
export function sendZodError(reply: FastifyReply, error: z.ZodError): FastifyReply {
  const message = error.issues
    .slice(0, 3)
    .map((issue) => issue.message)
    .join(' ');
  return sendError(reply, 400, 'invalid-request', message || 'The request is not valid.');
}

export function fieldText(doc: Readonly<Record<string, unknown>> | undefined, field: string): string | undefined {
  const value = doc?.[field];
  return typeof value === 'string' ? value : undefined;
}

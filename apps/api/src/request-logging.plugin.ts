import { Logger } from '@nestjs/common';
import { ApolloServerPlugin } from '@apollo/server';

const logger = new Logger('GraphQLRequest');

/**
 * Logs that a request happened, its operation name, duration, HTTP status and the error codes it
 * answered with — never its variables or query text, which may carry a participant's needs or place.
 */
export function requestLoggingPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors, response }) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          // the answered errors, as formatted (resolver errors are not in `errors`, which holds only the request's own)
          const answered = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const codes = [...new Set((answered ?? errors ?? []).map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string'))];
          logger.log({ msg: 'graphql request', operation: operationName ?? null, status: response.http.status ?? 200, durationMs: Math.round(ms * 10) / 10, errorCodes: codes });
        },
      };
    },
  };
}

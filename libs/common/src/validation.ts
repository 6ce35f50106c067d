import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, InvalidInputError } from './errors';

function collect(errors: ValidationError[], prefix: string, out: FieldProblem[]): FieldProblem[] {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ field, message });
    if (error.children?.length) collect(error.children, field, out);
  }
  return out;
}

/** Flattens class-validator's tree into `{ field: 'near.latitude', message }` entries. */
export function toFieldProblems(errors: ValidationError[]): FieldProblem[] {
  return collect(errors, '', []);
}

/** The one ValidationPipe of the API: transforms args to their classes, rejects with field names. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => new InvalidInputError(toFieldProblems(errors)),
  });
}

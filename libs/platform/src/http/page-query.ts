import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

// The two query parameters of every paged list (docs/contract.md#http-apis), declared once.

/** `cursor`: the `nextCursor` of the previous page. */
export function PageCursor(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description: 'nextCursor of the previous page' }),
    IsOptional(),
    IsString(),
  );
}

/** `limit`: the page size, an integer from 1 to `max` (query strings arrive as text). */
export function PageLimit(max: number, byDefault: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: max, default: byDefault }),
    IsOptional(),
    Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value)),
    IsInt({ message: 'must be an integer' }),
    Min(1),
    Max(max),
  );
}

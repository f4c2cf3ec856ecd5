// One exception type per module with a code enum, mapped to HTTP once, in the module's
// `*.errors.ts` (docs/contract.md#errors). Services never throw HTTP statuses.
import { problem, type FieldError, type ProblemDetails } from '@app/contracts';
import { statusTitle } from './problem';

/** How one code of a module is answered over HTTP. */
export interface HttpAnswer {
  status: number;
  /** The problem `type` slug (e.g. `idempotency-conflict`); the status's default when absent. */
  type?: string;
  /** The problem title; the status's standard title when absent. */
  title?: string;
}

/** Optional parts of a module error beyond its code and message. */
export interface ModuleErrorExtras {
  /** Field errors of a request (path and message each). */
  errors?: FieldError[];
  /** Response headers the answer must carry (e.g. `retry-after`). */
  headers?: Record<string, string>;
  /** The underlying error, for logs. */
  cause?: unknown;
}

/**
 * Base of every module's error type. A module declares `enum XErrorCode`, `class XError extends
 * ModuleError<XErrorCode>` and registers its HTTP answers once with {@link mapErrorsToHttp}.
 */
export abstract class ModuleError<C extends string = string> extends Error {
  readonly errors?: FieldError[];
  readonly headers: Record<string, string>;

  constructor(
    readonly code: C,
    message: string,
    extras: ModuleErrorExtras = {},
  ) {
    super(message, extras.cause === undefined ? undefined : { cause: extras.cause });
    this.name = new.target.name;
    this.errors = extras.errors;
    this.headers = extras.headers ?? {};
  }
}

type ErrorClass<C extends string> = abstract new (...args: never[]) => ModuleError<C>;

const answers = new Map<ErrorClass<string>, Readonly<Record<string, HttpAnswer>>>();

/**
 * Registers how every code of a module's error class is answered over HTTP (the one place a
 * module names HTTP statuses). A code without an answer cannot compile: the record is total.
 */
export function mapErrorsToHttp<C extends string>(
  errorClass: ErrorClass<C>,
  mapping: Readonly<Record<C, HttpAnswer>>,
): void {
  answers.set(errorClass, mapping);
}

/** The HTTP answer registered for an error's class (or a base class of it), if any. */
export function httpAnswerOf(error: ModuleError): HttpAnswer | undefined {
  for (
    let proto: object | null = Object.getPrototypeOf(error) as object | null;
    proto !== null && proto !== ModuleError.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    const mapping = answers.get((proto as { constructor: ErrorClass<string> }).constructor);
    if (mapping) return mapping[error.code];
  }
  return undefined;
}

/**
 * The problem+json body of a module error, by the mapping its class registered (undefined when
 * it registered none). What the ProblemFilter answers; also for answers that embed problems
 * (a batch's per-item results).
 */
export function moduleErrorProblem(error: ModuleError): ProblemDetails | undefined {
  const answer = httpAnswerOf(error);
  if (!answer) return undefined;
  return problem(answer.status, answer.title ?? statusTitle(answer.status), error.message, error.errors, {
    type: answer.type,
  });
}

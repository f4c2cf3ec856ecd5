// RFC 9457 problem details, the one error shape of every HTTP API (docs/contract.md#http-apis).
// Pure: the HTTP edge turns a ProblemDetails into a response; nothing here knows Nest.

/** Base of every problem `type` URI. `.example` is reserved, so the URIs are identifiers, never fetched. */
export const PROBLEM_TYPE_BASE = 'https://border-intel.example/problems/';

/** One bad field of a request: its JSON path (`commodities[0].quantity`) and what is wrong. */
export interface FieldError {
  path: string;
  message: string;
}

/** An RFC 9457 problem document as this system sends it. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

/** The `type` slug used for each status the APIs send. */
export const PROBLEM_SLUGS: Readonly<Record<number, string>> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'rate-limited',
  500: 'internal',
  502: 'bad-gateway',
  503: 'unavailable',
  504: 'timeout',
};

/** The `type` URI for a slug, e.g. `problemType('validation')`. */
export function problemType(slug: string): string {
  return `${PROBLEM_TYPE_BASE}${slug}`;
}

/** The default `type` URI of a status; statuses without their own slug get `about:blank` (RFC 9457 §4.2.1). */
export function problemTypeForStatus(status: number): string {
  const slug = PROBLEM_SLUGS[status];
  return slug === undefined ? 'about:blank' : problemType(slug);
}

/**
 * Builds a problem document. `type` defaults from the status; pass `opts.type`
 * (a slug or an absolute URI) for a more specific one, e.g. `idempotency-conflict`.
 */
export function problem(
  status: number,
  title: string,
  detail: string,
  errors?: FieldError[],
  opts: { type?: string } = {},
): ProblemDetails {
  const type =
    opts.type === undefined
      ? problemTypeForStatus(status)
      : opts.type.includes(':')
        ? opts.type
        : problemType(opts.type);
  const body: ProblemDetails = { type, title, status, detail };
  // `errors` is omitted rather than sent empty, so clients can test for its presence.
  if (errors !== undefined && errors.length > 0)
    body.errors = errors.map((e) => ({ path: e.path, message: e.message }));
  return body;
}

/** Most field errors one problem lists (validation stops looking after one more). */
export const MAX_LISTED_ERRORS = 20;

/**
 * The 400 for a report (or any body) that failed validation, listing its problems: all of them
 * up to MAX_LISTED_ERRORS, else the first ones and a detail that says more were found.
 */
export function validationProblem(errors: FieldError[], title = 'Invalid report'): ProblemDetails {
  const n = errors.length;
  if (n > MAX_LISTED_ERRORS)
    return problem(
      400,
      title,
      `more than ${MAX_LISTED_ERRORS} problems found; the first ${MAX_LISTED_ERRORS} are in errors[]`,
      errors.slice(0, MAX_LISTED_ERRORS),
    );
  return problem(400, title, `${n} problem${n === 1 ? '' : 's'} found; see errors[] for each field`, errors);
}

import { ModuleError, httpAnswerOf, mapErrorsToHttp, moduleErrorProblem } from './module-error';

enum ShelfErrorCode {
  BOOK_NOT_FOUND = 'BOOK_NOT_FOUND',
  SHELF_FULL = 'SHELF_FULL',
}

class ShelfError extends ModuleError<ShelfErrorCode> {}
mapErrorsToHttp(ShelfError, {
  [ShelfErrorCode.BOOK_NOT_FOUND]: { status: 404 },
  [ShelfErrorCode.SHELF_FULL]: { status: 409, type: 'shelf-full', title: 'Shelf full' },
});

class UnmappedError extends ModuleError<'X'> {}

describe('ModuleError', () => {
  it('carries its code, message, field errors and headers, and names its class', () => {
    const e = new ShelfError(ShelfErrorCode.SHELF_FULL, 'no room for "Dune"', {
      errors: [{ path: 'title', message: 'no room' }],
      headers: { 'retry-after': '3' },
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ShelfError');
    expect(e.code).toBe('SHELF_FULL');
    expect(e.message).toBe('no room for "Dune"');
    expect(e.errors).toEqual([{ path: 'title', message: 'no room' }]);
    expect(e.headers).toEqual({ 'retry-after': '3' });
  });

  it('is answered by the mapping its class registered', () => {
    expect(httpAnswerOf(new ShelfError(ShelfErrorCode.BOOK_NOT_FOUND, 'x'))).toEqual({ status: 404 });
    expect(httpAnswerOf(new ShelfError(ShelfErrorCode.SHELF_FULL, 'x'))).toEqual({
      status: 409,
      type: 'shelf-full',
      title: 'Shelf full',
    });
  });

  it("finds a base class's mapping for a subclass", () => {
    class SpecialShelfError extends ShelfError {}
    expect(httpAnswerOf(new SpecialShelfError(ShelfErrorCode.SHELF_FULL, 'x'))?.status).toBe(409);
  });

  it('has no answer for a class that registered none', () => {
    expect(httpAnswerOf(new UnmappedError('X', 'x'))).toBeUndefined();
  });
});

describe('moduleErrorProblem', () => {
  it('is the problem body of the answer the class registered', () => {
    const e = new ShelfError(ShelfErrorCode.SHELF_FULL, 'no room for "Dune"', {
      errors: [{ path: 'title', message: 'no room' }],
    });
    expect(moduleErrorProblem(e)).toEqual({
      type: 'https://border-intel.example/problems/shelf-full',
      title: 'Shelf full',
      status: 409,
      detail: 'no room for "Dune"',
      errors: [{ path: 'title', message: 'no room' }],
    });
    expect(moduleErrorProblem(new ShelfError(ShelfErrorCode.BOOK_NOT_FOUND, 'gone'))).toMatchObject({
      status: 404,
      title: 'Not Found',
    });
  });

  it('is undefined for a class that registered none', () => {
    expect(moduleErrorProblem(new UnmappedError('X', 'x'))).toBeUndefined();
  });
});

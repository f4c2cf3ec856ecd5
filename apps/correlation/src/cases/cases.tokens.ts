/** DI token of the loaded sharing policy. */
export const SHARING_POLICY = Symbol('SHARING_POLICY');

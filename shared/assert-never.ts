/**
 * The last branch of a switch over a closed union: the type checker fails when a member is missed, so
 * adding one (a command, a view, an error code) shows every place that must decide about it. It throws
 * if a value from outside the union arrives anyway (e.g. a renderer message that skipped validation).
 */
export const assertNever = (value: never): never => {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
};

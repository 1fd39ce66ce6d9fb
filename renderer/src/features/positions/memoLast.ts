/**
 * Remembers a function's last arguments and result, across component mounts: reopening the
 * positions screen on the same data and settings skips the aggregation. Arguments are compared
 * by identity.
 */
export function memoLast<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null
  let lastResult: R
  return (...args: A): R => {
    if (lastArgs !== null && lastArgs.length === args.length && lastArgs.every((value, index) => Object.is(value, args[index]))) return lastResult
    lastResult = compute(...args)
    lastArgs = args
    return lastResult
  }
}

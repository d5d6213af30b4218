// A Temporal SDK logger that drops everything below error: for harnesses and tests, whose output is their own report.
export function errorsOnlyLogger(onError: (message: string) => void) {
  const drop = () => undefined;
  return { log: drop, trace: drop, debug: drop, info: drop, warn: drop, error: (message: string) => onError(message) };
}

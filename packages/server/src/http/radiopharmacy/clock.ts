/** The radiopharmacy routes read "now" from an injected clock: tests and the board ask for any instant. */
export interface ClockOptions {
  now?: () => Date;
}
export type Clock = () => Date;
export const clockOf = (opts: ClockOptions): Clock => opts.now ?? (() => new Date());

import { TooManyRequestsError } from '@lotse/common';
import { RateLimiter } from './rate-limiter';

/** What `fn` threw, or undefined: the assertions then run outside any catch and fail if nothing was thrown. */
function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('RateLimiter', () => {
  it('allows `limit` hits per window and then refuses with the seconds to wait', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    for (let i = 0; i < 3; i++) limiter.hit('login:1.2.3.4', 3);
    expect(() => limiter.hit('login:1.2.3.4', 3)).toThrow(TooManyRequestsError);
    limiter.hit('login:5.6.7.8', 3);
    now = 45_000;
    // still inside the window: refused, and told to wait the window's remaining 15 s
    const refusal = thrown(() => limiter.hit('login:1.2.3.4', 3));
    expect(refusal).toBeInstanceOf(TooManyRequestsError);
    expect((refusal as TooManyRequestsError).details.retryAfterSeconds).toBe(15);
    now = 60_000;
    expect(() => limiter.hit('login:1.2.3.4', 3)).not.toThrow();
  });
});

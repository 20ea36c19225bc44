/** Deterministic pseudo-random integers (a linear congruential generator): no Math.random in the domain. */
export function lcg(seed: number): (min: number, max: number) => number {
  let x = seed >>> 0 || 1;
  return (min, max) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return min + (x % (max - min + 1));
  };
}

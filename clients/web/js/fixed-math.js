// The simulation's integer math (src/GameServer.Simulation/Math/FixedMath.cs) in JavaScript, for the pages'
// prediction: the same operations give the same integers as on the server.

/** Integer division truncating toward zero, as C#'s. */
export const div = (a, b) => Math.trunc(a / b);

function sqrtFloor(n) {
  let r = Math.floor(Math.sqrt(n));
  while (r * r > n) r--;
  while ((r + 1) * (r + 1) <= n) r++;
  return r;
}

function sqrtCeiling(n) {
  const r = sqrtFloor(n);
  return r * r < n ? r + 1 : r;
}

/** FixedMath.ClampLength: returns [x, y] shortened to at most max, never longer by rounding. */
export function clampLength(x, y, max) {
  const lengthSquared = x * x + y * y;
  if (lengthSquared <= max * max) {
    return [x, y];
  }
  const length = sqrtCeiling(lengthSquared);
  return [div(x * max, length), div(y * max, length)];
}

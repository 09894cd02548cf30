// Arena's movement rules, ported from src/GameServer.Simulation (ArenaRules, ArenaMap, PlayerMotion, FixedMath) with
// the same integer math, so that the own player's prediction lands where the server puts it. Keep them in step.

export const POSITION_SCALE = 16;
export const WORLD_WIDTH = 2000;
export const WORLD_HEIGHT = 1200;
export const MAX_MOVE_AXIS = 127;
export const ANGLE_UNITS_PER_TURN = 65536;

// ArenaMap's walls in world units: [left, top, right, bottom].
export const WALLS = Object.freeze([
  [0, 0, 2000, 40], [0, 1160, 2000, 1200], [0, 40, 40, 1160], [1960, 40, 2000, 1160],
  [900, 500, 1100, 700],
  [400, 250, 480, 450], [1520, 250, 1600, 450], [400, 750, 480, 950], [1520, 750, 1600, 950],
  [850, 220, 1150, 260], [850, 940, 1150, 980],
]);

const WALL_UNITS = WALLS.map((w) => w.map((v) => v * POSITION_SCALE));

/** ArenaRules.ForTickRate: the tunables that movement needs, in wire units. */
export function rulesForTickRate(tickRate) {
  const perTick = (wu) => Math.max(1, Math.floor((wu * POSITION_SCALE + Math.floor(tickRate / 2)) / tickRate));
  const perTickSquared = (wu) =>
    Math.max(1, Math.floor((wu * POSITION_SCALE + Math.floor(tickRate * tickRate / 2)) / (tickRate * tickRate)));
  return Object.freeze({
    tickRate,
    maxSpeed: perTick(300),
    acceleration: perTickSquared(1500),
    friction: perTickSquared(1200),
    playerRadius: 20 * POSITION_SCALE,
    projectileRadius: 6 * POSITION_SCALE,
    pickupRadius: 12 * POSITION_SCALE,
  });
}

// Integer division truncating toward zero, as C#'s.
const div = (a, b) => Math.trunc(a / b);

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
function clampLength(x, y, max) {
  const lengthSquared = x * x + y * y;
  if (lengthSquared <= max * max) {
    return [x, y];
  }
  const length = sqrtCeiling(lengthSquared);
  return [div(x * max, length), div(y * max, length)];
}

/** PlayerMotion.Steer: moves the velocity toward the input's target velocity. */
export function steer(p, moveX, moveY, rules) {
  moveX = Math.max(-MAX_MOVE_AXIS, Math.min(MAX_MOVE_AXIS, moveX));
  moveY = Math.max(-MAX_MOVE_AXIS, Math.min(MAX_MOVE_AXIS, moveY));
  [moveX, moveY] = clampLength(moveX, moveY, MAX_MOVE_AXIS);
  const targetX = div(moveX * rules.maxSpeed, MAX_MOVE_AXIS);
  const targetY = div(moveY * rules.maxSpeed, MAX_MOVE_AXIS);
  const step = (moveX | moveY) !== 0 ? rules.acceleration : rules.friction;
  const [dx, dy] = clampLength(targetX - p.vx, targetY - p.vy, step);
  [p.vx, p.vy] = clampLength(p.vx + dx, p.vy + dy, rules.maxSpeed);
}

const overlaps = (w, x, y, half) => x + half > w[0] && x - half < w[2] && y + half > w[1] && y - half < w[3];

/** PlayerMotion.Move: one axis at a time, stopping at a wall's face so the player slides along it. */
export function move(p, radius) {
  if (p.vx !== 0) {
    let x = p.x + p.vx;
    let blocked = false;
    for (const w of WALL_UNITS) {
      if (overlaps(w, x, p.y, radius)) {
        x = p.vx > 0 ? w[0] - radius : w[2] + radius;
        blocked = true;
      }
    }
    p.x = x;
    if (blocked) p.vx = 0;
  }
  if (p.vy !== 0) {
    let y = p.y + p.vy;
    let blocked = false;
    for (const w of WALL_UNITS) {
      if (overlaps(w, p.x, y, radius)) {
        y = p.vy > 0 ? w[1] - radius : w[3] + radius;
        blocked = true;
      }
    }
    p.y = y;
    if (blocked) p.vy = 0;
  }
}

/** One tick of the own player's movement under one input, as Match.UpdatePlayers does it. */
export function stepPlayer(p, input, rules) {
  steer(p, input.moveX, input.moveY, rules);
  move(p, rules.playerRadius);
  p.aim = input.aim;
}

/** Radians (0 along +x, +y down) to angle units. */
export function angleFromRadians(radians) {
  let turns = radians / (2 * Math.PI);
  turns -= Math.floor(turns);
  return Math.round(turns * ANGLE_UNITS_PER_TURN) & 0xffff;
}

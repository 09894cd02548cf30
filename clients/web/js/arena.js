// Arena's movement rules: the algorithm of src/GameServer.Simulation (PlayerMotion, FixedMath) in the same integer
// math, so that the own player's prediction lands where the server puts it. Every constant (the map, the walls,
// speeds, radii) comes from the server's GET /arena.json, written from the simulation's own rules for the server's
// tick rate: nothing here is copied by hand. Lengths are in position units, speeds per tick (protocol.md).
import { clampLength, div } from './fixed-math.js';

/** Fetches the server's Arena description; base is the server's http(s) address. */
export async function loadArena(base) {
  const response = await fetch(new URL('/arena.json', base), { cache: 'no-cache' });
  if (!response.ok) {
    throw new Error(`GET /arena.json answered ${response.status}`);
  }
  return arenaFrom(await response.json());
}

/** The document as the prediction and the renderer use it, frozen. */
export function arenaFrom(json) {
  return Object.freeze({
    ...json,
    walls: Object.freeze(json.map.walls.map((w) => Object.freeze([...w]))),
    width: json.map.width,
    height: json.map.height,
  });
}

/** PlayerMotion.Steer: moves the velocity toward the input's target velocity. */
export function steer(p, moveX, moveY, arena) {
  const { maxMoveAxis } = arena;
  const { maxSpeed, acceleration, friction } = arena.player;
  moveX = Math.max(-maxMoveAxis, Math.min(maxMoveAxis, moveX));
  moveY = Math.max(-maxMoveAxis, Math.min(maxMoveAxis, moveY));
  [moveX, moveY] = clampLength(moveX, moveY, maxMoveAxis);
  const targetX = div(moveX * maxSpeed, maxMoveAxis);
  const targetY = div(moveY * maxSpeed, maxMoveAxis);
  const step = (moveX | moveY) !== 0 ? acceleration : friction;
  const [dx, dy] = clampLength(targetX - p.vx, targetY - p.vy, step);
  [p.vx, p.vy] = clampLength(p.vx + dx, p.vy + dy, maxSpeed);
}

const overlaps = (w, x, y, half) => x + half > w[0] && x - half < w[2] && y + half > w[1] && y - half < w[3];

/** PlayerMotion.Move: one axis at a time, stopping at a wall's face so the player slides along it. */
export function move(p, radius, arena) {
  if (p.vx !== 0) {
    let x = p.x + p.vx;
    let blocked = false;
    for (const w of arena.walls) {
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
    for (const w of arena.walls) {
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
export function stepPlayer(p, input, arena) {
  steer(p, input.moveX, input.moveY, arena);
  move(p, arena.player.radius, arena);
  p.aim = input.aim;
}

/** Radians (0 along +x, +y down) to angle units. */
export function angleFromRadians(radians, arena) {
  let turns = radians / (2 * Math.PI);
  turns -= Math.floor(turns);
  return Math.round(turns * arena.angleUnitsPerTurn) % arena.angleUnitsPerTurn;
}

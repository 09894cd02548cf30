// Tag's movement rule: TagMatch.MovePlayers (src/GameServer.Simulation/Tag) in the same integer math, so that the
// own player's prediction lands where the server puts it. The constants come from GET /tag.json; lengths are in
// position units, speeds per tick.
import { clampLength, div } from './fixed-math.js';

/** Fetches Tag's rules document (GET /tag.json) from base, the server's http(s) address. */
export async function loadTagRules(base) {
  const response = await fetch(new URL('/tag.json', base), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`GET /tag.json answered ${response.status}`);
  return response.json();
}

/**
 * One tick of a player's movement under one input: no inertia, the velocity is the input scaled to the player's
 * speed (faster for "it"), a diagonal no faster than a straight line; the field's edges stop an axis.
 * p: { x, y, vx, vy, it }; maxMoveAxis: the input's largest value (the schema's moveX max).
 */
export function stepTagPlayer(p, input, rules, maxMoveAxis) {
  const [moveX, moveY] = clampLength(input.moveX, input.moveY, maxMoveAxis);
  const speed = p.it === 1 ? rules.itSpeed : rules.runnerSpeed;
  p.vx = div(moveX * speed, maxMoveAxis);
  p.vy = div(moveY * speed, maxMoveAxis);
  const r = rules.playerRadius;
  const x = Math.min(Math.max(p.x + p.vx, r), rules.width - 1 - r);
  const y = Math.min(Math.max(p.y + p.vy, r), rules.height - 1 - r);
  if (x !== p.x + p.vx) p.vx = 0;
  if (y !== p.y + p.vy) p.vy = 0;
  p.x = x;
  p.y = y;
}

"use strict";
// A Colyseus room shaped like Arena (src/GameServer.Simulation) for perf/run-load.sh's peer target: the same world
// units, speeds and rules in simplified form, integer state fields of Arena's sizes, 30 Hz simulation and patches.
// Not a port: no match phases (the room runs as long as it has players), and square-distance collision only.
const { Room } = require("@colyseus/core");
const { schema, t } = require("@colyseus/schema");

const TICK_RATE = 30;
const SCALE = 16; // position units per world unit, as Arena's Quantization.PositionScale
const WIDTH = 2000 * SCALE;
const HEIGHT = 1200 * SCALE;
const PLAYER_RADIUS = 20 * SCALE;
const MAX_SPEED = 160; // position units per tick (300 world units/s)
const ACCELERATION = 27;
const FRICTION = 21;
const PROJECTILE_SPEED = 480;
const PROJECTILE_LIFETIME = 36;
const PROJECTILE_HIT = (20 + 6) * SCALE;
const DAMAGE = 25;
const FIRE_COOLDOWN = 9;
const RESPAWN_DELAY = 90;
const KILL_SCORE = 10;
const ORB_SCORE = 5;
const HEALTH_PICKUP = 50;
const PICKUP_HIT = (20 + 12) * SCALE;
const PICKUP_INTERVAL = 150;
const MAX_PICKUPS = 6;

// Fields and integer widths as in protocol.md's Entity; a player's name is sent once, as in Arena.
const Player = schema({
    id: t.uint32(),
    name: t.string(),
    x: t.int32(),
    y: t.int32(),
    vx: t.int32(),
    vy: t.int32(),
    aim: t.uint16(),
    health: t.int32(),
    score: t.int32(),
    flags: t.uint8(),
    lastInputSeq: t.uint32(),
    kills: t.uint32(),
}, "Player");

const Projectile = schema({
    x: t.int32(),
    y: t.int32(),
    vx: t.int32(),
    vy: t.int32(),
    owner: t.uint32(),
}, "Projectile");

const Pickup = schema({
    x: t.int32(),
    y: t.int32(),
    kind: t.uint8(),
}, "Pickup");

const ArenaState = schema({
    tick: t.uint32(),
    players: t.map(Player),
    projectiles: t.map(Projectile),
    pickups: t.map(Pickup),
}, "ArenaState");

function clamp(value, min, max) {
    return value < min ? min : value > max ? max : value;
}

function approach(v, target, step) {
    return v < target ? Math.min(v + step, target) : Math.max(v - step, target);
}

class ArenaRoom extends Room {
    onCreate(options) {
        this.maxClients = options.capacity;
        this.autoDispose = true;
        // Schema fields start undefined, not 0: every one is set before it is first sent.
        this.state = new ArenaState();
        this.state.tick = 0;
        this.nextId = 1;
        this.seed = 0x9e3779b9;
        // Per session: the held input and the server-side counters that are not state.
        this.inputs = new Map();
        this.projectileTicks = new Map();

        this.onMessage("input", (client, message) => this.onInput(client, message));
        this.onMessage("ping", (client, clientTime) => client.send("pong", clientTime));

        this.setSimulationInterval(() => this.step(), 1000 / TICK_RATE);
        this.patchRate = 1000 / TICK_RATE;
    }

    onJoin(client, options) {
        const player = new Player();
        player.id = this.nextId++;
        player.name = typeof options?.name === "string" ? options.name.slice(0, 16) : "bot";
        this.spawn(player);
        player.aim = 0;
        player.health = 100;
        player.score = 0;
        player.flags = 1;
        player.lastInputSeq = 0;
        player.kills = 0;
        this.state.players.set(client.sessionId, player);
        this.inputs.set(client.sessionId, { mx: 0, my: 0, fire: false, cooldown: 0, respawn: 0 });
    }

    onLeave(client) {
        this.state.players.delete(client.sessionId);
        this.inputs.delete(client.sessionId);
    }

    // [seq, moveX, moveY, aim, fire]: clamped and validated as Arena does, never trusted.
    onInput(client, message) {
        const input = this.inputs.get(client.sessionId);
        const player = this.state.players.get(client.sessionId);
        if (!input || !player || !Array.isArray(message) || message.length < 5) {
            return;
        }

        const seq = message[0] >>> 0;
        if (seq <= player.lastInputSeq) {
            return;
        }

        player.lastInputSeq = seq;
        input.mx = clamp(message[1] | 0, -127, 127);
        input.my = clamp(message[2] | 0, -127, 127);
        player.aim = message[3] & 0xffff;
        input.fire = message[4] === true;
    }

    random() {
        // xorshift32: cheap, seeded, no allocation
        let x = this.seed;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        this.seed = x >>> 0;
        return this.seed;
    }

    spawn(player) {
        player.x = PLAYER_RADIUS + this.random() % (WIDTH - 2 * PLAYER_RADIUS);
        player.y = PLAYER_RADIUS + this.random() % (HEIGHT - 2 * PLAYER_RADIUS);
        player.vx = 0;
        player.vy = 0;
    }

    step() {
        const state = this.state;
        state.tick++;
        this.movePlayers();
        this.moveProjectiles();
        this.collectPickups();
        if (state.tick % PICKUP_INTERVAL === 0 && state.pickups.size < MAX_PICKUPS) {
            const pickup = new Pickup();
            pickup.x = this.random() % WIDTH;
            pickup.y = this.random() % HEIGHT;
            pickup.kind = 1 + (this.random() & 1);
            state.pickups.set(String(this.nextId++), pickup);
        }
    }

    movePlayers() {
        for (const [sessionId, player] of this.state.players) {
            const input = this.inputs.get(sessionId);
            if (player.health <= 0) {
                if (--input.respawn <= 0) {
                    this.spawn(player);
                    player.health = 100;
                    player.flags = 1;
                }
                continue;
            }

            const length = Math.hypot(input.mx, input.my);
            const tx = length > 0 ? Math.round(input.mx / length * MAX_SPEED) : 0;
            const ty = length > 0 ? Math.round(input.my / length * MAX_SPEED) : 0;
            const step = length > 0 ? ACCELERATION : FRICTION;
            player.vx = approach(player.vx, tx, step);
            player.vy = approach(player.vy, ty, step);
            player.x = clamp(player.x + player.vx, PLAYER_RADIUS, WIDTH - PLAYER_RADIUS);
            player.y = clamp(player.y + player.vy, PLAYER_RADIUS, HEIGHT - PLAYER_RADIUS);

            if (input.cooldown > 0) {
                input.cooldown--;
            } else if (input.fire) {
                input.cooldown = FIRE_COOLDOWN;
                const angle = player.aim / 65536 * 2 * Math.PI;
                const projectile = new Projectile();
                projectile.vx = Math.round(Math.cos(angle) * PROJECTILE_SPEED);
                projectile.vy = Math.round(Math.sin(angle) * PROJECTILE_SPEED);
                projectile.x = player.x;
                projectile.y = player.y;
                projectile.owner = player.id;
                const id = String(this.nextId++);
                this.state.projectiles.set(id, projectile);
                this.projectileTicks.set(id, PROJECTILE_LIFETIME);
            }
        }
    }

    moveProjectiles() {
        const players = this.state.players;
        const projectiles = this.state.projectiles;
        for (const [id, projectile] of projectiles) {
            projectile.x += projectile.vx;
            projectile.y += projectile.vy;
            const left = this.projectileTicks.get(id) - 1;
            let gone = left <= 0 || projectile.x < 0 || projectile.y < 0 || projectile.x > WIDTH || projectile.y > HEIGHT;
            if (!gone) {
                this.projectileTicks.set(id, left);
                for (const [, player] of players) {
                    if (player.health > 0 && player.id !== projectile.owner
                        && Math.abs(player.x - projectile.x) < PROJECTILE_HIT && Math.abs(player.y - projectile.y) < PROJECTILE_HIT) {
                        this.hit(player, projectile.owner);
                        gone = true;
                        break;
                    }
                }
            }

            if (gone) {
                projectiles.delete(id);
                this.projectileTicks.delete(id);
            }
        }
    }

    hit(victim, ownerId) {
        victim.health = Math.max(0, victim.health - DAMAGE);
        if (victim.health > 0) {
            return;
        }

        victim.flags = 0;
        victim.vx = 0;
        victim.vy = 0;
        for (const [sessionId, player] of this.state.players) {
            if (player === victim) {
                this.inputs.get(sessionId).respawn = RESPAWN_DELAY;
            } else if (player.id === ownerId) {
                player.score += KILL_SCORE;
                player.kills++;
            }
        }
    }

    collectPickups() {
        const pickups = this.state.pickups;
        if (pickups.size === 0) {
            return;
        }

        for (const [id, pickup] of pickups) {
            for (const [, player] of this.state.players) {
                if (player.health > 0 && Math.abs(player.x - pickup.x) < PICKUP_HIT && Math.abs(player.y - pickup.y) < PICKUP_HIT) {
                    if (pickup.kind === 1) {
                        player.health = Math.min(100, player.health + HEALTH_PICKUP);
                    } else {
                        player.score += ORB_SCORE;
                    }

                    pickups.delete(id);
                    break;
                }
            }
        }
    }
}

module.exports = { ArenaRoom, ArenaState, TICK_RATE };

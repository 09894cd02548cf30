"use strict";
// The Colyseus peer's load client: N @colyseus/sdk clients in one process at the rates of our swarm
// (perf/GameServer.LoadTest): 20 inputs and 1 ping per client per second, started evenly over the ramp, each
// joinOrCreate-ing an "arena" room (so rooms fill one before the next). Writes a JSON report with the fields
// perf/floor/summarize.py reads from the swarm's.
//
//   node bots.js --url ws://127.0.0.1:5182 --bots 160 --duration 20 --ramp 5 --report peer.json [--decode none]
//
// --decode full (the default) lets the SDK decode every patch into its state, as a real client does, which also
// gives the state lag (an input's send to the patch that shows its sequence in the player's lastInputSeq);
// --decode none counts the patches and their bytes without decoding them, like our swarm's bots, which skip
// everything but their own entity, for when the client's core, not the server, would be what is measured.
const { performance } = require("node:perf_hooks");
const fs = require("node:fs");
const { Client, Protocol } = require("@colyseus/sdk");

const options = parseArgs(process.argv.slice(2));
const CODE_MASK = 0x1f;
const WINDOW_START = options.ramp + 2; // as the swarm: from 2 s after the ramp to the end

function parseArgs(args) {
    const o = {
        url: "ws://127.0.0.1:5182", bots: 100, duration: 60, ramp: 10, inputs: 20, pings: 1,
        capacity: null, report: null, decode: "full", joinTimeout: 10,
    };
    for (let i = 0; i < args.length; i += 2) {
        const key = args[i].replace(/^--/, "").replace(/-(\w)/g, (_, c) => c.toUpperCase());
        if (!(key in o) || i + 1 >= args.length) {
            console.error(`Unknown or incomplete option ${args[i]}. Options: --url --bots --duration --ramp --inputs --pings --capacity --report --decode full|none --join-timeout`);
            process.exit(2);
        }

        o[key] = ["url", "report", "decode"].includes(key) ? args[i + 1] : Number(args[i + 1]);
    }

    const host = new URL(o.url).hostname;
    if (!["127.0.0.1", "localhost", "[::1]"].includes(host)) {
        console.error(`Loopback only: ${o.url}`);
        process.exit(2);
    }

    if (!["full", "none"].includes(o.decode)) {
        console.error("--decode is full or none");
        process.exit(2);
    }

    return o;
}

const errors = { total: 0, byKind: {} };
function error(kind, message) {
    errors.total++;
    const entry = errors.byKind[kind] ??= { count: 0, first: String(message).slice(0, 200) };
    entry.count++;
}

const rtt = [];
const lag = [];
const bots = [];
let windowOpen = false;
let stopping = false;

class Bot {
    constructor(index) {
        this.index = index;
        this.random = (Math.imul(index + 1, 2654435761) | 1) >>> 0;
        this.joined = false;
        this.connected = false;
        this.patches = 0;
        this.patchBytes = 0;
        this.bytesIn = 0;
        this.bytesOut = 0;
        this.ticksMissed = 0;
        this.lastTick = 0;
        this.seq = 0;
        this.acked = 0;
        this.sentAt = new Float64Array(64);
        this.moveX = 0;
        this.moveY = 0;
        this.aim = 0;
        this.timers = [];
    }

    next() {
        let x = this.random;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        this.random = x >>> 0;
        return this.random;
    }

    async start() {
        const client = new Client(options.url);
        let timeout;
        const join = client.joinOrCreate("arena", { name: "bot" + this.index });
        try {
            this.room = await Promise.race([
                join,
                new Promise((_, reject) => { timeout = setTimeout(() => reject(new Error("join timed out")), options.joinTimeout * 1000); }),
            ]);
        } catch (e) {
            error(/timed out/.test(e.message) ? "joinTimeout" : "join", e.message);
            // A join that completes after its timeout would hold a seat unmeasured: leave at once.
            join.then((room) => room.leave(), () => {});
            return;
        } finally {
            clearTimeout(timeout);
        }

        if (stopping) {
            this.room.leave();
            return;
        }

        this.connected = true;
        this.joined = true;
        this.roomId = this.room.roomId;
        this.hook();
        this.room.onMessage("pong", (clientTime) => {
            if (windowOpen) {
                rtt.push(performance.now() - clientTime);
            }
        });
        this.room.onError((code, message) => error("server", `${code} ${message}`));
        this.room.onDrop((code, reason) => error("dropped", `${code} ${reason}`));
        this.room.onLeave((code, reason) => {
            if (!stopping) {
                error("closed", `${code} ${reason}`);
            }
        });
        if (options.decode === "full") {
            this.room.onStateChange((state) => this.onState(state));
        }

        const inputMs = 1000 / options.inputs;
        const pingMs = 1000 / options.pings;
        this.timers.push(setTimeout(() => this.timers.push(setInterval(() => this.sendInput(), inputMs)), this.next() % inputMs));
        this.timers.push(setTimeout(() => this.timers.push(setInterval(() => this.sendPing(), pingMs)), this.next() % pingMs));
    }

    // Counts every frame's bytes in and out at the transport; with --decode none, drops patches before the SDK decodes them.
    hook() {
        const events = this.room.connection.events;
        const decode = events.onmessage;
        events.onmessage = (event) => {
            const data = event.data;
            this.bytesIn += data.byteLength;
            if ((new Uint8Array(data, 0, 1)[0] & CODE_MASK) === Protocol.ROOM_STATE_PATCH) {
                this.patchBytes += data.byteLength;
                if (options.decode === "none") {
                    this.patches++;
                    return;
                }
            }

            decode(event);
        };
        const transport = this.room.connection.transport;
        const send = transport.send.bind(transport);
        transport.send = (data) => {
            this.bytesOut += data.byteLength;
            send(data);
        };
    }

    onState(state) {
        this.patches++;
        if (this.lastTick !== 0 && state.tick > this.lastTick + 1) {
            this.ticksMissed += state.tick - this.lastTick - 1;
        }

        this.lastTick = state.tick;
        const me = state.players.get(this.room.sessionId);
        if (me && me.lastInputSeq > this.acked) {
            this.acked = me.lastInputSeq;
            if (windowOpen && this.seq - this.acked < this.sentAt.length) {
                lag.push(performance.now() - this.sentAt[this.acked % this.sentAt.length]);
            }
        }
    }

    // As the swarm's bots: hold a random direction, change it now and then, sweep the aim, fire about a quarter of the time.
    sendInput() {
        const r = this.next();
        if ((r & 0x1f) === 0 || this.seq === 0) {
            this.moveX = ((r >>> 8 & 0xff) - 128) | 1;
            this.moveY = ((r >>> 16 & 0xff) - 128) | 1;
        }

        this.aim = (this.aim + (r >>> 24) - 128) & 0xffff;
        this.seq++;
        this.sentAt[this.seq % this.sentAt.length] = performance.now();
        this.room.send("input", [this.seq, this.moveX, this.moveY, this.aim, (r & 0x60) === 0]);
    }

    sendPing() {
        this.room.send("ping", performance.now());
    }

    stop() {
        for (const timer of this.timers) {
            clearTimeout(timer);
        }

        if (this.room) {
            this.room.leave().catch(() => {});
        }
    }
}

function counters() {
    return bots.map((b) => [b.patches, b.bytesIn, b.bytesOut, b.patchBytes]);
}

function percentile(sorted, p) {
    return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))];
}

function latency(samples) {
    const sorted = Float64Array.from(samples).sort();
    const round = (v) => Math.round(v * 100) / 100;
    return {
        count: sorted.length,
        p50: round(percentile(sorted, 50)),
        p90: round(percentile(sorted, 90)),
        p99: round(percentile(sorted, 99)),
        max: round(sorted.length ? sorted[sorted.length - 1] : 0),
    };
}

async function main() {
    const started = performance.now();
    const startedAt = new Date().toISOString();
    for (let i = 0; i < options.bots; i++) {
        bots.push(new Bot(i));
    }

    const joins = bots.map((bot, i) => new Promise((resolve) =>
        setTimeout(() => bot.start().then(resolve, (e) => { error("bot", e.message); resolve(); }), options.ramp * 1000 * i / options.bots)));

    let atStart = null;
    let windowStartedAt = 0;
    setTimeout(() => {
        windowOpen = true;
        atStart = counters();
        windowStartedAt = performance.now();
    }, Math.min(WINDOW_START, options.duration) * 1000);

    await new Promise((resolve) => setTimeout(resolve, options.duration * 1000));
    windowOpen = false;
    const atEnd = counters();
    const window = (performance.now() - windowStartedAt) / 1000;
    stopping = true;
    for (const bot of bots) {
        bot.stop();
    }

    await Promise.race([Promise.all(joins), new Promise((resolve) => setTimeout(resolve, 2000))]);

    const joined = bots.filter((b) => b.joined);
    const rates = bots.map((b, i) => atStart && window > 0 ? (atEnd[i][0] - atStart[i][0]) / window : 0);
    const perBot = (column) => atStart && window > 0 && joined.length
        ? Math.round(bots.reduce((sum, _, i) => sum + atEnd[i][column] - atStart[i][column], 0) / window / joined.length) : 0;
    const windowPatches = atStart ? bots.reduce((sum, _, i) => sum + atEnd[i][0] - atStart[i][0], 0) : 0;
    const windowPatchBytes = atStart ? bots.reduce((sum, _, i) => sum + atEnd[i][3] - atStart[i][3], 0) : 0;
    const rooms = new Map();
    for (const b of joined) {
        rooms.set(b.roomId, (rooms.get(b.roomId) ?? 0) + 1);
    }

    const report = {
        startedAt,
        target: "colyseus",
        url: options.url,
        decode: options.decode,
        bots: options.bots,
        connected: bots.filter((b) => b.connected).length,
        joined: joined.length,
        durationSeconds: options.duration,
        rampSeconds: options.ramp,
        windowStartSeconds: WINDOW_START,
        windowSeconds: Math.round(window * 1000) / 1000,
        inputsPerSecondPerBot: options.inputs,
        pingsPerSecondPerBot: options.pings,
        errors,
        // Named as the swarm's report names them, so perf/floor/summarize.py reads either: a Colyseus patch is a delta.
        deltasPerSecondPerBot: {
            mean: joined.length ? Math.round(joined.reduce((sum, b) => sum + rates[b.index], 0) / joined.length * 100) / 100 : 0,
            min: Math.round(Math.min(...rates) * 100) / 100,
        },
        bytesPerBotPerSecond: perBot(1),
        bytesSentPerBotPerSecond: perBot(2),
        bytesPerDelta: windowPatches ? Math.round(windowPatchBytes / windowPatches * 10) / 10 : 0,
        rttMs: latency(rtt),
        stateLagMs: latency(lag),
        ticksMissed: options.decode === "full" ? bots.reduce((sum, b) => sum + b.ticksMissed, 0) : null,
        matches: {
            matches: rooms.size,
            minPlayers: rooms.size ? Math.min(...rooms.values()) : 0,
            maxPlayers: rooms.size ? Math.max(...rooms.values()) : 0,
            expected: options.capacity,
        },
        elapsedSeconds: Math.round((performance.now() - started) / 10) / 100,
    };

    if (options.report) {
        fs.writeFileSync(options.report, JSON.stringify(report, null, 2));
    }

    const ok = report.joined === report.bots && errors.total === 0;
    console.log(`colyseus bots: ${report.joined}/${report.bots} joined in ${rooms.size} rooms, ${report.deltasPerSecondPerBot.mean} patches/s/bot `
        + `(min ${report.deltasPerSecondPerBot.min}), RTT p50 ${report.rttMs.p50} ms p99 ${report.rttMs.p99} ms, `
        + `${report.bytesPerBotPerSecond} B/bot/s, ${errors.total} errors`);
    process.exit(ok ? 0 : 1);
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});

"use strict";
// The Colyseus peer: one "arena" room type of the given capacity, on 127.0.0.1 only.
//
//   node server.js --port 5182 --capacity 16        (or PORT=5182 CAPACITY=16 node server.js)
const { Server } = require("@colyseus/core");
const { WebSocketTransport } = require("@colyseus/ws-transport");
const { ArenaRoom } = require("./arena-room");

function arg(name, fallback) {
    const i = process.argv.indexOf("--" + name);
    return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const port = Number(arg("port", process.env.PORT || 5182));
const capacity = Number(arg("capacity", process.env.CAPACITY || 16));
if (!Number.isInteger(port) || port <= 0 || !Number.isInteger(capacity) || capacity <= 0) {
    console.error("Usage: node server.js --port PORT --capacity N (positive integers)");
    process.exit(2);
}

// A connection per bot, each with its own pings from the load client: the transport's own keep-alive pings
// (every 3 s by default) stay on, as in any Colyseus deployment.
const server = new Server({ transport: new WebSocketTransport({}), greet: false });
server.define("arena", ArenaRoom, { capacity });

server.listen(port, "127.0.0.1").then(
    () => console.log(`colyseus peer: arena rooms of ${capacity} on ws://127.0.0.1:${port}`),
    (error) => {
        console.error(error);
        process.exit(1);
    });

// Colyseus itself handles SIGTERM and SIGINT: it disposes the rooms, closes the sockets and exits.

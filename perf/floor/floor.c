/*
 * The physical floor: the least a server can do to serve the swarm's traffic, so the real server's CPU per bot can be
 * read as a ratio to the kernel's own cost. One thread, one epoll set: the listening socket, every connection, and a
 * timerfd that fires each tick. Per tick it patches the tick numbers into one pre-framed Delta and writes it to every
 * joined socket with a single non-blocking send(). It answers Join with Welcome + Snapshot and Ping with Pong (valid
 * gameserver.v1 frames, so the swarm measures it like the server), reads and drops Inputs, and runs no game.
 *
 * With --batch-sends 1, each tick's sends go to the kernel in one io_uring submission (MSG_DONTWAIT, so each completes
 * inside it), as the server's do by default: the floor of a server that batches its writes.
 *
 * Build: gcc -O2 -o floor floor.c -lcrypto
 * Run:   ./floor --port 5001 --tick-rate 30 --delta-bytes 260 [--batch-sends 1]
 * SIGTERM or SIGINT prints its counters and exits.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <linux/io_uring.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#define MAX_FDS 65536
#define IN_BUF 4096

typedef struct conn {
    int fd;
    int upgraded;
    int joined_index; /* index in the joined list, or -1 */
    int in_len;
    unsigned char in[IN_BUF];
} conn;

static conn *conns[MAX_FDS];
static int joined[MAX_FDS];
static int joined_count;
static uint32_t tick = 1;
static unsigned char delta[70000];
static size_t delta_len;
static size_t delta_payload_offset;
static long long sent_deltas, dropped, accepted, pongs;
static volatile sig_atomic_t stop;

static void put32(unsigned char *p, uint32_t v) { p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v; }

/* Frames a server message: FIN + binary, unmasked, 7- or 16-bit length. Returns the header length. */
static size_t frame_header(unsigned char *out, size_t payload) {
    out[0] = 0x82;
    if (payload < 126) { out[1] = (unsigned char)payload; return 2; }
    out[1] = 126; out[2] = payload >> 8; out[3] = payload & 0xff; return 4;
}

/* [18, baseTick, tick, phase 2 running, 0 ticks left, [], [changed x k], []] with fixed-width ticks to patch in place. */
static void build_delta(size_t target) {
    size_t k = target > 38 ? (target - 19 + 9) / 19 : 1;
    unsigned char body[65536];
    size_t n = 0;
    body[n++] = 0x98; body[n++] = 0x12;
    body[n++] = 0xce; n += 4; body[n++] = 0xce; n += 4;
    body[n++] = 0x02; body[n++] = 0x00; body[n++] = 0x90;
    body[n++] = 0xdc; body[n++] = k >> 8; body[n++] = k & 0xff;
    for (size_t i = 0; i < k; i++) {
        /* [id, mask x|y, x, y]: entity ids above any player id, so a bot never mistakes one for itself. */
        body[n++] = 0x94; body[n++] = 0xce; put32(body + n, 0x40000000u + i); n += 4;
        body[n++] = 0xcd; body[n++] = 0x00; body[n++] = 0x03;
        body[n++] = 0xd2; put32(body + n, 16000 + i); n += 4;
        body[n++] = 0xd2; put32(body + n, 9600 + i); n += 4;
    }
    body[n++] = 0x90;
    delta_payload_offset = frame_header(delta, n);
    memcpy(delta + delta_payload_offset, body, n);
    delta_len = delta_payload_offset + n;
}

static void close_conn(int fd) {
    conn *c = conns[fd];
    if (!c) return;
    if (c->joined_index >= 0) {
        int last = joined[--joined_count];
        joined[c->joined_index] = last;
        conns[last]->joined_index = c->joined_index;
    }
    close(fd);
    free(c);
    conns[fd] = NULL;
}

/* A whole small message or nothing: a partial write would corrupt the stream, so the connection goes. */
static int send_all(int fd, const unsigned char *p, size_t len) {
    ssize_t n = send(fd, p, len, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n == (ssize_t)len) return 0;
    dropped++;
    close_conn(fd);
    return -1;
}

/* The io_uring of --batch-sends: its rings as mapped, and how many sends wait for the next submission. */
#define RING_ENTRIES 4096
static struct {
    int fd;
    unsigned *sq_tail, *sq_mask, *sq_array, *cq_head, *cq_tail, *cq_mask;
    struct io_uring_sqe *sqes;
    struct io_uring_cqe *cqes;
    unsigned pending;
} ring = { .fd = -1 };

static int ring_setup(void) {
    struct io_uring_params p;
    memset(&p, 0, sizeof p);
    ring.fd = (int)syscall(__NR_io_uring_setup, RING_ENTRIES, &p);
    if (ring.fd < 0 || !(p.features & IORING_FEAT_SINGLE_MMAP)) return -1;
    size_t size = p.sq_off.array + p.sq_entries * sizeof(unsigned);
    if (p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe) > size) size = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
    char *rings = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring.fd, IORING_OFF_SQ_RING);
    ring.sqes = mmap(NULL, p.sq_entries * sizeof(struct io_uring_sqe), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring.fd, IORING_OFF_SQES);
    if (rings == MAP_FAILED || ring.sqes == MAP_FAILED) return -1;
    ring.sq_tail = (unsigned *)(rings + p.sq_off.tail); ring.sq_mask = (unsigned *)(rings + p.sq_off.ring_mask);
    ring.sq_array = (unsigned *)(rings + p.sq_off.array);
    ring.cq_head = (unsigned *)(rings + p.cq_off.head); ring.cq_tail = (unsigned *)(rings + p.cq_off.tail);
    ring.cq_mask = (unsigned *)(rings + p.cq_off.ring_mask);
    ring.cqes = (struct io_uring_cqe *)(rings + p.cq_off.cqes);
    return 0;
}

/* Submits the pending sends and takes every completion: all come within the call, since none may wait. */
static void ring_submit(void) {
    unsigned count = ring.pending, reaped = 0;
    if (!count) return;
    __atomic_store_n(ring.sq_tail, *ring.sq_tail + count, __ATOMIC_RELEASE);
    ring.pending = 0;
    while (reaped < count) {
        syscall(__NR_io_uring_enter, ring.fd, reaped ? 0 : count, count - reaped, IORING_ENTER_GETEVENTS, NULL, 0);
        unsigned head = *ring.cq_head, tail = __atomic_load_n(ring.cq_tail, __ATOMIC_ACQUIRE);
        for (; head != tail; head++, reaped++) {
            struct io_uring_cqe *cqe = &ring.cqes[head & *ring.cq_mask];
            int fd = (int)cqe->user_data;
            if (cqe->res == (int)delta_len) sent_deltas++;
            else { dropped++; if (conns[fd]) close_conn(fd); }
        }
        __atomic_store_n(ring.cq_head, head, __ATOMIC_RELEASE);
    }
}

static void ring_send(int fd) {
    if (ring.pending == RING_ENTRIES) ring_submit();
    unsigned index = (*ring.sq_tail + ring.pending) & *ring.sq_mask;
    struct io_uring_sqe *sqe = &ring.sqes[index];
    memset(sqe, 0, sizeof *sqe);
    sqe->opcode = IORING_OP_SEND;
    sqe->fd = fd;
    sqe->addr = (unsigned long)delta;
    sqe->len = (unsigned)delta_len;
    sqe->msg_flags = MSG_DONTWAIT | MSG_NOSIGNAL;
    sqe->user_data = (unsigned)fd;
    ring.sq_array[index] = index;
    ring.pending++;
}

static void on_tick(void) {
    put32(delta + delta_payload_offset + 3, tick);
    put32(delta + delta_payload_offset + 8, tick + 1);
    tick++;
    if (ring.fd >= 0) {
        /* Backwards, as below: a connection closed by a completion is swapped out of the list behind the loop. */
        for (int i = joined_count - 1; i >= 0; i--) ring_send(joined[i]);
        ring_submit();
        return;
    }
    for (int i = joined_count - 1; i >= 0; i--) {
        if (send_all(joined[i], delta, delta_len) == 0) sent_deltas++;
    }
}

#include "floor_ws.h"

static void on_signal(int s) { (void)s; stop = 1; }

int main(int argc, char **argv) {
    int port = 5001, tick_rate = 30, target = 260, batch = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--port")) port = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--tick-rate")) tick_rate = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--delta-bytes")) target = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--batch-sends")) batch = atoi(argv[i + 1]);
        else { fprintf(stderr, "usage: floor --port P --tick-rate R --delta-bytes B [--batch-sends 1]\n"); return 2; }
    }
    build_delta((size_t)target);
    if (batch && ring_setup()) { perror("io_uring"); return 1; }
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);

    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) || listen(lfd, 4096)) { perror("bind/listen"); return 1; }

    int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
    long period = 1000000000L / tick_rate;
    struct itimerspec ts = { .it_interval = { 0, period }, .it_value = { 0, period } };
    timerfd_settime(tfd, 0, &ts, NULL);

    int ep = epoll_create1(0);
    struct epoll_event ev = { .events = EPOLLIN, .data.fd = lfd };
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
    ev.data.fd = tfd;
    epoll_ctl(ep, EPOLL_CTL_ADD, tfd, &ev);
    fprintf(stderr, "floor: listening on 127.0.0.1:%d, %d Hz, delta frame %zu bytes, %s\n", port, tick_rate, delta_len,
            batch ? "sends batched through io_uring" : "one send() per socket");

    struct epoll_event events[256];
    while (!stop) {
        int n = epoll_wait(ep, events, 256, 100);
        for (int i = 0; i < n; i++) {
            int fd = events[i].data.fd;
            if (fd == tfd) {
                uint64_t expirations;
                /* Late (descheduled): catch up, as the server's drift-free tick does, so the rate stays the same. */
                if (read(tfd, &expirations, sizeof expirations) > 0)
                    for (uint64_t k = 0; k < expirations && k < 30; k++) on_tick();
            } else if (fd == lfd) {
                int cfd;
                while ((cfd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    if (cfd >= MAX_FDS) { close(cfd); continue; }
                    setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    conn *c = calloc(1, sizeof *c);
                    c->fd = cfd; c->joined_index = -1;
                    conns[cfd] = c;
                    struct epoll_event cev = { .events = EPOLLIN | EPOLLRDHUP, .data.fd = cfd };
                    epoll_ctl(ep, EPOLL_CTL_ADD, cfd, &cev);
                    accepted++;
                }
            } else {
                on_readable(fd);
            }
        }
    }
    fprintf(stderr, "floor: accepted %lld, deltas sent %lld, pongs %lld, dropped %lld, ticks %u\n",
            accepted, sent_deltas, pongs, dropped, tick - 1);
    return 0;
}

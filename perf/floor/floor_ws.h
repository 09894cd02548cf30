/* The floor's WebSocket side: the upgrade and the client frames it answers. Included once, by floor.c. */

static const unsigned char token[16] = { 0 };

static int on_upgrade(conn *c) {
    c->in[c->in_len] = 0;
    char *end = strstr((char *)c->in, "\r\n\r\n");
    if (!end) return c->in_len >= IN_BUF - 1 ? -1 : 0;
    char *key = strcasestr((char *)c->in, "Sec-WebSocket-Key:");
    if (!key || !strstr((char *)c->in, "gameserver.v1")) return -1;
    key += 18;
    while (*key == ' ') key++;
    char joined_key[128];
    int klen = 0;
    while (key[klen] && key[klen] != '\r' && klen < 60) klen++;
    snprintf(joined_key, sizeof joined_key, "%.*s258EAFA5-E914-47DA-95CA-C5AB0DC85B11", klen, key);
    unsigned char digest[SHA_DIGEST_LENGTH];
    SHA1((unsigned char *)joined_key, strlen(joined_key), digest);
    unsigned char accept[64];
    EVP_EncodeBlock(accept, digest, SHA_DIGEST_LENGTH);
    char response[256];
    int len = snprintf(response, sizeof response,
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Accept: %s\r\nSec-WebSocket-Protocol: gameserver.v1\r\n\r\n", accept);
    if (send_all(c->fd, (unsigned char *)response, (size_t)len)) return -2;
    int consumed = (int)(end + 4 - (char *)c->in);
    memmove(c->in, c->in + consumed, c->in_len - consumed);
    c->in_len -= consumed;
    c->upgraded = 1;
    return 0;
}

/* Reads a MessagePack unsigned integer (fixint, uint8/16/32). */
static int read_uint(const unsigned char *p, size_t len, uint32_t *value, size_t *used) {
    if (len < 1) return -1;
    if (p[0] < 0x80) { *value = p[0]; *used = 1; return 0; }
    if (p[0] == 0xcc && len >= 2) { *value = p[1]; *used = 2; return 0; }
    if (p[0] == 0xcd && len >= 3) { *value = (uint32_t)p[1] << 8 | p[2]; *used = 3; return 0; }
    if (p[0] == 0xce && len >= 5) { *value = (uint32_t)p[1] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 8 | p[4]; *used = 5; return 0; }
    return -1;
}

static int on_message(conn *c, const unsigned char *p, size_t len) {
    if (len < 2 || (p[0] & 0xf0) != 0x90) return -1;
    unsigned char out[128];
    switch (p[1]) {
    case 1: { /* Join: Welcome [16, 1, player, match 1, rate, tick, token] then Snapshot [17, tick, 2, 0, []] */
        if (c->joined_index >= 0) return 0;
        unsigned char body[64];
        size_t n = 0;
        body[n++] = 0x97; body[n++] = 0x10; body[n++] = 0x01;
        body[n++] = 0xce; put32(body + n, (uint32_t)c->fd); n += 4;
        body[n++] = 0x01; body[n++] = 0x1e;
        body[n++] = 0xce; put32(body + n, tick); n += 4;
        body[n++] = 0xc4; body[n++] = 0x10; memcpy(body + n, token, 16); n += 16;
        size_t h = frame_header(out, n);
        memcpy(out + h, body, n);
        size_t total = h + n;
        unsigned char snap[] = { 0x95, 0x11, 0xce, 0, 0, 0, 0, 0x02, 0x00, 0x90 };
        put32(snap + 3, tick);
        total += frame_header(out + total, sizeof snap);
        memcpy(out + total, snap, sizeof snap);
        total += sizeof snap;
        if (send_all(c->fd, out, total)) return -2;
        c->joined_index = joined_count;
        joined[joined_count++] = c->fd;
        return 0;
    }
    case 3: { /* Ping [3, clientTime] -> Pong [19, clientTime, tick] */
        uint32_t client_time;
        size_t used;
        if (read_uint(p + 2, len - 2, &client_time, &used)) return -1;
        unsigned char pong[] = { 0x93, 0x13, 0xce, 0, 0, 0, 0, 0xce, 0, 0, 0, 0 };
        put32(pong + 3, client_time);
        put32(pong + 8, tick);
        size_t h = frame_header(out, sizeof pong);
        memcpy(out + h, pong, sizeof pong);
        if (send_all(c->fd, out, h + sizeof pong)) return -2;
        pongs++;
        return 0;
    }
    case 4: /* Leave */
        return -1;
    default: /* Input and anything else: read and dropped, which is the kernel cost we want to count. */
        return 0;
    }
}

/* Parses the masked client frames in the buffer; returns -1 to close, -2 when already closed. */
static int on_frames(conn *c) {
    int at = 0;
    while (c->in_len - at >= 6) {
        unsigned char *f = c->in + at;
        size_t len = f[1] & 0x7f, h = 2;
        if (!(f[1] & 0x80)) return -1;
        if (len == 126) { if (c->in_len - at < 8) break; len = (size_t)f[2] << 8 | f[3]; h = 4; }
        else if (len == 127) return -1;
        if (len > 1024) return -1;
        if ((size_t)(c->in_len - at) < h + 4 + len) break;
        unsigned char *mask = f + h, *p = f + h + 4;
        for (size_t i = 0; i < len; i++) p[i] ^= mask[i & 3];
        int op = f[0] & 0x0f, r = 0;
        if (op == 2) r = on_message(c, p, len);
        else if (op == 8) r = -1;
        if (r) return r;
        at += (int)(h + 4 + len);
    }
    memmove(c->in, c->in + at, c->in_len - at);
    c->in_len -= at;
    return 0;
}

static void on_readable(int fd) {
    conn *c = conns[fd];
    if (!c) return;
    for (;;) {
        ssize_t n = recv(fd, c->in + c->in_len, IN_BUF - 1 - c->in_len, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN) return;
        if (n <= 0) { close_conn(fd); return; }
        c->in_len += (int)n;
        int r = c->upgraded ? 0 : on_upgrade(c);
        if (r == 0 && c->upgraded) r = on_frames(c);
        if (r == -2) return;
        if (r < 0) { close_conn(fd); return; }
    }
}

// Where a game page plays: ?server=http://host:port plays on another server; by default the one that served the page.
const params = new URLSearchParams(location.search);

/** The server's HTTP URL. */
export const serverBase = () => new URL(params.get('server') ?? location.href);

/** The server's game WebSocket (/ws), on ws: or wss: as the page is served. */
export function socketUrl() {
  const base = serverBase();
  base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  return new URL('/ws', base).href;
}

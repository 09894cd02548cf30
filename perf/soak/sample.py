#!/usr/bin/env python3
"""One sample of a running server for perf/soak.sh: /metrics, /matches and /proc/PID, as one JSON line on stdout.

    sample.py PORT PID PHASE [fullgc]
fullgc marks a sample taken right after a full GC (soak.sh induces one). Loopback only: the port is always on 127.0.0.1.
"""
import json
import re
import sys
import time
import urllib.request

LINE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)')


def fetch(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
        return response.read().decode()


def metrics(text):
    """Sums each metric over its labels, except closes, which stay by reason."""
    sums = {}
    for line in text.splitlines():
        m = LINE.match(line)
        if not m or line.startswith('#'):
            continue
        name, labels, value = m.group(1), m.group(2) or '', float(m.group(3))
        if name.startswith('gameserver_closes'):
            reason = re.search(r'reason="([^"]*)"', labels)
            name += ':' + (reason.group(1) if reason else '')
        sums[name] = sums.get(name, 0.0) + value
    return sums


def proc(pid):
    status = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(':')
            status[key] = value.split()[0] if value.split() else ''
    return int(status.get('VmRSS', 0)) * 1024, int(status.get('Threads', 0))


def main():
    port, pid, phase = sys.argv[1:4]
    sample = {'t': round(time.time(), 3), 'phase': phase, 'fullGc': sys.argv[4:5] == ['fullgc']}
    try:
        m = metrics(fetch(port, '/metrics'))
        matches = json.loads(fetch(port, '/matches'))
        rss, threads = proc(pid)
    except (OSError, ValueError) as error:
        sample['error'] = str(error)
        print(json.dumps(sample), flush=True)
        return
    if isinstance(matches, dict):
        matches = matches.get('matches', [])
    players = 0
    disconnected = []
    for match in matches:
        for player in match.get('players', []):
            players += 1
            if not player.get('connected', True):
                disconnected.append(f"{match.get('id')}:{player.get('id', player.get('playerId'))}")
    sample.update({
        'heap': sum(v for k, v in m.items() if k == 'dotnet_gc_last_collection_heap_size_bytes'),
        'rss': rss,
        'threads': threads,
        'poolThreads': m.get('dotnet_thread_pool_thread_count_total', m.get('dotnet_thread_pool_thread_count', 0)),
        'poolQueue': m.get('dotnet_thread_pool_queue_length_total', m.get('dotnet_thread_pool_queue_length', 0)),
        'timers': m.get('dotnet_timer_count', 0),
        'connections': m.get('gameserver_connections', 0),
        'kestrelConnections': m.get('kestrel_active_connections', 0),
        'kestrelQueued': m.get('kestrel_queued_connections', 0),
        'spectators': m.get('gameserver_spectators', 0),
        'joins': m.get('gameserver_joins_total', 0),
        'deltasDropped': m.get('gameserver_deltas_dropped_total', 0),
        'closes': {k.split(':', 1)[1]: v for k, v in m.items() if k.startswith('gameserver_closes')},
        'gauges': {k: v for k, v in m.items() if k.startswith('gameserver_') and 'closes' not in k and not k.endswith(('_total', '_bucket', '_sum', '_count'))},
        'matches': len(matches),
        'players': players,
        'disconnected': disconnected,
    })
    print(json.dumps(sample), flush=True)


if __name__ == '__main__':
    main()

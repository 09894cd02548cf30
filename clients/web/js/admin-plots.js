// The console's plots: one uPlot each over the last 10 minutes of the node's samples (one a second). A plot's series
// can depend on the samples (one line per tick shard): when they change, the plot is made again.
import uPlot from '../vendor/uplot/uPlot.esm.js'; // uPlot 1.6.32, see vendor/README.md
import * as format from './format.js';

export const WINDOW_SECONDS = 10 * 60;

const COLORS = ['#5fb3ff', '#ff6b6b', '#ffd166', '#06d6a0', '#c77dff', '#f78c6b', '#4cc9f0', '#e6e9ef'];
const HEIGHT = 150;

const shardsOf = (sample) => (sample.shards ?? []).map((s) => s.shard);
const shard = (sample, index) => sample.shards?.find((s) => s.shard === index);
const field = (name) => (sample) => sample[name] ?? null;

/** What each plot shows: its lines ({label, value(sample)}) for the latest sample, and how its values read. */
const PLOTS = [
  {
    key: 'tick', title: 'Tick duration (ms)', format: (v) => format.withUnit(v, 'ms', 2),
    lines: (last) => shardsOf(last).flatMap((i) => [
      { label: `shard ${i} p50`, value: (s) => shard(s, i)?.tickP50Ms ?? null },
      { label: `shard ${i} p99`, value: (s) => shard(s, i)?.tickP99Ms ?? null, dash: [4, 3] },
    ]),
  },
  {
    key: 'overruns', title: 'Tick overruns per second', format: (v) => format.number(v),
    lines: (last) => shardsOf(last).map((i) => ({ label: `shard ${i}`, value: (s) => shard(s, i)?.overrunsPerSecond ?? null })),
  },
  {
    key: 'load', title: 'Players, matches, connections, spectators', format: (v) => format.number(v, 0),
    lines: () => [
      { label: 'players', value: field('players') },
      { label: 'matches', value: field('matches') },
      { label: 'connections', value: field('connections') },
      { label: 'spectators', value: field('spectators') },
    ],
  },
  {
    key: 'bandwidth', title: 'Bytes per second', format: (v) => format.bytes(v),
    lines: () => [
      { label: 'in', value: field('bytesInPerSecond') },
      { label: 'out', value: field('bytesOutPerSecond') },
    ],
  },
  {
    key: 'trouble', title: 'Dropped deltas, resyncs, refused joins per second', format: (v) => format.number(v),
    lines: () => [
      { label: 'dropped deltas', value: field('droppedDeltasPerSecond') },
      { label: 'resyncs', value: field('resyncsPerSecond') },
      { label: 'refused joins', value: field('refusedJoinsPerSecond') },
    ],
  },
  {
    key: 'heap', title: 'GC heap', format: (v) => format.bytes(v),
    lines: () => [{ label: 'heap', value: field('gcHeapBytes') }],
  },
  {
    key: 'cpu', title: 'CPU (% of one core)', format: (v) => format.withUnit(v, '%'),
    lines: () => [{ label: 'process', value: field('cpuPercent') }],
  },
];

const axisStyle = { stroke: '#8b93a7', grid: { stroke: '#263046', width: 1 }, ticks: { stroke: '#263046', width: 1 } };

/** A plot in its figure: made (again) when its lines change, fed the samples each second. */
class Plot {
  constructor(spec, container) {
    this.spec = spec;
    this.figure = document.createElement('figure');
    this.figure.className = 'plot panel';
    this.figure.dataset.plot = spec.key;
    const caption = document.createElement('figcaption');
    caption.textContent = spec.title;
    this.figure.append(caption);
    container.append(this.figure);
    this.lines = [];
    this.chart = null;
  }

  update(samples) {
    const last = samples[samples.length - 1];
    const lines = this.spec.lines(last);
    if (this.chart === null || lines.map((l) => l.label).join() !== this.lines.map((l) => l.label).join()) {
      this.lines = lines;
      this.chart?.destroy();
      this.chart = this.make(last.t / 1000);
    }
    this.end = last.t / 1000;
    this.chart.setData([samples.map((s) => s.t / 1000), ...this.lines.map((l) => samples.map(l.value))]);
    showLatestUnlessHovered(this.chart);
    this.figure.dataset.samples = String(samples.length);
  }

  make(end) {
    this.end = end;
    const value = (u, v) => this.spec.format(v);
    return new uPlot({
      width: this.width(),
      height: HEIGHT,
      // The x scale is always the whole window, ending at the latest sample: a fresh node's few samples sit at the right.
      scales: { x: { time: true, range: () => [this.end - WINDOW_SECONDS, this.end] }, y: { range: yRange } },
      axes: [{ ...axisStyle }, { ...axisStyle, size: 64, values: (u, splits) => splits.map((v) => this.spec.format(v)) }],
      series: [
        { label: 'time', value: '{HH}:{mm}:{ss}' },
        ...this.lines.map((line, i) => ({ label: line.label, stroke: COLORS[i % COLORS.length], dash: line.dash, width: 1.5, value, spanGaps: false })),
      ],
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
      hooks: { setCursor: [showLatestUnlessHovered] },
    }, [[]], this.figure);
  }

  width() {
    return Math.max(200, this.figure.clientWidth - 24);
  }

  resize() {
    this.chart?.setSize({ width: this.width(), height: HEIGHT });
  }

  /** The plotted values of the latest sample by line label, as the chart holds them. */
  latest() {
    const data = this.chart?.data ?? [[]];
    const at = data[0].length - 1;
    return Object.fromEntries(this.lines.map((line, i) => [line.label, at >= 0 ? data[i + 1][at] : null]));
  }
}

// The legend shows the latest values, unless the pointer is over the plot: then the values under it.
function showLatestUnlessHovered(u) {
  const latest = u.data[0].length - 1;
  if (u.cursor.idx == null && latest >= 0) u.setLegend({ idx: latest });
}

// From zero to a little above the highest value, so that a flat line of zeros stays at the bottom.
function yRange(u, min, max) {
  const top = max == null || max <= 0 ? 1 : max * 1.1;
  return [Math.min(0, min ?? 0), top];
}

/** Every plot of the console, in its container. */
export class Plots {
  constructor(container) {
    this.plots = PLOTS.map((spec) => new Plot(spec, container));
    new ResizeObserver(() => { for (const plot of this.plots) plot.resize(); }).observe(container);
  }

  /** Shows the samples (oldest first, at least one). */
  update(samples) {
    for (const plot of this.plots) plot.update(samples);
  }

  /** What each plot shows now, by plot key: for tests and the curious. */
  latest() {
    return Object.fromEntries(this.plots.map((plot) => [plot.spec.key, plot.latest()]));
  }
}

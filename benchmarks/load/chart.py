"""The PNG of per-turn latency against concurrency: p50 and p95 of each target, with the issue's limits."""

from __future__ import annotations

import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display

from matplotlib import pyplot, ticker

from benchmarks.load.figures import BUSY_P95_MS


def draw_latency_chart(targets: dict[str, dict[int, dict]], subtitle: str, path: Path, late_after_ms: float) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # matplotlib 3.5 (Rasa's pin) calls pyparsing's deprecated names
        figure, axes = pyplot.subplots(figsize=(8, 5))
        for index, (name, levels) in enumerate(targets.items()):
            concurrency = sorted(level for level in levels if levels[level]["p50_ms"] is not None)
            for key, style in (("p50_ms", "-"), ("p95_ms", "--")):
                values = [levels[level][key] for level in concurrency]
                label = f"{name} {key[:3]}"
                axes.plot(concurrency, values, style, marker="o", color=f"C{index}", label=label)  # a colour a target
        axes.axhline(
            late_after_ms,
            color="grey",
            linestyle=":",
            label=f"WeChat passive reply window ({late_after_ms / 1000:g} s)",
        )
        axes.axhline(
            BUSY_P95_MS, color="black", linestyle=":", label=f"target: p95 at 20 under {BUSY_P95_MS / 1000:g} s"
        )
        levels_run = sorted({level for levels in targets.values() for level in levels})
        axes.set_xscale("log")
        axes.set_yscale("log")
        axes.xaxis.set_minor_locator(ticker.NullLocator())
        axes.set_xticks(levels_run, [str(level) for level in levels_run])
        axes.yaxis.set_major_locator(ticker.LogLocator(subs=(1.0, 2.0, 5.0)))
        axes.yaxis.set_major_formatter(ticker.FuncFormatter(lambda value, _: f"{value:g}"))
        axes.yaxis.set_minor_formatter(ticker.NullFormatter())
        axes.set_xlabel("concurrent conversations")
        axes.set_ylabel("ms per turn (log scale)")
        axes.set_title(f"Per-turn latency through the REST channel\n{subtitle}", fontsize=9)
        axes.grid(True, which="both", alpha=0.3)
        axes.legend(fontsize=8)
        figure.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(path, dpi=120)
        pyplot.close(figure)

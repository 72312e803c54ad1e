"""Load benchmark: simulated citizens through the REST channel against our assistant and a plain `rasa init` one.

    make bench                                       (levels 1, 10, 20, 50; about 12 minutes)
    make bench BENCH_ARGS="--quick"                  (levels 1 and 10, 15 s each)
    make bench BENCH_ARGS="--no-floor --replicas 1,2"             (also deploy.cluster with 1 and 2 replicas)
    make bench BENCH_ARGS="--target two=http://127.0.0.1:8080"   (also an assistant already running there)

Locust (in its own venv, build/bench-venv) plays the conversations; `python -m benchmarks.load` starts the
servers, runs locust headless at each concurrency level against one target at a time and writes
results/bench/report.json and results/bench/latency.png.
"""

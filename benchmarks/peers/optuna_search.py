#!/usr/bin/python3
"""Optuna 3.1's samplers (Debian python3-optuna; CMA-ES through Debian python3-cmaes) on the
functions of search_functions.py, the peer of org.terrain4j.bench.SearchRegret.

Prints the same TSV rows as SearchRegret:
    function  method  seed  evaluations  regret
with the incumbent's regret (the trial with the best observed value; for a noisy function its
true value's regret) after 10, 20, 30, 40, 50 and 100 evaluations.

    /usr/bin/python3 benchmarks/peers/optuna_search.py --sampler tpe --seeds 20 --budget 100 --functions BRANIN,HARTMANN6
"""
import argparse
import math
import os
import random
import sys

import optuna

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from search_functions import FUNCTIONS  # noqa: E402

CHECKPOINTS = (10, 20, 30, 40, 50, 100)
SAMPLERS = {
    "tpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
    "cmaes": lambda seed: optuna.samplers.CmaEsSampler(seed=seed),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sampler", choices=sorted(SAMPLERS), default="tpe")
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--budget", type=int, default=100)
    parser.add_argument("--functions", default="BRANIN,HARTMANN6", help="comma-separated names, or all")
    args = parser.parse_args()
    names = list(FUNCTIONS) if args.functions == "all" else args.functions.split(",")
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    for name in names:
        function, bounds, minimum, noise = FUNCTIONS[name]
        for seed in range(args.seeds):
            rng = random.Random(seed * 1000003 + 7)

            def objective(trial):
                x = [trial.suggest_float("x%d" % i, lo, hi) for i, (lo, hi) in enumerate(bounds)]
                trial.set_user_attr("regret", function(x) - minimum)
                return function(x) + (noise * rng.gauss(0, 1) if noise else 0)

            study = optuna.create_study(sampler=SAMPLERS[args.sampler](seed))
            study.optimize(objective, n_trials=args.budget)
            best_observed, regret = math.inf, math.inf
            for n, trial in enumerate(study.trials, start=1):
                if trial.value < best_observed:
                    best_observed, regret = trial.value, trial.user_attrs["regret"]
                if n in CHECKPOINTS:
                    print("%s\toptuna_%s\t%d\t%d\t%.6g" % (name, args.sampler, seed, n, regret))
            sys.stdout.flush()


if __name__ == "__main__":
    main()

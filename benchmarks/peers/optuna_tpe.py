#!/usr/bin/python3
"""Optuna 3.1's TPE (Debian python3-optuna) on Branin and Hartmann-6, the peer of SearchRegret.

Prints the same TSV rows as org.terrain4j.bench.SearchRegret:
    function  method  seed  evaluations  regret
with the best-so-far regret after 10, 20, 30, 40, 50 and 100 evaluations.

    /usr/bin/python3 benchmarks/peers/optuna_tpe.py --seeds 20 --budget 100
"""
import argparse
import math
import sys

import optuna

CHECKPOINTS = (10, 20, 30, 40, 50, 100)
ALPHA = (1.0, 1.2, 3.0, 3.2)
A = ((10, 3, 17, 3.5, 1.7, 8), (0.05, 10, 17, 0.1, 8, 14), (3, 3.5, 1.7, 10, 17, 8), (17, 8, 0.05, 10, 0.1, 14))
P = ((1312, 1696, 5569, 124, 8283, 5886), (2329, 4135, 8307, 3736, 1004, 9991),
     (2348, 1451, 3522, 2883, 3047, 6650), (4047, 8828, 8732, 5743, 1091, 381))


def branin(x):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x[1] - b * x[0] ** 2 + c * x[0] - 6) ** 2 + 10 * (1 - t) * math.cos(x[0]) + 10


def hartmann6(x):
    return -sum(ALPHA[i] * math.exp(-sum(A[i][j] * (x[j] - P[i][j] * 1e-4) ** 2 for j in range(6)))
                for i in range(4))


FUNCTIONS = {
    "BRANIN": (branin, [(-5, 10), (0, 15)], 0.397887357729739),
    "HARTMANN6": (hartmann6, [(0, 1)] * 6, -3.32236801141551),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--budget", type=int, default=100)
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    for name, (function, bounds, minimum) in FUNCTIONS.items():
        for seed in range(args.seeds):
            def objective(trial):
                return function([trial.suggest_float("x%d" % i, lo, hi) for i, (lo, hi) in enumerate(bounds)])

            study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
            study.optimize(objective, n_trials=args.budget)
            best = math.inf
            for n, trial in enumerate(study.trials, start=1):
                best = min(best, trial.value - minimum)
                if n in CHECKPOINTS:
                    print("%s\toptuna_tpe\t%d\t%d\t%.6g" % (name, seed, n, best))
            sys.stdout.flush()


if __name__ == "__main__":
    main()

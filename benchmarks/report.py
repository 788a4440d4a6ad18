#!/usr/bin/env python3
"""Writes a benchmark's results into docs/BENCHMARKS.md, replacing that benchmark's section.

    benchmarks/report.py overhead RESULTS_DIR COMMAND
    benchmarks/report.py time-to-accuracy RESULTS_DIR COMMAND
    benchmarks/report.py search RESULTS_DIR COMMAND
    benchmarks/report.py search-suite RESULTS_DIR COMMAND
    benchmarks/report.py search-dl4j RESULTS_DIR COMMAND
    benchmarks/report.py row-limit RESULTS_DIR COMMAND
    benchmarks/report.py multi-fidelity-parallel RESULTS_DIR COMMAND
    benchmarks/report.py multi-fidelity-methods RESULTS_DIR COMMAND
    benchmarks/report.py study RESULTS_DIR COMMAND
    benchmarks/report.py learning-rate-control RESULTS_DIR COMMAND

Called by benchmarks/run; RESULTS_DIR holds what the benchmark printed. To redraw a section from a
run's saved rows (after a change to this script), put them in RESULTS_DIR, give the run's own
COMMAND and its end as REPORT_DATE ("2026-12-04 20:13 UTC"), and say so in the commit.
"""
import datetime
import glob
import math
import os
import platform
import re
import statistics
import subprocess
import sys

DOC = os.path.join(os.path.dirname(__file__), "..", "docs", "BENCHMARKS.md")
HEADER = """# Benchmarks

Written by `benchmarks/run`; every figure below comes from the run its section names. The
machines are shared and noisy: compare within a section (same run), not across sections.
"""


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    return "%d cores (%s), %.0f GiB, %s, %s, OMP_NUM_THREADS=1" % (
        os.cpu_count(), cpu, memory, platform.platform(terse=True), java)


def overhead(results):
    with open(os.path.join(results, "table.md")) as f:
        table = f.read().strip()
    return ("Per-iteration cost of the listener: MLP 784-256-128-10, batch 128, SGD with Nesterov "
            "momentum, synthetic data, one JVM; each round trains a block of iterations on every "
            "variant in rotating order; medians over rounds. Network instances differ in speed by a "
            "few percent of their own (compare the empty listener, which costs nothing, with no "
            "listener), so each variant trains several instances (INSTANCES in the command), made in turn, and a round's time "
            "is the mean over them; and each listener is also wrapped in a "
            "timer (`TimedListener`): the last two columns are the time spent inside its callbacks, "
            "per iteration and as a share of the iteration, which no instance's speed enters. "
            "Targets, on that share: gradient statistics at most 2%, and the whole listener (no "
            "curvature probes) at most 2% (issue #16).\n\n" + table + "\n\n" + overhead_targets(table))


def overhead_targets(table):
    shares = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[5].endswith("%"):
            shares[cells[0]] = float(cells[5].rstrip("%"))
    lines = ["### Targets", ""]
    for name, limit in (("gradient statistics only", 2.0), ("TerrainListener (defaults)", 2.0)):
        share = shares.get(name)
        verdict = "not measured" if share is None else ("met" if share <= limit else "MISSED")
        shown = "?" if share is None else "%.2f%%" % share
        lines.append("- %s: %s of the iteration inside the listener <= %.0f%%: %s" % (name, shown, limit, verdict))
    return "\n".join(lines)


def curvature(results):
    parts = []
    for name in ("accuracy.md", "cost.md", "saddle.md", "faults.md", "edge.md", "edge-report.md"):
        with open(os.path.join(results, name)) as f:
            parts.append(f.read().strip())
    return ("Accuracy on the digits data (`CurvatureAccuracy`): float32 networks trained one epoch, probed on 128 "
            "validation digits, against the exact Hessian by PyTorch double backpropagation in float64 "
            "(`scripts/fixtures/exact_hessian.py reference`: ARPACK on exact products for the extreme eigenvalues, the "
            "diagonal summed product by product for the trace), at both product precisions; Lanczos with 20 products, "
            "Hutchinson with 100 probes. Targets: lambda_max within 1%, lambda_min within 5% of its magnitude or 0.5% of "
            "lambda_max, trace within 5%. Then cost on the MLP 784-256-128-10, batch 128, synthetic data (`CurvatureCost`: interleaved, "
            "medians).\n\n" + parts[0] + "\n\n" + parts[1] + "\n\n### Saddle plateau (`SaddlePlateau`)\n\n"
            + parts[2] + "\n\n### Divergence recovery (`FaultInjection`)\n\n" + parts[3]
            + "\n\n### Edge of stability (`EdgeOfStability`)\n\nFull-batch gradient descent on 1,000 digits, MLP "
            "64-128-10 tanh, 1,500 iterations: the constant rate, Terrain without probes, and Terrain probing every 50 "
            "iterations with its caps off (UNSTABLE reported, the rate kept) and on (its defaults). A probe beyond the "
            "bound caps only when the loss confirms it (`InstabilityTest`); the cap is judged against the caps-off run, "
            "which differs from it in nothing else. Tuning set (chose the test's defaults): this network with seeds 1 "
            "and 2.\n\n" + parts[4]
            + "\n\nReport set (run only to report): MLP 64-256-10 ReLU, seeds 4, 5 and 12 (the saddle escape's "
            + "patience was chosen on this network with seeds 6 to 11).\n\n" + parts[5])


def tsv_rows(results, accept, pattern="*.tsv"):
    """The tab-separated rows of every file in RESULTS_DIR matching `pattern` whose field count `accept` takes."""
    rows = []
    for path in sorted(glob.glob(os.path.join(results, pattern))):
        with open(path) as f:
            for line in f:
                fields = line.rstrip("\n").split("\t")
                if accept(len(fields)):
                    rows.append(fields)
    return rows


def time_to_accuracy(results):
    runs = tsv_rows(results, lambda n: n >= 8)
    groups = {}
    for variant, rate, seed, reached, best, best_epoch, rates, accuracies in runs:
        groups.setdefault((float(rate), variant), []).append((seed, reached, float(best), int(best_epoch), rates))
    lines = ["| LR | variant | runs | median epochs to 0.89 | per seed | median best val acc | per seed | LR cuts (epochs) |",
             "|---|---|---|---|---|---|---|---|"]
    order = ["constant", "terrain_defaults", "terrain_as_reduce_lr_on_plateau", "pytorch_constant",
             "pytorch_reduce_lr_on_plateau"]
    for (rate, variant) in sorted(groups, key=lambda k: (-k[0], order.index(k[1]) if k[1] in order else 99)):
        rows = groups[(rate, variant)]
        reached = [r[1] for r in rows]
        numeric = sorted(int(r) if r != "-" else 10 ** 6 for r in reached)
        median_reached = numeric[len(numeric) // 2]
        median_text = "never" if median_reached == 10 ** 6 else str(median_reached)
        cuts = []
        for row in rows:
            # Each epoch's rate at its end, against the rate before it (the starting rate for the first).
            rates = [rate] + [float(r) for r in row[4].split(",")]
            cuts.append("/".join(str(i) for i in range(1, len(rates)) if rates[i] != rates[i - 1]) or "none")
        lines.append("| %g | %s | %d | %s | %s | %.4f | %s | %s |" % (
            rate, variant, len(rows), median_text, " ".join(reached), statistics.median(r[2] for r in rows),
            " ".join("%.4f" % r[2] for r in rows), " ".join(cuts)))
    return ("Fashion-MNIST (first 50k training images train, last 10k validate), MLP 784-256-128-10 "
            "ReLU, batch 128, momentum 0.9 (DL4J: Nesterovs; PyTorch: SGD momentum), one thread. "
            "Epochs until the validation accuracy first reaches 0.89, and the best validation "
            "accuracy. `terrain_defaults` is `new TerrainListener()`; "
            "`terrain_as_reduce_lr_on_plateau` is Terrain configured as PyTorch's "
            "`ReduceLROnPlateau(factor=0.1, patience=2)` on the validation loss; the `pytorch_*` rows "
            "come from `benchmarks/peers/pytorch_fashion.py` on Debian's python3-torch. Target: "
            "Terrain's defaults reach 0.89 in at most 9 epochs with a best validation accuracy of "
            "at least 0.896 (at 0.05, the rate the target was set at); and, as every learning-rate "
            "control must, no seed where their best validation accuracy is more than 0.5 points "
            "below the constant rate's from the same seed.\n\n" + "\n".join(lines) + "\n\n### Targets\n\n"
            + "\n".join(time_to_accuracy_targets(groups)))


def time_to_accuracy_targets(groups):
    """Met or MISSED lines for Terrain's defaults: the 0.89 target at 0.05, and no seed worse than constant."""
    lines = []
    defaults = groups.get((0.05, "terrain_defaults"))
    if defaults:
        numeric = sorted(int(r[1]) if r[1] != "-" else 10 ** 6 for r in defaults)
        epochs = numeric[len(numeric) // 2]
        best = statistics.median(r[2] for r in defaults)
        met = epochs <= 9 and best >= 0.896
        lines.append("- LR 0.05: Terrain's defaults reach 0.89 in %s epochs (median; target 9) with a median best "
                     "of %.4f (target 0.896): %s" % ("no" if epochs == 10 ** 6 else epochs, best,
                                                     "met" if met else "MISSED"))
    for rate in sorted({rate for rate, _ in groups}, reverse=True):
        paired, below = seeds_below_constant({r[0]: r[2] for r in groups.get((rate, "terrain_defaults"), [])},
                                             {r[0]: r[2] for r in groups.get((rate, "constant"), [])})
        if not paired:
            continue
        worse = ["seed %s %.4f against %.4f" % b for b in below]
        lines.append("- LR %g: seeds where Terrain's defaults' best is more than 0.5 points below the constant rate's: "
                     "%d of %d%s: %s" % (rate, len(worse), paired, " (" + "; ".join(worse) + ")" if worse else "",
                                         "MISSED" if worse else "met"))
    return lines


def seeds_below_constant(terrain, constant):
    """Given {seed: accuracy} of Terrain and of the constant rate: how many seeds both ran, and
    (seed, Terrain's, constant's) for each where Terrain is more than 0.5 points below."""
    seeds = sorted(set(terrain) & set(constant))
    return len(seeds), [(s, terrain[s], constant[s]) for s in seeds if terrain[s] < constant[s] - 0.005]


def mann_whitney_greater(xs, ys):
    """One-sided p-value that xs tend to be larger than ys (normal approximation, tie-corrected)."""
    pooled = sorted([(v, 0) for v in xs] + [(v, 1) for v in ys])
    ranks, i, ties = [0.0] * len(pooled), 0, 0.0
    while i < len(pooled):
        j = i
        while j + 1 < len(pooled) and pooled[j + 1][0] == pooled[i][0]:
            j += 1
        for k in range(i, j + 1):
            ranks[k] = (i + j) / 2 + 1
        ties += (j - i + 1) ** 3 - (j - i + 1)
        i = j + 1
    n1, n2 = len(xs), len(ys)
    u = sum(r for r, (_, group) in zip(ranks, pooled) if group == 0) - n1 * (n1 + 1) / 2
    n = n1 + n2
    variance = n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1)))
    z = (u - n1 * n2 / 2 - 0.5) / math.sqrt(variance)
    return 0.5 * math.erfc(z / math.sqrt(2))


def regret_rows(results):
    """Regrets by (function, method, evaluations) from every regret-*.tsv a search benchmark printed."""
    rows = []
    for path in sorted(glob.glob(os.path.join(results, "regret-*.tsv"))):
        with open(path) as f:
            rows += [line.rstrip("\n").split("\t") for line in f if line.count("\t") == 4]
    regrets = {}
    for function, method, seed, evaluations, regret in rows:
        regrets.setdefault((function, method, int(evaluations)), []).append(float(regret))
    return regrets


def search(results):
    regrets = regret_rows(results)
    methods = ["bayesian", "bayesian-p4", "bayesian-p8", "tpe", "optuna_tpe", "random", "grid"]
    names = {"bayesian": "Terrain Bayesian (GP, EI)", "tpe": "Terrain TPE", "optuna_tpe": "Optuna 3.1 TPE",
             "bayesian-p4": "Terrain Bayesian, 4 pending (kriging believer)",
             "bayesian-p8": "Terrain Bayesian, 8 pending (kriging believer)",
             "random": "Arbiter random", "grid": "Arbiter grid (k^d <= budget)"}
    budgets = sorted({k[2] for k in regrets})
    median = lambda key: statistics.median(regrets[key]) if key in regrets else float("nan")
    parts = []
    for function in ("BRANIN", "HARTMANN6"):
        lines = ["| %s | runs | %s |" % (function.capitalize(), " | ".join("%d evals" % b for b in budgets)),
                 "|---|---|" + "---|" * len(budgets)]
        for method in methods:
            if not any((function, method, b) in regrets for b in budgets):
                continue
            runs = max(len(regrets.get((function, method, b), [])) for b in budgets)
            lines.append("| %s | %d | %s |" % (names[method], runs, " | ".join(
                "%.3g" % median((function, method, b)) if not math.isnan(median((function, method, b)))
                else "no grid fits" for b in budgets)))
        parts.append("\n".join(lines))
    checks = []
    def check(text, ok):
        checks.append("- %s: %s" % (text, "met" if ok else "MISSED"))
    b40, b50, b100 = ("BRANIN", "bayesian", 40), ("BRANIN", "bayesian", 50), ("HARTMANN6", "bayesian", 100)
    check("Branin, Bayesian median regret at 40 evaluations %.2g <= 1e-3" % median(b40), median(b40) <= 1e-3)
    ratio = median(("BRANIN", "random", 50)) / median(b50)
    check("Branin at 50: random / Bayesian = %.0f >= 50" % ratio, ratio >= 50)
    check("Hartmann-6, Bayesian median regret at 100 evaluations %.3g <= 0.1" % median(b100), median(b100) <= 0.1)
    # "No worse than Optuna's TPE": both are randomized, so the medians of two samples differ by chance
    # alone; the target is missed when a one-sided Mann-Whitney test says Terrain's regrets are
    # larger (p < 0.05).
    for function in ("BRANIN", "HARTMANN6"):
        for b in (50, 100):
            ours, peer = regrets.get((function, "tpe", b), []), regrets.get((function, "optuna_tpe", b), [])
            if not ours or not peer:
                check("%s at %d: Terrain TPE vs Optuna TPE (no Optuna runs)" % (function.capitalize(), b), False)
                continue
            p = mann_whitney_greater(ours, peer)
            check("%s at %d: Terrain TPE %.3g vs Optuna TPE %.3g (%d and %d runs; P(Terrain's regrets larger "
                  "by chance) one-sided Mann-Whitney p = %.2f >= 0.05)" % (
                      function.capitalize(), b, statistics.median(ours), statistics.median(peer), len(ours),
                      len(peer), p), p >= 0.05)
    # Parallel suggestions: regret at equal evaluations with 4 and 8 candidates out at once, against
    # one at a time. Medians of regrets this small move by chance alone, so a miss also needs a
    # one-sided Mann-Whitney test to say the parallel regrets are larger (p < 0.05).
    for function in ("BRANIN", "HARTMANN6"):
        for b in (50, 100):
            sequential = regrets.get((function, "bayesian", b), [])
            for pending in ("bayesian-p4", "bayesian-p8"):
                parallel = regrets.get((function, pending, b), [])
                if not sequential or not parallel:
                    continue
                ratio = statistics.median(parallel) / statistics.median(sequential)
                p = mann_whitney_greater(parallel, sequential)
                check("%s at %d, %s pending: median regret %.3g vs %.3g one at a time (ratio %.2f; P(larger by chance) "
                      "p = %.2f; within 10%% or not significantly larger)" % (
                          function.capitalize(), b, pending[-1], statistics.median(parallel),
                          statistics.median(sequential), ratio, p), ratio <= 1.1 or p >= 0.05)
    with open(os.path.join(results, "cost.md")) as f:
        cost = f.read().strip()
    rows = [l.split("|") for l in cost.splitlines() if l.startswith("| ") and l.split("|")[1].strip().isdigit()]
    cost_ms = {int(r[1]): float(r[2]) for r in rows}
    comparing_ms = {int(r[1]): float(r[4]) for r in rows}
    multi_fidelity_ms = {int(r[1]): float(r[8]) for r in rows if len(r) > 9}
    for size, limit in ((200, 100), (500, 300), (1000, 1000)):
        if size in cost_ms:
            check("GP suggestion at %d observations (6-D) %.0f ms <= %d ms" % (size, cost_ms[size], limit),
                  cost_ms[size] <= limit)
            check("GP suggestion that compares the kernels at %d observations (6-D) %.0f ms <= %d ms" % (
                size, comparing_ms[size], limit), comparing_ms[size] <= limit)
        else:
            check("GP suggestion at %d observations (not measured)" % size, False)
    for size, limit in ((500, 300), (1000, 1000)):
        check("GP over configuration and epoch, suggestion at %d trials (6-D, pruned by successive halving) %s ms <= %d ms"
              % (size, "%.0f" % multi_fidelity_ms[size] if size in multi_fidelity_ms else "not measured", limit),
              multi_fidelity_ms.get(size, float("inf")) <= limit)
    return ("Median simple regret (best value found minus the known minimum) over seeds, each generator "
            "driven through Arbiter's `CandidateGenerator` interface (`SearchRegret`); Optuna's TPE from "
            "`benchmarks/peers/optuna_search.py` (Debian python3-optuna) in the same run. Arbiter's grid "
            "search is deterministic: one run per budget with the finest grid that fits it.\n\n"
            + "\n\n".join(parts) + "\n\n### Cost of one suggestion (`SuggestionCost`)\n\n" + cost
            + "\n\n### Targets\n\n" + "\n".join(checks))


SUITE = [("BRANIN", "Branin", 2, "three global minima"), ("HARTMANN3", "Hartmann-3", 3, "multimodal"),
         ("LEVY4", "Levy", 4, "rugged, multimodal"), ("ROSENBROCK4", "Rosenbrock", 4, "ill-conditioned valley"),
         ("SCHWEFEL4", "Schwefel", 4, "deceptive, multimodal"), ("RASTRIGIN5", "Rastrigin", 5, "multimodal grid"),
         ("MICHALEWICZ5", "Michalewicz", 5, "steep narrow valleys"), ("HARTMANN6", "Hartmann-6", 6, "multimodal"),
         ("STYBLINSKI_TANG8", "Styblinski-Tang", 8, "2^8 local minima"), ("ACKLEY10", "Ackley", 10, "flat, one funnel"),
         ("BRANIN_NOISY", "Branin, noise sd 0.5", 2, "noisy"), ("HARTMANN6_NOISY", "Hartmann-6, noise sd 0.1", 6, "noisy")]


def search_suite(results):
    regrets = regret_rows(results)
    methods = [("bayesian", "Terrain GP"), ("tpe", "Terrain TPE"), ("optuna_tpe", "Optuna TPE"),
               ("optuna_cmaes", "Optuna CMA-ES"), ("random", "random")]
    median = lambda key: statistics.median(regrets[key]) if key in regrets else float("nan")
    lines = ["| function | d | kind | evals | %s |" % " | ".join(name for _, name in methods),
             "|---|---|---|---|" + "---|" * len(methods)]
    checks = []
    for function, label, d, kind in SUITE:
        if not any(k[0] == function for k in regrets):
            continue
        for b in (50, 100):
            if not any((function, m, b) in regrets for m, _ in methods):
                continue
            cells = []
            best = min(median((function, m, b)) for m, _ in methods if (function, m, b) in regrets)
            for m, _ in methods:
                value = median((function, m, b))
                text = "-" if math.isnan(value) else "%.3g" % value
                cells.append("**%s**" % text if value == best else text)
            lines.append("| %s | %d | %s | %d | %s |" % (label, d, kind, b, " | ".join(cells)))
            ours, peer = regrets.get((function, "bayesian", b), []), regrets.get((function, "optuna_tpe", b), [])
            if ours and peer:
                p = mann_whitney_greater(ours, peer)
                checks.append("- %s at %d: GP %.3g vs Optuna TPE %.3g (P(GP's regrets larger by chance) one-sided "
                              "Mann-Whitney p = %.2f >= 0.05): %s" % (label, b, statistics.median(ours),
                                                                      statistics.median(peer), p,
                                                                      "met" if p >= 0.05 else "MISSED"))
    runs = max((len(v) for v in regrets.values()), default=0)
    met = sum(c.endswith("met") for c in checks)
    return ("Median regret of the incumbent (the evaluation with the best observed value; for the noisy "
            "variants, its true value's regret) over %d seeds per method, the best median of each row in bold. "
            "Terrain's generators through Arbiter's `CandidateGenerator` interface (`SearchRegret`, "
            "`SearchFunction`); Optuna 3.1's TPE and CMA-ES samplers at their defaults from "
            "`benchmarks/peers/optuna_search.py` (Debian python3-optuna and python3-cmaes) in the same run. "
            "Functions and minima from Surjanovic and Bingham's Virtual Library of Simulation Experiments.\n\n"
            % runs + "\n".join(lines) + "\n\n### Target: the GP no worse than Optuna's TPE (%d of %d cells met)\n\n"
            % (met, len(checks)) + "\n".join(checks))


def search_dl4j(results):
    with open(os.path.join(results, "targets.txt")) as f:
        targets = [float(t) for t in f.read().split(",")]
    runs = {}
    for path in sorted(glob.glob(os.path.join(results, "time-to-target*.tsv"))):
        with open(path) as f:
            for line in f:
                cells = line.rstrip("\n").split("\t")
                # The trial numbers after the times (7 + 2 targets cells) are newer than the times alone, and the
                # seconds between trials (one cell more) newer still.
                if len(cells) in (7 + len(targets), 7 + 2 * len(targets), 8 + 2 * len(targets)):
                    runs.setdefault(cells[1], []).append(cells)
    def med(values):
        return statistics.median(values) if values else float("nan")
    def time_median(values):
        # A seed that never reached the target (NaN) counts as slower than any that did.
        ordered = sorted(values, key=lambda v: (math.isnan(v), v))
        return ordered[(len(ordered) - 1) // 2] if ordered else float("nan")
    def time_text(values, seeds):
        reached = [v for v in values if not math.isnan(v)]
        middle = time_median(values)
        return "%s (%d/%d)" % ("never" if math.isnan(middle) else "%.0f s" % middle, len(reached), seeds)
    between = all(len(r) == 8 + 2 * len(targets) for rows in runs.values() for r in rows)
    lines = ["| method | seeds | trials | pruned | epochs trained | best (median) | seconds (median) | %s%s |" % (
                 "seconds between trials (median) | " if between else "",
                 " | ".join("to %.3f (median; seeds reaching it)" % t for t in targets)),
             "|---|---|---|---|---|---|---|" + "---|" * (len(targets) + between)]
    medians = {}
    for method, rows in runs.items():
        seeds = len(rows)
        times = [[float(r[7 + k]) for r in rows] for k in range(len(targets))]
        medians[method] = [time_median(t) for t in times]
        lines.append("| %s | %d | %.0f | %.0f | %.0f | %.4f | %.0f | %s%s |" % (
            method, seeds, med([float(r[2]) for r in rows]), med([float(r[3]) for r in rows]),
            med([float(r[4]) for r in rows]), med([float(r[5]) for r in rows]), med([float(r[6]) for r in rows]),
            "%.1f | " % med([float(r[-1]) for r in rows]) if between else "",
            " | ".join(time_text(t, seeds) for t in times)))
    numbered = all(len(r) >= 7 + 2 * len(targets) for rows in runs.values() for r in rows)
    trial_lines = ["| method | %s |" % " | ".join("trial first at %.3f, seeds 1 to %d" % (t, max(len(r) for r in runs.values()))
                                                 for t in targets),
                   "|---|" + "---|" * len(targets)]
    for method, rows in runs.items():
        by_seed = sorted(rows, key=lambda r: int(r[0]))
        trial_lines.append("| %s | %s |" % (method, " | ".join(
            ", ".join("-" if r[7 + len(targets) + k] == "NaN" else r[7 + len(targets) + k] for r in by_seed)
            for k in range(len(targets)))))
    checks = []
    # Each multi-fidelity generator (the BOHB-style TPE, the GP over configuration and epoch) against every
    # method that is not one.
    mf = [m for m in medians if m.startswith(("bohb", "mfgp"))]
    for k, target in enumerate(targets):
        for m in mf:
            others = {o: v[k] for o, v in medians.items() if o not in mf}
            ours = medians[m][k]
            key = lambda v: float("inf") if math.isnan(v) else v
            fastest = all(key(ours) <= key(v) for v in others.values())
            checks.append("- to %.3f: %s median %s, fastest of all: %s" % (
                target, m, "never" if math.isnan(ours) else "%.0f s" % ours, "met" if fastest else "MISSED (" + ", ".join(
                    "%s %s" % (o, "never" if math.isnan(v) else "%.0f s" % v) for o, v in others.items()) + ")"))
    return ("Real searches on DL4J training in the space of `terrain search` (learning rate, width, schedule "
            "family, batch size; one trial at a time, threads of one JVM), `SearchTimeToTarget`: each method is "
            "GENERATOR+PRUNER; per seed, every method's study in an order rotated from seed to seed. Every study gets "
            "the same wall-clock budget (BUDGET_SECONDS in the command: no trial starts after it; TRIALS only caps the "
            "trials), so that the epochs a pruner saves buy it more trials (a command without BUDGET_SECONDS gave "
            "every method TRIALS trials instead). A generator named GENERATOR:X has cost exponent X (`terrain search "
            "--cost-exponent X`; 1 is expected improvement per second of a trial); without one, the default (0: "
            "training time ignored). Seconds between trials: the study's wall clock outside its trials (the "
            "generator's proposals, the store's writes). Seconds from a "
            "study's first start to the end of its first complete trial at or above each target validation accuracy; "
            "a seed that never reached it counts as slower than any that did.\n\n" + "\n".join(lines)
            + ("\n\n### Which trial reached each target first\n\nThe number of the first complete trial at the "
               "target, counting from 1 in the order the generator suggested them, seed by seed (- where none did). "
               "In this space (4 coordinates) the first 8 trials of the GPs are their Sobol start-up (2d), the first "
               "10 of TPE and BOHB are random, and every trial of random search is: a target reached within its "
               "method's start-up measures the start-up design's luck, not the model.\n\n" + "\n".join(trial_lines)
               if numbered else "")
            + "\n\n### Target: the multi-fidelity generator fastest (each against the methods that are not multi-fidelity)\n\n"
            + "\n".join(checks))


def row_limit(results):
    """The multi-fidelity GP's regret with its row limit and without one, seed by seed."""
    runs = {}
    for limit, seed, trials, regret, rows in tsv_rows(results, lambda n: n == 5, "rows-*.tsv"):
        runs.setdefault((limit, int(trials)), {})[int(seed)] = (float(regret), int(rows))
    checkpoints = sorted({t for _, t in runs})
    lines = [
        "Long sequential searches with the GP over configuration and epoch (`RowLimitRegret`): a learning curve over "
        "Hartmann-6 (at epoch e, H6(x) + (1 + 2 x0)(e^-1/2 - 27^-1/2) plus noise of 0.02; 27 epochs at most), pruned by "
        "asynchronous successive halving (factor 3, rungs at epochs 1, 3 and 9), 10 random start-up trials; each seed "
        "searched with the sampler's default row limit (`MultiFidelityGpSampler.MAX_ROWS`) and without one. Regret: "
        "Hartmann-6 at the best configuration that trained all 27 epochs, minus the minimum. Rows: what the model "
        "conditions on without a limit (median over seeds); until they pass the limit the two searches of a seed are "
        "the same search. The cost of a proposal is in the Search section (`SuggestionCost`).",
        "",
        "| trials | seeds | rows without a limit | median regret, default limit | median regret, no limit | ratio "
        "| seeds where the limit did better / worse | P(limited larger by chance) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    verdicts = []
    for t in checkpoints:
        limited, unlimited = runs.get(("default", t), {}), runs.get(("none", t), {})
        seeds = sorted(set(limited) & set(unlimited))
        if not seeds:
            continue
        a = [limited[s][0] for s in seeds]
        b = [unlimited[s][0] for s in seeds]
        ratio = statistics.median(a) / statistics.median(b) if statistics.median(b) > 0 else float("nan")
        p = mann_whitney_greater(a, b)
        better = sum(x < y for x, y in zip(a, b))
        worse = sum(x > y for x, y in zip(a, b))
        lines.append("| %d | %d | %d | %.3g | %.3g | %.2f | %d / %d | %.2f |" % (
            t, len(seeds), statistics.median(unlimited[s][1] for s in seeds), statistics.median(a), statistics.median(b),
            ratio, better, worse, p))
        verdicts.append("- %d trials: the limit %s (ratio %.2f, p = %.2f; within 10%% or not significantly larger)" % (
            t, "costs no regret: met" if ratio <= 1.1 or p >= 0.05 else "costs regret: MISSED", ratio, p))
    return "\n".join(lines + ["", "### Target: the row limit costs no regret", ""] + verdicts)


def multi_fidelity_parallel(results):
    """The multi-fidelity GP's regret with 1, 4 and 8 workers, the same seeds for each."""
    runs = {}
    for workers, seed, trials, regret, epochs, ticks in tsv_rows(results, lambda n: n == 6, "workers-*.tsv"):
        runs.setdefault((int(workers), int(trials)), {})[int(seed)] = (float(regret), int(epochs), int(ticks))
    checkpoints = sorted({t for _, t in runs})
    counts = sorted({w for w, _ in runs})
    lines = [
        "Searches with the GP over configuration and epoch (`MultiFidelityParallelRegret`) of the learning curves of the "
        "Row limit section (Hartmann-6 at 27 epochs, noise 0.02, asynchronous successive halving with rungs at epochs "
        "1, 3 and 9, 10 random start-up trials), by simulated workers that each train one epoch per tick "
        "(`SyntheticSearch`): with more than one, every proposal is made while the other workers' trials run, held by "
        "the default pending policy (kriging believer) at the largest budget, their reported epochs learnt. Each seed "
        "searched with every number of workers. Regret after the given number of finished trials: Hartmann-6 at the "
        "best configuration that trained all 27 epochs, minus the minimum (median over seeds). Epochs: trained by all "
        "workers; wall clock: ticks of simulated time, in epochs (medians).",
        "",
        "| workers | trials | seeds | median regret | ratio to 1 worker | seeds better / worse than 1 worker "
        "| P(larger than 1 worker's by chance) | epochs trained | wall clock (epochs) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    verdicts = []
    for t in checkpoints:
        sequential = runs.get((1, t), {})
        for w in counts:
            run = runs.get((w, t), {})
            seeds = sorted(set(run) & set(sequential))
            if not seeds:
                continue
            a = [run[s][0] for s in seeds]
            b = [sequential[s][0] for s in seeds]
            base = statistics.median(b)
            ratio = statistics.median(a) / base if base > 0 else float("nan")
            row = ["%d" % w, "%d" % t, "%d" % len(seeds), "%.3g" % statistics.median(a)]
            if w == 1:
                row += ["1", "", ""]
            else:
                p = mann_whitney_greater(a, b)
                row += ["%.2f" % ratio, "%d / %d" % (sum(x < y for x, y in zip(a, b)), sum(x > y for x, y in zip(a, b))),
                        "%.2f" % p]
                verdicts.append("- %d workers at %d trials: median regret %.3g vs %.3g with one (ratio %.2f; P(larger by "
                                "chance) p = %.2f; within 10%% or not significantly larger): %s" % (
                                    w, t, statistics.median(a), base, ratio, p,
                                    "met" if ratio <= 1.1 or p >= 0.05 else "MISSED"))
            row += ["%d" % statistics.median(run[s][1] for s in seeds), "%d" % statistics.median(run[s][2] for s in seeds)]
            lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines + ["", "### Target: regret with 4 and 8 workers within 10% of one worker's", ""] + verdicts)


def multi_fidelity_methods(results):
    """Regret of each search method after the same epochs of each synthetic learning curve, seed by seed."""
    runs, methods, curves = {}, [], []
    for curve, method, seed, epochs, regret in tsv_rows(results, lambda n: n == 5, "methods-*.tsv"):
        methods += [method] if method not in methods else []
        curves += [curve] if curve not in curves else []
        runs.setdefault((curve, method, int(epochs)), {})[int(seed)] = float(regret)
    checkpoints = sorted({e for _, _, e in runs})
    median = lambda c, m, e: statistics.median(runs[(c, m, e)].values())
    names = {"HARTMANN6": "Hartmann-6, w = u0 (tuning: the curve the multi-fidelity GP was built on)",
             "HARTMANN3": "Hartmann-3, w = u2 (report)", "MICHALEWICZ5": "Michalewicz-5, w = 1 - u0 (report)"}
    lines = [
        "The methods of `search-dl4j` on synthetic learning curves at equal compute, one worker "
        "(`MultiFidelityMethods`): at epoch e a configuration u reports f(x) + (1 + 2 w)(e^-1/2 - 27^-1/2) plus noise "
        "of 0.02, x being u in f's box and w one of u's coordinates (small w starts fast); 27 epochs at most; ASHA is "
        "asynchronous successive halving with rungs at epochs 1, 3 and 9. Every method of a seed starts from the same "
        "10 random trials with the same noise, so the start-up's luck, which decides the easy targets of the DL4J "
        "searches, is shared and only the models differ; trials start until the last checkpoint's epochs are "
        "trained. GENERATOR+PRUNER: mfgp is the GP over configuration and epoch (mfgp-grow: the same, its "
        "hyperparameters refitted as its rows grow by 5% instead of at every proposal), bohb the TPE fitted per budget, gp "
        "the GP on final losses, tpe and random. Median regret (f at the best configuration trained all 27 epochs "
        "within that many epochs, minus f's minimum) over seeds, the best of each column in bold; a full training is "
        "27 epochs.",
    ]
    verdicts = []
    for c in curves:
        lines += ["", "| %s | seeds | %s |" % (names.get(c, c), " | ".join("after %d epochs" % e for e in checkpoints)),
                  "|---|---|" + "---|" * len(checkpoints)]
        best = {e: min(median(c, m, e) for m in methods if (c, m, e) in runs) for e in checkpoints}
        for m in methods:
            if (c, m, checkpoints[0]) not in runs:
                continue
            cells = [("**%.3g**" if median(c, m, e) == best[e] else "%.3g") % median(c, m, e) for e in checkpoints]
            lines.append("| %s | %d | %s |" % (m, len(runs[(c, m, checkpoints[0])]), " | ".join(cells)))
        others = [m for m in methods if m.split("+")[0] not in ("mfgp", "bohb", "mfgp-grow")
                  and (c, m, checkpoints[0]) in runs]
        for candidate in [m for m in methods if m.split("+")[0] in ("mfgp", "bohb") and (c, m, checkpoints[0]) in runs]:
            for e in checkpoints:
                mine, tests = runs[(c, candidate, e)], []
                for o in others:
                    seeds = sorted(set(mine) & set(runs[(c, o, e)]))
                    a, b = [mine[s] for s in seeds], [runs[(c, o, e)][s] for s in seeds]
                    tests.append((o, median(c, o, e), mann_whitney_greater(a, b)))
                lowest = all(median(c, candidate, e) <= v for _, v, _ in tests)
                verdicts.append("- %s after %d epochs: %s median %.3g, lowest: %s (%s)" % (
                    c.capitalize(), e, candidate, median(c, candidate, e), "met" if lowest else "MISSED", "; ".join(
                        "%s %.3g, P(larger by chance) %.2f" % (o, v, p) for o, v, p in tests)))
    refit = refit_schedule(runs, curves, checkpoints)
    return "\n".join(lines + ["", "### Target: the multi-fidelity generator fastest (each against the methods that are "
                                  "not multi-fidelity; P: one-sided Mann-Whitney that its regrets are larger)", ""]
                      + verdicts + refit)


def refit_schedule(runs, curves, checkpoints):
    """mfgp-grow (the multi-fidelity GP refitting its hyperparameters as its rows grow by 5%) against mfgp (its
    default: at every proposal), seed by seed, where both ran: the lines of a target section, or none."""
    lines = []
    for c in curves:
        for e in checkpoints:
            grown, every = runs.get((c, "mfgp-grow+asha", e)), runs.get((c, "mfgp+asha", e))
            if not grown or not every:
                continue
            seeds = sorted(set(grown) & set(every))
            a, b = [grown[s] for s in seeds], [every[s] for s in seeds]
            ratio = statistics.median(a) / statistics.median(b) if statistics.median(b) > 0 else float("nan")
            p = mann_whitney_greater(a, b)
            lines.append("- %s after %d epochs: median %.3g refitting as the rows grow vs %.3g at every proposal (ratio "
                         "%.2f; seeds better / worse %d / %d; P(larger by chance) %.2f; within 10%% or not significantly "
                         "larger): %s" % (c.capitalize(), e, statistics.median(a), statistics.median(b), ratio,
                                          sum(x < y for x, y in zip(a, b)), sum(x > y for x, y in zip(a, b)), p,
                                          "met" if ratio <= 1.1 or p >= 0.05 else "MISSED"))
    if not lines:
        return []
    return ["", "### Target: refitting the multi-fidelity GP's hyperparameters as its rows grow by 5% (mfgp-grow) costs "
                "no regret against refitting them at every proposal (mfgp, the default)", ""] + lines

def study(results):
    runs = {}
    with open(os.path.join(results, "pruning.tsv")) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 7:
                continue
            seed, pruner, trials, pruned, epochs, best, seconds = parts
            runs.setdefault(pruner, {})[int(seed)] = (int(trials), int(pruned), int(epochs), float(best), float(seconds))
    seeds = sorted(runs.get("none", {}))
    lines = ["| pruner | seeds | trials pruned (median) | epochs spent (median) | epochs vs none (median ratio) "
             "| best val acc (median) | best acc minus none's (median) | seconds (median) |",
             "|---|---|---|---|---|---|---|---|"]
    checks = []
    for pruner in ("none", "median", "asha"):
        if pruner not in runs:
            continue
        r = runs[pruner]
        ratio = statistics.median(r[s][2] / runs["none"][s][2] for s in seeds)
        delta = statistics.median(r[s][3] - runs["none"][s][3] for s in seeds)
        lines.append("| %s | %d | %g | %g | %.2f | %.4f | %+.4f | %.1f |" % (
            pruner, len(r), statistics.median(v[1] for v in r.values()), statistics.median(v[2] for v in r.values()),
            ratio, statistics.median(v[3] for v in r.values()), delta, statistics.median(v[4] for v in r.values())))
        if pruner != "none":
            checks.append("- %s: epochs spent %.2f of no pruning's (target <= 0.5): %s; best accuracy %+.4f from no "
                          "pruning's (target: the same, >= -0.005): %s" % (
                              pruner, ratio, "met" if ratio <= 0.5 else "MISSED", delta,
                              "met" if delta >= -0.005 else "MISSED"))
    whole, steady, median_trial, trial_time = {}, {}, {}, {}
    with open(os.path.join(results, "parallel.tsv")) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 10:
                key = (parts[0], parts[2], int(parts[1]))
                whole.setdefault(key, {})[int(parts[3])] = float(parts[6])
                steady.setdefault(key, {})[int(parts[3])] = float(parts[7])
                median_trial.setdefault(key, {})[int(parts[3])] = float(parts[8])
                trial_time.setdefault(key, {})[int(parts[3])] = float(parts[9])
    nan = float("nan")
    speed_lines = ["| dataset | executor | round | 1 at a time, trials/s | 2 at a time, trials/s | ratio "
                   "| steady state: 1 at a time | 2 at a time | ratio | median trial, s (1 / 2 at a time) "
                   "| the same trials' summed time, 2 vs 1 at a time (from the third) |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for key in sorted(whole, key=lambda k: (k[0] != "fashion", k)):
        w, s_, m, t = whole[key], steady[key], median_trial[key], trial_time[key]
        speed_lines.append("| %s | %s | %d | %.3f | %.3f | %.2f | %.3f | %.3f | %.2f | %.2f / %.2f | %.2f |" % (
            key[0], key[1], key[2], w.get(1, nan), w.get(2, nan), w.get(2, nan) / w.get(1, nan),
            s_.get(1, nan), s_.get(2, nan), s_.get(2, nan) / s_.get(1, nan), m.get(1, nan), m.get(2, nan),
            t.get(2, nan) / t.get(1, nan)))
    datasets = sorted({k[0] for k in whole}, key=lambda d: d != "fashion")
    for dataset in datasets:
        for label, speed in (("whole runs", whole), ("steady state", steady)):
            for kind in ("processes", "threads"):
                ratios = [v[2] / v[1] for (d, k, _), v in speed.items()
                          if d == dataset and k == kind and 1 in v and 2 in v]
                if not ratios:
                    continue
                ratio = statistics.median(ratios)
                if kind == "threads":
                    verdict = "met" if ratio >= 1.7 else "below; threads of one JVM are not the recommended way"
                else:
                    verdict = "met" if ratio >= 1.7 else "MISSED"
                checks.append("- %s, 2 concurrent trials vs 1, %s, %s: median throughput ratio %.2f (target >= 1.7): "
                              "%s" % (dataset, kind, label, ratio, verdict))
            if label == "steady state":
                slowdown = [v[2] / v[1] for (d, k, _), v in trial_time.items()
                            if d == dataset and k == "processes" and 1 in v and 2 in v]
                if slowdown:
                    checks.append("- for the record, %s, processes: the same trials take %.2f times as long side by "
                                  "side (median over rounds; 1.00 would be no contention)" % (
                                      dataset, statistics.median(slowdown)))
            cross = [speed[(d, "processes", r)][2] / speed[(d, "threads", r)][1] for (d, k, r) in speed
                     if d == dataset and k == "processes" and 2 in speed[(d, k, r)]
                     and 1 in speed.get((d, "threads", r), {})]
            if cross:
                checks.append("- for the record, %s, %s: 2 worker processes vs 1 thread (the fastest way to run one "
                              "trial at a time): median ratio %.2f" % (dataset, label, statistics.median(cross)))
    return ("### Pruning benefit (`PruningBenefit`)\n\nThe digits search (`terrain search`'s space) with Arbiter's "
            "random search, so that every pruner sees the same configurations of a seed; each run a new study in a "
            "SQLite store; median over seeds. Epochs spent: every epoch any trial trained.\n\n" + "\n".join(lines)
            + "\n\n### Parallel trials (`ParallelSpeedup`)\n\nThe same random search with 1 and 2 trials at a time, "
            "interleaved rounds, on two workloads: Fashion-MNIST (`terrain search --dataset fashion`: 784-h-10 on 50k "
            "images, iterations of milliseconds and trials of several epochs, as real searches train) and digits "
            "(64-h-10, trials of about half a second, where ND4J's per-array overhead dominates)."
            " The last columns: the median trial's seconds, and how much longer the same trials (a round's seed fixes"
            " them; from the third, so that none includes starting its worker) take in all when two train side by side:"
            " the contention; the rest of the gap to 2.0 is start-up and the last trial's wait. Worker JVMs (`ProcessTrialExecutor`, `terrain search --runner processes`) and threads "
            "of one JVM (`LocalTrialExecutor`), OMP_NUM_THREADS=1 everywhere. Whole runs include starting the worker "
            "JVMs; steady state counts the trials finished after the first of each worker, over the time since "
            "(from the store's finish times), which is what an hours-long search sees.\n\n"
            + "\n".join(speed_lines) + "\n\n### Targets\n\n" + "\n".join(checks))


CONTROL_VARIANTS = {
    "constant": "the starting rate throughout",
    "terrain": "`new TerrainListener()`, its defaults (the stationarity test, rate rises by trial, rollback, tail "
               "averaging)",
    "terrain_no_averaging": "Terrain's defaults without tail averaging (`noAveraging()`: the last iterate at every "
                            "epoch end; the same training, so the same decays)",
    "terrain_curvature": "Terrain with curvature probes (`CurvatureOptions.DEFAULTS`)",
    "reduce_lr_on_plateau": "PyTorch's default `ReduceLROnPlateau` (factor 0.1, patience 10, validation loss each "
                            "epoch)",
    "linear_decay": "linear decay to 0 over the known budget",
    "terrain_budget": "Terrain told the budget (`budget(TrainingBudget.epochs(n))`: its defaults, then a linear "
                      "cooldown to 0 over the last 20%), which linear decay knows too",

    "terrain_plateau_rule": "Terrain's former default (plateau rule: patience 0, 1%, factor 0.3, cooldown 3)",
}


def mean_se(values):
    m = statistics.mean(values)
    se = statistics.stdev(values) / math.sqrt(len(values)) if len(values) > 1 else float("nan")
    return m, se


def lr_control_targets(cells, label, by_seed):
    """The issue's targets over one set of cells: {(workload, rate): {variant: [final accuracies]}}, and
    {(workload, rate, variant): {seed: final accuracy}} for the seed-by-seed line."""
    worse, ties_or_better, compared = [], 0, 0
    terrain_means, linear_means = [], []
    for key in sorted(cells):
        runs = cells[key]
        if "terrain" not in runs or "constant" not in runs:
            continue
        t_mean, t_se = mean_se(runs["terrain"])
        c_mean, c_se = mean_se(runs["constant"])
        gap = t_mean - c_mean
        if gap < -0.005 and gap < -2 * math.sqrt(t_se ** 2 + c_se ** 2):
            worse.append("%s at %s (%.4f vs %.4f)" % (key[0], key[1], t_mean, c_mean))
        if "reduce_lr_on_plateau" in runs:
            compared += 1
            ties_or_better += t_mean >= statistics.mean(runs["reduce_lr_on_plateau"])
        if "linear_decay" in runs:
            terrain_means.append(t_mean)
            linear_means.append(statistics.mean(runs["linear_decay"]))
    lines = ["**%s set** (%d cells):" % (label, len(cells)), ""]
    lines.append("- cells where Terrain's final validation accuracy is below the constant rate's by more than "
                 "2 standard errors and 0.5 points: %d%s" % (len(worse), (": " + "; ".join(worse)) if worse else ""))
    if terrain_means:
        lines.append("- median final accuracy over cells: Terrain %.4f, linear decay %.4f (difference %+.4f; "
                     "target: not below by more than 0.002); median of the per-cell differences %+.4f, "
                     "Terrain ahead in %d of %d cells" % (
                         statistics.median(terrain_means), statistics.median(linear_means),
                         statistics.median(terrain_means) - statistics.median(linear_means),
                         statistics.median([t - l for t, l in zip(terrain_means, linear_means)]),
                         sum(t > l for t, l in zip(terrain_means, linear_means)), len(terrain_means)))
    budget_means = [statistics.mean(cells[k]["terrain_budget"]) for k in sorted(cells)
                    if "terrain_budget" in cells[k] and "linear_decay" in cells[k]]
    if budget_means:
        budget_linear = [statistics.mean(cells[k]["linear_decay"]) for k in sorted(cells)
                         if "terrain_budget" in cells[k] and "linear_decay" in cells[k]]
        budget_constant = [statistics.mean(cells[k]["constant"]) for k in sorted(cells)
                           if "terrain_budget" in cells[k] and "constant" in cells[k]]
        lines.append("- with the budget known to both: median final accuracy Terrain %.4f, linear decay %.4f "
                     "(difference %+.4f); Terrain ahead in %d of %d cells; below the constant rate in %d cells" % (
                         statistics.median(budget_means), statistics.median(budget_linear),
                         statistics.median(budget_means) - statistics.median(budget_linear),
                         sum(t > l for t, l in zip(budget_means, budget_linear)), len(budget_means),
                         sum(t < c - 0.005 for t, c in zip(budget_means, budget_constant))))
    averaging = [(statistics.mean(cells[k]["terrain"]), statistics.mean(cells[k]["terrain_no_averaging"]))
                 for k in sorted(cells) if "terrain" in cells[k] and "terrain_no_averaging" in cells[k]]
    if averaging:
        lines.append("- tail averaging (Terrain against its last iterate): median of the per-cell differences %+.4f, "
                     "ahead in %d, behind in %d of %d cells; median final accuracy without it %.4f" % (
                         statistics.median([a - b for a, b in averaging]), sum(a > b for a, b in averaging),
                         sum(a < b for a, b in averaging), len(averaging), statistics.median([b for _, b in averaging])))
    if compared:
        lines.append("- cells where Terrain is at least as good as ReduceLROnPlateau: %d of %d (%.0f%%; target 80%%)"
                     % (ties_or_better, compared, 100.0 * ties_or_better / compared))
    paired, below = 0, []
    for workload, rate in sorted(cells):
        n, worse = seeds_below_constant(by_seed.get((workload, rate, "terrain"), {}),
                                        by_seed.get((workload, rate, "constant"), {}))
        paired += n
        below += ["%s at %g seed %s, %.4f vs %.4f" % ((workload, rate) + w) for w in worse]
    if paired:
        lines.append("- for the record, runs where Terrain ends more than 0.5 points below the constant rate from the "
                     "same seed (a cell's mean can hide one): %d of %d%s" % (
                         len(below), paired, (": " + "; ".join(below)) if below else ""))
    return lines


def lr_control(results):
    runs = tsv_rows(results, lambda n: n == 14)
    sets = {"tuning": {}, "report": {}}
    by_seed = {}
    diverged_top = {}
    decays = {}
    rises = {}
    top_rate = {}
    for workload, kind, variant, rate, seed, final, best, loss, diverged, cuts, kept, last_rate, seconds, accs in runs:
        top_rate[workload] = max(top_rate.get(workload, 0.0), float(rate))
    for workload, kind, variant, rate, seed, final, best, loss, diverged, cuts, kept, last_rate, seconds, accs in runs:
        accuracy = 0.0 if diverged == "true" else float(final)
        sets[kind].setdefault((workload, float(rate)), {}).setdefault(variant, []).append(accuracy)
        by_seed.setdefault((workload, float(rate), variant), {})[seed] = accuracy
        decays.setdefault((workload, float(rate), variant), []).append(int(cuts))
        rises.setdefault((workload, float(rate), variant), []).append(int(kept))
        if kind == "report" and float(rate) == top_rate[workload] and variant == "terrain_curvature":
            diverged_top.setdefault(workload, []).append(diverged == "true")
    present = [v for v in CONTROL_VARIANTS if any(v in c for s_ in sets.values() for c in s_.values())]
    lines = ["Final validation accuracy after the budget (mean over seeds, +- standard error; a diverged run "
             "counts as 0), per workload and starting rate. Tuning set (chose the defaults): digits, MLP 64-128-64-10 "
             "with SGD Nesterov 0.9 and a CNN with Adam, 30 epochs of batches of 32, and (added with tail averaging, "
             "for a budget that ends while the rate's noise floor is still high) the MLP with plain SGD for 10 "
             "epochs; and, added after the defaults were chosen (so that the next choice has a tuning workload whose "
             "validation set resolves 0.025 points, where digits' resolves 0.28), UCI letter recognition (16 "
             "features, 26 classes; 10000 train, 4000 validation), MLP 16-128-64-26 with SGD Nesterov 0.9, 20 epochs "
             "of batches of 64 (the defaults of tail averaging, the whole epoch at confidence 0.999 with no veto "
             "by the stationarity test, were chosen with it, against the second half of each epoch at 0.9). "
             "Report set (run only to report "
             "them): Fashion-MNIST (first 6000 training, 3000 validation images), 10 epochs of batches of 64: "
             "MLP 784-128-64-10 with plain SGD, CNN on 14x14 images (2x2 means) with SGD Nesterov 0.9, LSTM of 32 "
             "over the 14 rows of those images with RMSProp, a "
             "ComputationGraph with a skip connection with Adam. Variants: "
             + "; ".join("%s, %s" % (v, CONTROL_VARIANTS[v]) for v in present)
             + ". Decays and rises: Terrain's mean number of rate cuts and of kept rate rises (at its defaults).",
             "", "| set | workload | rate | " + " | ".join(present) + " | Terrain decays | Terrain rises |",
             "|---|---|---|" + "---|" * len(present) + "---|---|"]
    for kind in ("tuning", "report"):
        for key in sorted(sets[kind]):
            cells = sets[kind][key]
            row = []
            for variant in present:
                if variant in cells:
                    m, se = mean_se(cells[variant])
                    row.append("%.4f +- %.4f" % (m, se) if not math.isnan(se) else "%.4f" % m)
                else:
                    row.append("")
            cuts = decays.get((key[0], key[1], "terrain"), [])
            kept = rises.get((key[0], key[1], "terrain"), [])
            lines.append("| %s | %s | %g | %s | %s | %s |" % (kind, key[0], key[1], " | ".join(row),
                                                            "%.1f" % statistics.mean(cuts) if cuts else "",
                                                            "%.1f" % statistics.mean(kept) if kept else ""))
    lines.append("")
    lines += lr_control_targets(sets["report"], "Report", by_seed)
    if diverged_top:
        lines.append("- diverged runs at each workload's top rate with curvature probes on: %d of %d" % (
            sum(sum(v) for v in diverged_top.values()), sum(len(v) for v in diverged_top.values())))
    lines.append("")
    lines += lr_control_targets(sets["tuning"], "Tuning", by_seed)
    return "\n".join(lines)


def main():
    name, results, command = sys.argv[1], sys.argv[2], sys.argv[3]
    kind = "search-dl4j" if name.startswith("search-dl4j-") else name  # one section per dataset
    body = {"overhead": overhead, "time-to-accuracy": time_to_accuracy, "curvature": curvature,
            "search": search, "search-suite": search_suite, "row-limit": row_limit, "multi-fidelity-parallel": multi_fidelity_parallel,
            "multi-fidelity-methods": multi_fidelity_methods,
            "search-dl4j": search_dl4j, "study": study,
            "learning-rate-control": lr_control}[kind](results)
    section = "<!-- %s:start -->\n## %s\n\nCommand: `%s`  \nMachine: %s  \nDate: %s\n\n%s\n<!-- %s:end -->" % (
        name, name.replace("-", " ").capitalize(), command, machine(),
        # REPORT_DATE: when a section is redrawn from a run's saved rows, the date the run ended
        os.environ.get("REPORT_DATE") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        body, name)
    text = open(DOC).read() if os.path.exists(DOC) else HEADER
    pattern = re.compile(r"<!-- %s:start -->.*?<!-- %s:end -->" % (name, name), re.S)
    text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip() + "\n\n" + section + "\n"
    os.makedirs(os.path.dirname(DOC), exist_ok=True)
    with open(DOC, "w") as f:
        f.write(text)
    print("wrote the %s section of %s" % (name, os.path.normpath(DOC)))


if __name__ == "__main__":
    main()

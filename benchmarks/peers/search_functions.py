"""The test functions of org.terrain4j.bench.SearchFunction, for the Optuna peer: the same
formulas, boxes and known minima (Surjanovic and Bingham, Virtual Library of Simulation
Experiments), and the same noisy variants (Gaussian noise on each evaluation, regret measured on
the true value)."""
import math

ALPHA = (1.0, 1.2, 3.0, 3.2)
A6 = ((10, 3, 17, 3.5, 1.7, 8), (0.05, 10, 17, 0.1, 8, 14), (3, 3.5, 1.7, 10, 17, 8), (17, 8, 0.05, 10, 0.1, 14))
P6 = ((1312, 1696, 5569, 124, 8283, 5886), (2329, 4135, 8307, 3736, 1004, 9991),
      (2348, 1451, 3522, 2883, 3047, 6650), (4047, 8828, 8732, 5743, 1091, 381))
A3 = ((3, 10, 30), (0.1, 10, 35), (3, 10, 30), (0.1, 10, 35))
P3 = ((3689, 1170, 2673), (4699, 4387, 7470), (1091, 8732, 5547), (381, 5743, 8828))


def branin(x):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x[1] - b * x[0] ** 2 + c * x[0] - 6) ** 2 + 10 * (1 - t) * math.cos(x[0]) + 10


def hartmann(a, p):
    return lambda x: -sum(ALPHA[i] * math.exp(-sum(a[i][j] * (x[j] - p[i][j] * 1e-4) ** 2 for j in range(len(x))))
                          for i in range(4))


def levy(x):
    w = [1 + (v - 1) / 4 for v in x]
    return (math.sin(math.pi * w[0]) ** 2
            + sum((wi - 1) ** 2 * (1 + 10 * math.sin(math.pi * wi + 1) ** 2) for wi in w[:-1])
            + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2))


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (x[i] - 1) ** 2 for i in range(len(x) - 1))


def schwefel(x):
    return 418.9829 * len(x) - sum(v * math.sin(math.sqrt(abs(v))) for v in x)


def rastrigin(x):
    return 10 * len(x) + sum(v * v - 10 * math.cos(2 * math.pi * v) for v in x)


def michalewicz(x):
    return -sum(math.sin(v) * math.sin((i + 1) * v * v / math.pi) ** 20 for i, v in enumerate(x))


def styblinski_tang(x):
    return sum(v ** 4 - 16 * v * v + 5 * v for v in x) / 2


def ackley(x):
    n = len(x)
    return (-20 * math.exp(-0.2 * math.sqrt(sum(v * v for v in x) / n))
            - math.exp(sum(math.cos(2 * math.pi * v) for v in x) / n) + 20 + math.e)


# name: (function, box, minimum, noise standard deviation)
FUNCTIONS = {
    "BRANIN": (branin, [(-5, 10)] * 2, 0.397887357729739, 0),
    "HARTMANN6": (hartmann(A6, P6), [(0, 1)] * 6, -3.32236801141551, 0),
    "HARTMANN3": (hartmann(A3, P3), [(0, 1)] * 3, -3.86278214782076, 0),
    "LEVY4": (levy, [(-10, 10)] * 4, 0, 0),
    "ROSENBROCK4": (rosenbrock, [(-5, 10)] * 4, 0, 0),
    "SCHWEFEL4": (schwefel, [(-500, 500)] * 4, schwefel([420.968746] * 4), 0),
    "RASTRIGIN5": (rastrigin, [(-5.12, 5.12)] * 5, 0, 0),
    "MICHALEWICZ5": (michalewicz, [(0, math.pi)] * 5, -4.687658, 0),
    "STYBLINSKI_TANG8": (styblinski_tang, [(-5, 5)] * 8, -39.16616570377142 * 8, 0),
    "ACKLEY10": (ackley, [(-32.768, 32.768)] * 10, 0, 0),
    "BRANIN_NOISY": (branin, [(-5, 10)] * 2, 0.397887357729739, 0.5),
    "HARTMANN6_NOISY": (hartmann(A6, P6), [(0, 1)] * 6, -3.32236801141551, 0.1),
}

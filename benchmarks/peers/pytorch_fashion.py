#!/usr/bin/python3
"""The time-to-accuracy task of TimeToAccuracy.java, in PyTorch (Debian's python3-torch 1.13).

Fashion-MNIST from the IDX .gz files (first 50,000 training images train, last 10,000
validate), MLP 784-256-128-10 ReLU, SGD momentum 0.9 (Nesterov with --nesterov, as DL4J's
Nesterovs updater), batch 128, one thread. Prints one tab-separated line per run, like the Java
benchmark: variant, lr, seed, first epoch reaching the target (or -), best validation accuracy,
its epoch, the learning rate per epoch, the validation accuracy per epoch.

    /usr/bin/python3 benchmarks/peers/pytorch_fashion.py --epochs 20 --lrs 0.05,0.01 --seeds 1,2,3
"""
import argparse
import gzip
import os

import numpy as np
import torch


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(folder):
    images = read_idx(os.path.join(folder, "train-images-idx3-ubyte.gz")).reshape(-1, 784).astype(np.float32) / 255
    labels = read_idx(os.path.join(folder, "train-labels-idx1-ubyte.gz")).astype(np.int64)
    to = torch.from_numpy
    return (to(images[:50000]), to(labels[:50000])), (to(images[50000:]), to(labels[50000:]))


def run(train, validation, variant, lr, seed, epochs, target, nesterov):
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128),
                                torch.nn.ReLU(), torch.nn.Linear(128, 10))
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, nesterov=nesterov)
    scheduler = None
    if variant == "pytorch_reduce_lr_on_plateau":
        scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.1, patience=2)
    elif variant == "pytorch_cosine":
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs)
    loss_fn = torch.nn.CrossEntropyLoss()
    x, y = train
    generator = torch.Generator().manual_seed(seed)
    rates, accuracies = [], []
    for _ in range(epochs):
        model.train()
        order = torch.randperm(len(x), generator=generator)
        for start in range(0, len(x), 128):
            batch = order[start:start + 128]
            optimizer.zero_grad()
            loss_fn(model(x[batch]), y[batch]).backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            logits = model(validation[0])
            val_loss = loss_fn(logits, validation[1]).item()
            accuracy = (logits.argmax(1) == validation[1]).float().mean().item()
        if variant == "pytorch_reduce_lr_on_plateau":
            scheduler.step(val_loss)
        elif scheduler is not None:
            scheduler.step()
        rates.append(optimizer.param_groups[0]["lr"])
        accuracies.append(accuracy)
    reached = next((str(i + 1) for i, a in enumerate(accuracies) if a >= target), "-")
    best = max(range(epochs), key=lambda i: (accuracies[i], -i))
    return "\t".join([variant, repr(lr), str(seed), reached, "%.4f" % accuracies[best], str(best + 1),
                      ",".join("%.3g" % r for r in rates), ",".join("%.4f" % a for a in accuracies)])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", default=os.environ.get("TERRAIN_FASHION_MNIST_DIR",
                                                           "/usr/share/datasets/fashion-mnist"))
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--target", type=float, default=0.89)
    parser.add_argument("--lrs", default="0.05,0.01")
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--variants", default="pytorch_constant,pytorch_reduce_lr_on_plateau")
    parser.add_argument("--nesterov", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(1)
    train, validation = load(args.folder)
    for lr in [float(v) for v in args.lrs.split(",")]:
        for seed in [int(v) for v in args.seeds.split(",")]:
            for variant in args.variants.split(","):
                print(run(train, validation, variant, lr, seed, args.epochs, args.target, args.nesterov), flush=True)


if __name__ == "__main__":
    main()

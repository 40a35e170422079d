"""A minimal computational graph: forward in topological order, backward in reverse."""

import math


class Node:
    """A value in the graph: a leaf (input/parameter) or the result of an operation."""

    def __init__(self, value, parents=(), local_grads=(), op="leaf", name=""):
        self.value = value
        self.parents = parents  # incoming edges
        self.local_grads = local_grads  # d(this) / d(parent) for each parent
        self.op = op
        self.name = name
        self.grad = 0.0

    def __add__(self, other):
        return Node(self.value + other.value, (self, other), (1.0, 1.0), "add")

    def __mul__(self, other):
        return Node(
            self.value * other.value, (self, other), (other.value, self.value), "mul"
        )


def sin(a):
    return Node(math.sin(a.value), (a,), (math.cos(a.value),), "sin")


def topological_order(root):
    order, seen = [], set()

    def visit(node):
        if id(node) not in seen:
            seen.add(id(node))
            for p in node.parents:
                visit(p)
            order.append(node)

    visit(root)
    return order


def backward(root):
    root.grad = 1.0
    for node in reversed(topological_order(root)):
        for parent, local in zip(node.parents, node.local_grads):
            parent.grad += node.grad * local  # chain rule; sums over fan-out


x, y = Node(2.0, name="x"), Node(3.0, name="y")
f = x * y + sin(x)  # x feeds two operations
order = topological_order(f)
print("nodes in topological order:", [n.name or n.op for n in order])
n_edges = sum(len(n.parents) for n in order)
print("edges:", n_edges)
assert n_edges == 5  # x->mul, y->mul, x->sin, mul->add, sin->add
backward(f)
print(f"f = {f.value:.4f}")
print(f"df/dx = {x.grad:.4f} (expected y + cos x = {3 + math.cos(2):.4f})")
print(f"df/dy = {y.grad:.4f} (expected x = 2)")
assert math.isclose(f.value, 6 + math.sin(2))
assert math.isclose(x.grad, 3 + math.cos(2)) and math.isclose(y.grad, 2.0)


def f_plain(a, b):
    return a * b + math.sin(a)


eps = 1e-6
fd_x = (f_plain(2 + eps, 3) - f_plain(2 - eps, 3)) / (2 * eps)
print(f"finite-difference df/dx = {fd_x:.4f}")
assert abs(fd_x - x.grad) < 1e-8

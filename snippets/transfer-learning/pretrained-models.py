"""Rebuild the parameter counts of well-known pretrained models from their layer lists."""


def conv(c_in, c_out, k, bias=True):
    return k * k * c_in * c_out + (c_out if bias else 0)


def dense(n_in, n_out):
    return n_in * n_out + n_out


def bn(c):
    return 2 * c  # trainable scale and shift


# AlexNet (torchvision's single-tower variant), 224x224 input, 6x6x256 before the FCs.
alexnet = (
    conv(3, 64, 11) + conv(64, 192, 5) + conv(192, 384, 3) + conv(384, 256, 3)
    + conv(256, 256, 3)
    + dense(256 * 6 * 6, 4096) + dense(4096, 4096) + dense(4096, 1000)
)  # fmt: skip

# VGG-16: thirteen 3x3 convs ("M" = 2x2 max pool, no parameters), then three FCs.
cfg = [64, 64, "M", 128, 128, "M", 256, 256, 256, "M"] + [512, 512, 512, "M"] * 2
vgg_conv, c = 0, 3
for v in cfg:
    if v != "M":
        vgg_conv, c = vgg_conv + conv(c, v, 3), v
vgg_fc = dense(512 * 7 * 7, 4096) + dense(4096, 4096) + dense(4096, 1000)
vgg16 = vgg_conv + vgg_fc


# ResNet-50: bottleneck blocks (1x1, 3x3, 1x1, expansion 4), no conv biases, BN after each.
def bottleneck(c_in, width, project):
    n = conv(c_in, width, 1, False) + bn(width)
    n += conv(width, width, 3, False) + bn(width)
    n += conv(width, 4 * width, 1, False) + bn(4 * width)
    if project:  # 1x1 projection shortcut when the shape changes
        n += conv(c_in, 4 * width, 1, False) + bn(4 * width)
    return n


resnet50, c = conv(3, 64, 7, False) + bn(64), 64
for width, blocks in [(64, 3), (128, 4), (256, 6), (512, 3)]:
    for b in range(blocks):
        resnet50 += bottleneck(c, width, project=b == 0)
        c = 4 * width
resnet50 += dense(2048, 1000)

# BERT-base encoder: vocabulary 30,522, width 768, 12 layers, FFN 3072, plus pooler.
d, ffn, vocab = 768, 3072, 30_522
embeddings = (vocab + 512 + 2) * d + 2 * d  # word, position, segment, layer norm
layer = 4 * dense(d, d) + 2 * d + dense(d, ffn) + dense(ffn, d) + 2 * d
bert = embeddings + 12 * layer + dense(d, d)

counts = {
    "AlexNet": (alexnet, 61_100_840),
    "VGG-16": (vgg16, 138_357_544),
    "ResNet-50": (resnet50, 25_557_032),
    "BERT-base": (bert, 109_482_240),
}
for name, (got, expected) in counts.items():
    assert got == expected, name
    print(f"{name:10s} {got:>12,} parameters")
print(f"VGG-16 share in fully connected layers: {vgg_fc / vgg16:.0%}")
print(f"BERT-base share in the word-embedding table: {vocab * d / bert:.0%}")
assert round(vgg_fc / vgg16, 2) == 0.89

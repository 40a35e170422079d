"""Parameter counts of AlexNet, VGG-16 and ResNet-50 from their layer tables,
and the 1 x 1 bottleneck saving of an Inception module."""


def conv(c_in, c_out, k, groups=1, bias=True):
    return k * k * (c_in // groups) * c_out + (c_out if bias else 0)


def fc(n_in, n_out):
    return n_in * n_out + n_out


# AlexNet as in Krizhevsky et al. (2012): layers 2, 4, 5 split over two GPUs (groups=2).
alex_conv = (conv(3, 96, 11) + conv(96, 256, 5, groups=2) + conv(256, 384, 3)
             + conv(384, 384, 3, groups=2) + conv(384, 256, 3, groups=2))
alex_fc = fc(6 * 6 * 256, 4096) + fc(4096, 4096) + fc(4096, 1000)
alex = alex_conv + alex_fc

# VGG-16 (configuration D): 13 convs 3 x 3, then three fully connected layers.
widths = [64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512]
vgg_conv = sum(conv(a, b, 3) for a, b in zip([3] + widths[:-1], widths, strict=True))
vgg_fc6 = fc(7 * 7 * 512, 4096)
vgg = vgg_conv + vgg_fc6 + fc(4096, 4096) + fc(4096, 1000)


# ResNet-50: bottleneck blocks [3, 4, 6, 3]; convs have no bias, each is followed by
# batch norm with a scale and a shift per channel; global average pooling, then one fc.
def conv_bn(c_in, c_out, k):
    return conv(c_in, c_out, k, bias=False) + 2 * c_out


resnet = conv_bn(3, 64, 7)
c_in = 64
for width, blocks in zip([64, 128, 256, 512], [3, 4, 6, 3], strict=True):
    for b in range(blocks):
        resnet += conv_bn(c_in, width, 1) + conv_bn(width, width, 3) + conv_bn(width, 4 * width, 1)
        if b == 0:
            resnet += conv_bn(c_in, 4 * width, 1)   # projection shortcut
        c_in = 4 * width
resnet += fc(2048, 1000)

assert vgg == 138_357_544 and resnet == 25_557_032   # the counts torchvision reports
assert 60e6 < alex < 61e6                             # the paper says "60 million"
for name, total, dense in [("AlexNet", alex, alex_fc), ("VGG-16", vgg, vgg - vgg_conv),
                           ("ResNet-50", resnet, fc(2048, 1000))]:
    print(f"{name:9s} {total:>12,} parameters, {dense / total:5.1%} in fully connected layers")
print(f"VGG-16 fc6 alone: {vgg_fc6:,} ({vgg_fc6 / vgg:.1%})")
assert vgg_fc6 / vgg > 0.7 and fc(2048, 1000) / resnet < 0.1

# Inception (3a) of GoogLeNet: 192 input channels; 1 x 1 reductions before 3 x 3 and 5 x 5.
direct = conv(192, 128, 3, bias=False) + conv(192, 32, 5, bias=False)
reduced = (conv(192, 96, 1, bias=False) + conv(96, 128, 3, bias=False)
           + conv(192, 16, 1, bias=False) + conv(16, 32, 5, bias=False))
print(f"Inception 3a, 3x3 and 5x5 branches: {direct:,} weights direct, "
      f"{reduced:,} with 1x1 reductions ({direct / reduced:.1f}x fewer)")
assert reduced < direct / 2

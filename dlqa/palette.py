"""Material's palette stylesheet without the rule that restyles every element at each page load.

Material's palette script marks the body `data-md-color-switching` whenever it applies a
palette, and its palette stylesheet then sets every element's transitions to 0 s
(`[data-md-color-switching] *`), so that a switch between light and dark does not fade. It
applies the palette on every page load as well, and the mark then makes the browser restyle
the whole page twice for nothing: on activations/softmax.html, 4x CPU throttling, style work
fell from 1,032 to 593 ms without the rule (medians of 7 loads) and Lighthouse's blocking time
from 530 to 290 ms (medians of 5). The build drops the rule; docs/javascripts/theme.js marks
the body `data-dlqa-switching` only while the reader switches, and dlqa.css turns transitions
off under that mark, so a switch still does not fade.
"""

from __future__ import annotations

import re

SWITCHING_RULE = ("[data-md-color-switching] *,[data-md-color-switching] :after,"
                  "[data-md-color-switching] :before{transition-duration:0s!important}")
STYLESHEET = re.compile(r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css")


def without_switching_rule(css: str) -> str:
    """Material's palette stylesheet `css` without SWITCHING_RULE (a test checks that the
    built site has no rule on the mark, should Material change the rule's text)."""
    return css.replace(SWITCHING_RULE, "")

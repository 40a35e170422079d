"""Reading YAML: the front matter of every page and the data files, on every build."""

from __future__ import annotations

import yaml


def load(text: str):
    """yaml.safe_load, with libyaml where PyYAML has it (about ten times faster).

    On an error the pure-Python loader parses again, for its clearer messages.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)  # CSafeLoader: safe, like safe_load
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)

"""MkDocs hooks: each one a call into `dlqa.build.Build`, which holds the build's state.

The logic lives in the dlqa package so that the CLI, the tests and a future engine without
hooks use the same code; these functions only translate MkDocs events into its methods and
its errors into MkDocs' PluginError.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from dlqa.build import Build, BuildFailed


def _fail(exc: BuildFailed):
    Build.end_all()
    raise PluginError(str(exc)) from None


def on_config(config):
    try:
        Build.start(config)
    except BuildFailed as exc:
        _fail(exc)
    return config


def on_pre_build(config):
    try:
        Build.of(config).run_snippets()
    except BuildFailed as exc:
        _fail(exc)


def on_files(files, config):
    return Build.of(config).add_files(files, config)


def on_env(env, config, files):
    return Build.of(config).cache_templates(env)


def on_page_markdown(markdown, page, config, files):
    return Build.of(config).page_markdown(markdown, page)


def on_page_content(html, page, config, files):
    try:
        return Build.of(config).page_content(html, page, files)
    except BuildFailed as exc:
        _fail(exc)


@event_priority(-110)  # after the offline plugin has written its files
def on_post_build(config):
    try:
        Build.of(config).finish(config)
    except BuildFailed as exc:
        _fail(exc)


def on_build_error(error):
    Build.end_all()


def on_shutdown():
    Build.end_all()

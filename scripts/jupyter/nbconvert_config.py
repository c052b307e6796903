# nbconvert configuration used by scripts/run-notebooks.mjs (`--config` this file,
# with scripts/jupyter on PYTHONPATH): run notebooks with DenoExecutePreprocessor
# (see deno_execute.py) instead of the stock ExecutePreprocessor. `--execute`
# still switches execution on, because the subclass shares its configuration.
from nbconvert.exporters.exporter import Exporter

c = get_config()  # noqa: F821 (provided by traitlets when loading the file)
c.Exporter.default_preprocessors = [
    "deno_execute.DenoExecutePreprocessor" if p.endswith("ExecutePreprocessor") else p
    for p in Exporter.class_traits()["default_preprocessors"].default()
]

"""nbconvert execution that keeps outputs the Deno kernel publishes late.

The Deno kernel (``deno jupyter``) publishes display/stream messages through an
internal channel that it flushes with a short sleep after each cell. Under load
a cell's output can reach IOPub *after* the kernel reported the cell idle;
nbclient stops listening at idle, so the output would silently be missing from
the executed notebook. ``DenoExecutePreprocessor`` keeps listening until IOPub
has been quiet for ``late_output_grace`` seconds and adds the late messages that
belong to the cell (same parent message id) in arrival order.

Used by scripts/run-notebooks.mjs through scripts/jupyter/nbconvert_config.py,
which puts it in place of the stock ExecutePreprocessor, so
``jupyter nbconvert --to notebook --execute`` behaves as usual otherwise.
"""
from queue import Empty

from jupyter_core.utils import ensure_async
from nbclient.exceptions import CellExecutionComplete
from nbconvert.preprocessors import ExecutePreprocessor
from traitlets import Float


class DenoExecutePreprocessor(ExecutePreprocessor):
    """ExecutePreprocessor that also collects a cell's outputs published just after 'idle'."""

    late_output_grace = Float(
        0.2, help="Seconds of IOPub silence to wait for after a cell went idle."
    ).tag(config=True)

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
        while True:
            try:
                msg = await ensure_async(
                    self.kc.iopub_channel.get_msg(timeout=self.late_output_grace)
                )
            except Empty:
                return
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                pass

"""The paragraphs the notebooks tell about a plan, written from its figures (one module per notebook topic).

A notebook's Markdown cells hold only what is true of every plan; every
sentence that names a figure of the plan comes from a function here, returning
:class:`grdp.core.wording.Prose` in the notebook's language, so that the
notebook rerun on another plan file tells that plan's story.
"""

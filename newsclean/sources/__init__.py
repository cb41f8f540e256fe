"""Sources turn input into a :class:`~newsclean.document.Document`: :mod:`.detect` decides
text or HTML and decodes bytes, :mod:`.text` splits plain text into blocks, :mod:`.html`
runs trafilatura and maps its structured output to blocks plus page metadata."""

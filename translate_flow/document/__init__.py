"""One article: reading it (``article``, ``frontmatter``), masking Hugo markup, finding its texts
(``segmenter``: ``front_matter_segments`` and ``markdown``, into ``segment.Segment``), and splicing
translations back (``splice``)."""

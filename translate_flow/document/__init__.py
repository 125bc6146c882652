"""One article: reading it, its front matter, Hugo markup, segmentation into texts, and splicing translations back."""

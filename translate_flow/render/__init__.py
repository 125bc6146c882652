"""Reports as text, JSON, GitHub annotations, JUnit and HTML."""

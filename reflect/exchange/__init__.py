"""What leaves and joins a database: bundles, the demo set, CSV, REFI-QDA, Markdown, .docx, PDF."""

// Placeholder so the target builds before its first test lands; delete when adding one.

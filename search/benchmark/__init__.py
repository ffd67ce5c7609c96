"""The search benchmark: a generator of realistic French pages and the timing harness."""

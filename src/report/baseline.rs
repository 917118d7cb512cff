//! Baseline files: the findings recorded once, so later runs report only new ones.

//! nom parsers for numbers: digits with separators and decimals, number words, multipliers.

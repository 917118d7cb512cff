//! Output formats, one file each: findings for people and machines, claims, quantities,
//! sentences.

pub mod claims;

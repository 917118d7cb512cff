//! Claims as bytes: the one place claims are serialized and read back (the cache's
//! entries). Floats round-trip exactly (serde_json's `float_roundtrip`), so claims read
//! back give the same findings as the claims written.

use crate::extract::Claim;

/// A document's claims as JSON (every field of [`Claim`]).
pub fn to_json(claims: &[Claim]) -> serde_json::Result<Vec<u8>> {
    serde_json::to_vec(claims)
}

/// Claims written by [`to_json`].
pub fn from_json(bytes: &[u8]) -> serde_json::Result<Vec<Claim>> {
    serde_json::from_slice(bytes)
}

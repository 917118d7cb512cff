//! The frame of a cache entry: a magic tag with the format version, the entry's key, the
//! payload's length and checksum, then the payload. A frame that does not check out
//! (bit flips, truncation, another format, another key) is refused, never trusted.

use super::key::{checksum, Key};

/// The first bytes of every entry; the digit is the frame and payload format.
const MAGIC: &[u8; 8] = b"CCCACHE1";
const HEADER: usize = 8 + 16 + 8 + 16;

/// Why an entry was refused.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum FrameError {
    #[error("not a claimcheck cache entry of this format")]
    Magic,
    #[error("the entry is for another key")]
    Key,
    #[error("the entry is truncated or too long ({found} payload bytes, {expected} expected)")]
    Length { found: usize, expected: usize },
    #[error("the entry's checksum does not match its content")]
    Checksum,
}

/// The framed bytes of a payload stored under `key`.
pub fn frame(key: Key, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&key.0.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(payload).0.to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// The payload of framed bytes read for `key`, when the frame checks out.
pub fn unframe(key: Key, bytes: &[u8]) -> Result<&[u8], FrameError> {
    if bytes.len() < HEADER || &bytes[..8] != MAGIC {
        return Err(FrameError::Magic);
    }
    let u128_at = |at: usize| {
        let mut b = [0u8; 16];
        b.copy_from_slice(&bytes[at..at + 16]);
        u128::from_le_bytes(b)
    };
    if u128_at(8) != key.0 {
        return Err(FrameError::Key);
    }
    let mut len = [0u8; 8];
    len.copy_from_slice(&bytes[24..32]);
    let expected = u64::from_le_bytes(len);
    let payload = &bytes[HEADER..];
    if payload.len() as u64 != expected {
        return Err(FrameError::Length {
            found: payload.len(),
            expected: usize::try_from(expected).unwrap_or(usize::MAX),
        });
    }
    if checksum(payload).0 != u128_at(32) {
        return Err(FrameError::Checksum);
    }
    Ok(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_reads_back_and_any_flipped_bit_is_refused() {
        let key = Key(42);
        let framed = frame(key, b"[1,2,3]");
        assert_eq!(unframe(key, &framed), Ok(&b"[1,2,3]"[..]));
        assert_eq!(unframe(Key(43), &framed), Err(FrameError::Key));
        for byte in 0..framed.len() {
            for bit in 0..8 {
                let mut bad = framed.clone();
                bad[byte] ^= 1 << bit;
                assert!(unframe(key, &bad).is_err(), "byte {byte} bit {bit}");
            }
        }
        for cut in 0..framed.len() {
            assert!(unframe(key, &framed[..cut]).is_err(), "cut at {cut}");
        }
    }
}

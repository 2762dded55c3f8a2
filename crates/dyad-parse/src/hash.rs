//! Feature keys: every feature is a 64-bit hash of its template id and its values, so
//! features need no vocabulary and cost no allocation.

/// Mixes `v` into `h` (a multiply-xorshift step; good enough spread for hash tables).
#[inline(always)]
pub fn mix(h: u64, v: u64) -> u64 {
    let x = (h ^ v).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 29)
}

/// Final avalanche, so that keys differing in one low bit land far apart.
#[inline(always)]
pub fn finish(h: u64) -> u64 {
    let mut x = h;
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

#[inline(always)]
pub fn key1(template: u64, a: u64) -> u64 {
    finish(mix(mix(0x5151, template), a))
}

#[inline(always)]
pub fn key2(template: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(mix(0x5151, template), a), b))
}

#[inline(always)]
pub fn key3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(mix(mix(mix(0x5151, template), a), b), c))
}

/// Hash of a string's characters.
pub fn str_hash(s: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in s.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    finish(h)
}

/// Hash of a sequence of characters.
pub fn chars_hash(cs: &[char]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ (cs.len() as u64) << 56;
    for &c in cs {
        h = (h ^ c as u64).wrapping_mul(0x0100_0000_01b3);
    }
    finish(h)
}

/// A checksum over a byte slice, eight bytes at a time (fast enough to check a model of
/// tens of megabytes in a few milliseconds).
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut h = 0x2545_F491_4F6C_DD1Du64 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes(c.try_into().unwrap());
        h = (h ^ v).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(31);
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(31);
    }
    finish(h)
}

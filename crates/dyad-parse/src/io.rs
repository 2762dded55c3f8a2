//! The model file's byte layer: little-endian numbers, length-prefixed strings and arrays,
//! a versioned header and a trailing checksum. Every read is bounds-checked, so a truncated
//! or corrupt file is an error, never a panic.

use crate::hash::checksum;
use crate::ModelError;

pub const MAGIC: &[u8; 8] = b"DYADPARS";
pub const VERSION: u32 = 1;
/// Magic, version, payload length; the payload follows; then an eight-byte checksum.
const HEADER: usize = 8 + 4 + 8;

#[derive(Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub fn u64s(&mut self, v: &[u64]) {
        self.u64(v.len() as u64);
        for &x in v {
            self.u64(x);
        }
    }
    pub fn u32s(&mut self, v: &[u32]) {
        self.u64(v.len() as u64);
        for &x in v {
            self.u32(x);
        }
    }
    pub fn i16s(&mut self, v: &[i16]) {
        self.u64(v.len() as u64);
        for &x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
    pub fn bytes(&mut self, v: &[u8]) {
        self.u64(v.len() as u64);
        self.buf.extend_from_slice(v);
    }
    /// A section tag, so a reader that lost its place says where.
    pub fn tag(&mut self, t: &[u8; 4]) {
        self.buf.extend_from_slice(t);
    }

    /// The finished file: header, payload, checksum.
    pub fn finish(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.buf.len() + HEADER + 8);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(self.buf.len() as u64).to_le_bytes());
        out.extend_from_slice(&self.buf);
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }
}

pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// Checks the header, length and checksum; returns a reader over the payload.
    pub fn open(bytes: &'a [u8]) -> Result<Reader<'a>, ModelError> {
        if bytes.len() < 8 || &bytes[..8] != MAGIC {
            return Err(ModelError::NotAModel);
        }
        if bytes.len() < HEADER {
            return Err(ModelError::Truncated { expected: HEADER as u64, found: bytes.len() as u64 });
        }
        let version = u32::from_le_bytes(bytes[8..12].try_into().unwrap());
        if version != VERSION {
            return Err(ModelError::Version { found: version, supported: VERSION });
        }
        let len = u64::from_le_bytes(bytes[12..20].try_into().unwrap());
        let expected = (HEADER as u64).saturating_add(len).saturating_add(8);
        if (bytes.len() as u64) < expected {
            return Err(ModelError::Truncated { expected, found: bytes.len() as u64 });
        }
        if (bytes.len() as u64) > expected {
            return Err(ModelError::Corrupt(format!("{} bytes after the end of the model", bytes.len() as u64 - expected)));
        }
        let end = HEADER + len as usize;
        let stored = u64::from_le_bytes(bytes[end..end + 8].try_into().unwrap());
        if checksum(&bytes[..end]) != stored {
            return Err(ModelError::Checksum);
        }
        Ok(Reader { bytes: &bytes[HEADER..end], pos: 0 })
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.bytes.len() - self.pos < n {
            return Err(ModelError::Corrupt(format!("a field runs past the end of the payload at byte {}", self.pos)));
        }
        let s = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    pub fn str(&mut self) -> Result<&'a str, ModelError> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| ModelError::Corrupt("a string is not UTF-8".into()))
    }
    fn len(&mut self, width: usize) -> Result<usize, ModelError> {
        let n = self.u64()?;
        if n.saturating_mul(width as u64) > (self.bytes.len() - self.pos) as u64 {
            return Err(ModelError::Corrupt(format!("an array of {n} items runs past the end of the payload")));
        }
        Ok(n as usize)
    }
    pub fn u64s(&mut self) -> Result<Vec<u64>, ModelError> {
        let n = self.len(8)?;
        let b = self.take(n * 8)?;
        Ok(b.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().unwrap())).collect())
    }
    pub fn u32s(&mut self) -> Result<Vec<u32>, ModelError> {
        let n = self.len(4)?;
        let b = self.take(n * 4)?;
        Ok(b.chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().unwrap())).collect())
    }
    pub fn i16s(&mut self) -> Result<Vec<i16>, ModelError> {
        let n = self.len(2)?;
        let b = self.take(n * 2)?;
        Ok(b.chunks_exact(2).map(|c| i16::from_le_bytes(c.try_into().unwrap())).collect())
    }
    pub fn bytes(&mut self) -> Result<&'a [u8], ModelError> {
        let n = self.len(1)?;
        self.take(n)
    }
    pub fn tag(&mut self, t: &[u8; 4]) -> Result<(), ModelError> {
        let at = self.pos;
        let got = self.take(4)?;
        if got != t {
            return Err(ModelError::Corrupt(format!(
                "expected section {:?} at byte {at}, found {:?}",
                String::from_utf8_lossy(t),
                String::from_utf8_lossy(got)
            )));
        }
        Ok(())
    }
    /// Whether the next bytes are section tag `t` (reads nothing).
    pub fn at_tag(&self, t: &[u8; 4]) -> bool {
        self.bytes[self.pos..].starts_with(t)
    }
    pub fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }
    pub fn done(&self) -> Result<(), ModelError> {
        if self.pos != self.bytes.len() {
            return Err(ModelError::Corrupt(format!("{} unread bytes at the end of the payload", self.bytes.len() - self.pos)));
        }
        Ok(())
    }
}

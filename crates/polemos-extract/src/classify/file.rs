//! The model file: `POLEMOSM`, the format version, and the model zstd-compressed.
//!
//! Layout of the compressed part (little-endian; strings as a u32 byte length then UTF-8):
//! the feature version (u32); name, text column, label column (strings); examples (u32);
//! threshold (f32); the labels (u32 count, strings); cross-validation (u32 fold count, 0 for
//! none; then each fold's accuracy as f32 and the confusion table as labels² u32 counts);
//! features (u32 count, then each hash as u64, then each idf as f32); biases (f32 per label);
//! weights (each feature's row scale as f32, then the rows, one i8 per label and feature).

use std::io::{Read, Write};
use std::path::Path;

use super::model::{CrossValidation, ModelInfo, TypeModel, Vectorizer, Weights};
use super::{ModelError, FEATURE_VERSION};

const MAGIC: &[u8; 8] = b"POLEMOSM";
/// Version of the file layout; files of another version are refused with a clear message.
pub const FORMAT_VERSION: u32 = 1;

impl TypeModel {
    /// The model as the bytes of a model file.
    pub fn to_bytes(&self) -> Result<Vec<u8>, ModelError> {
        let mut body = Vec::new();
        let info = &self.info;
        put_u32(&mut body, FEATURE_VERSION);
        for s in [&info.name, &info.text_column, &info.label_column] {
            put_str(&mut body, s);
        }
        put_u32(&mut body, info.n_examples);
        put_f32(&mut body, info.threshold);
        put_u32(&mut body, self.labels.len() as u32);
        self.labels.iter().for_each(|l| put_str(&mut body, l));
        match &info.cross_validation {
            None => put_u32(&mut body, 0),
            Some(cv) => {
                put_u32(&mut body, cv.fold_accuracy.len() as u32);
                cv.fold_accuracy.iter().for_each(|&a| put_f32(&mut body, a));
                cv.confusion
                    .iter()
                    .flatten()
                    .for_each(|&n| put_u32(&mut body, n));
            }
        }
        put_u32(&mut body, self.vectorizer.len() as u32);
        for &h in &self.vectorizer.hashes {
            body.extend_from_slice(&h.to_le_bytes());
        }
        self.vectorizer
            .idf
            .iter()
            .for_each(|&x| put_f32(&mut body, x));
        self.bias.iter().for_each(|&x| put_f32(&mut body, x));
        self.weights
            .scales
            .iter()
            .for_each(|&x| put_f32(&mut body, x));
        body.extend(self.weights.rows.iter().map(|&w| w as u8));
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        let mut encoder = zstd::Encoder::new(&mut out, 9).map_err(io("compressing"))?;
        encoder.write_all(&body).map_err(io("compressing"))?;
        encoder.finish().map_err(io("compressing"))?;
        Ok(out)
    }

    /// Reads a model from the bytes of a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<TypeModel, ModelError> {
        let bad = |why: &str| ModelError::Format(why.to_string());
        if bytes.len() < 12 || &bytes[..8] != MAGIC {
            return Err(bad("not a polemos model file (written by `polemos train`)"));
        }
        let version = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
        if version != FORMAT_VERSION {
            return Err(ModelError::Format(format!(
                "model file format {version}, this polemos reads format {FORMAT_VERSION}: \
                 train the model again with this version"
            )));
        }
        let mut body = Vec::new();
        zstd::Decoder::new(&bytes[12..])
            .and_then(|mut d| d.read_to_end(&mut body))
            .map_err(|e| ModelError::Format(format!("the model file is damaged: {e}")))?;
        let mut r = Reader {
            bytes: &body,
            at: 0,
        };
        let features = r.u32()?;
        if features != FEATURE_VERSION {
            return Err(ModelError::Format(format!(
                "the model reads text with features of version {features}, this polemos \
                 makes version {FEATURE_VERSION}: train the model again with this version"
            )));
        }
        let (name, text_column, label_column) = (r.str()?, r.str()?, r.str()?);
        let n_examples = r.u32()?;
        let threshold = r.f32()?;
        let k = r.u32()? as usize;
        let labels = (0..k).map(|_| r.str()).collect::<Result<Vec<_>, _>>()?;
        let folds = r.u32()? as usize;
        let cross_validation = if folds == 0 {
            None
        } else {
            let fold_accuracy = r.f32s(folds)?;
            let cells = (0..k * k).map(|_| r.u32()).collect::<Result<Vec<_>, _>>()?;
            Some(CrossValidation {
                fold_accuracy,
                confusion: cells.chunks(k.max(1)).map(<[u32]>::to_vec).collect(),
            })
        };
        let n = r.u32()? as usize;
        let hashes = (0..n).map(|_| r.u64()).collect::<Result<Vec<_>, _>>()?;
        let idf = r.f32s(n)?;
        let bias = r.f32s(k)?;
        let scales = r.f32s(n)?;
        let rows = r
            .take(n.saturating_mul(k))?
            .iter()
            .map(|&b| b as i8)
            .collect();
        let weights = Weights { rows, scales };
        if r.at != body.len() {
            return Err(bad("the model file has bytes after its weights"));
        }
        if k < 2 {
            return Err(bad("the model file has fewer than two labels"));
        }
        let info = ModelInfo {
            name,
            text_column,
            label_column,
            n_examples,
            threshold,
            cross_validation,
        };
        Ok(TypeModel::from_parts(
            info,
            labels,
            Vectorizer::new(hashes, idf),
            weights,
            bias,
        ))
    }

    /// Writes the model file to `path`.
    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        let bytes = self.to_bytes()?;
        std::fs::write(path, bytes).map_err(|source| ModelError::Io {
            path: path.display().to_string(),
            source,
        })
    }

    /// Reads the model file at `path`.
    pub fn load(path: &Path) -> Result<TypeModel, ModelError> {
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
            path: path.display().to_string(),
            source,
        })?;
        TypeModel::from_bytes(&bytes).map_err(|e| match e {
            ModelError::Format(why) => ModelError::Format(format!("{}: {why}", path.display())),
            other => other,
        })
    }
}

fn io(doing: &'static str) -> impl Fn(std::io::Error) -> ModelError {
    move |e| ModelError::Format(format!("{doing} the model: {e}"))
}

fn put_u32(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn put_f32(out: &mut Vec<u8>, x: f32) {
    out.extend_from_slice(&x.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

/// Reads the compressed part, failing cleanly on a file cut short.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(ModelError::Format("the model file is cut short".into()));
        };
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self) -> Result<u64, ModelError> {
        let mut a = [0u8; 8];
        a.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(a))
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        self.u32().map(f32::from_bits)
    }

    /// `n` floats; the length is checked before anything is allocated, so that a damaged
    /// count cannot ask for gigabytes.
    fn f32s(&mut self, n: usize) -> Result<Vec<f32>, ModelError> {
        let bytes = self.take(n.saturating_mul(4))?;
        Ok(bytes
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect())
    }

    fn str(&mut self) -> Result<String, ModelError> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec())
            .map_err(|_| ModelError::Format("the model file has a name that is not UTF-8".into()))
    }
}

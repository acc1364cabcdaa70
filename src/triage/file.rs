//! Reading a TOML config file so that every mistake names its file and line.

use std::path::{Path, PathBuf};

/// A mistake in a config file, with where it is.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct ConfigMistake {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

/// A config file's text, kept to turn byte offsets into line numbers.
pub struct Source {
    pub path: PathBuf,
    pub text: String,
}

impl Source {
    pub fn read(path: &Path) -> Result<Source, ConfigMistake> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigMistake {
            file: path.to_owned(),
            line: 0,
            message: format!("cannot read: {e}"),
        })?;
        Ok(Source {
            path: path.to_owned(),
            text,
        })
    }

    pub fn line_of(&self, offset: usize) -> usize {
        self.text
            .get(..offset.min(self.text.len()))
            .map_or(1, |before| before.matches('\n').count() + 1)
    }

    pub fn mistake(&self, offset: usize, message: impl Into<String>) -> ConfigMistake {
        ConfigMistake {
            file: self.path.clone(),
            line: self.line_of(offset),
            message: message.into(),
        }
    }

    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, ConfigMistake> {
        toml::from_str(&self.text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            self.mistake(offset, e.message().to_owned())
        })
    }
}

//! Field errors: which field (its dotted path, the same in the form and the JSON API) and what is
//! wrong with it (a stable code that the locale catalogs translate).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    /// Dotted path of the field, e.g. `location.latitude` or `documents.0.number`.
    pub field: String,
    /// Stable error code, e.g. `too_long`, `unknown_country`, `out_of_range`.
    pub code: &'static str,
}

/// Every problem found in one submission, in field order.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn push(&mut self, field: impl Into<String>, code: &'static str) {
        self.0.push(FieldError {
            field: field.into(),
            code,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Keeps the value of a successful parse, records the error of a failed one.
    pub fn take<T>(&mut self, field: &str, parsed: Result<T, &'static str>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(code) => {
                self.push(field, code);
                None
            }
        }
    }
}

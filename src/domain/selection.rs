//! Reports picked from a list for one action (a wave of fakes closed, or destroyed early): at
//! least one, at most `MAX_SELECTED`, each a report id, each once. Whether the queue holds them
//! is for the floor that can look.

use uuid::Uuid;

/// The most reports one action takes: a list page shows 50, and a flood is cleared in a few.
pub const MAX_SELECTED: usize = 200;

/// What is wrong with a selection; each has a catalog entry `staff-selection-<code>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SelectionError {
    #[error("nothing was selected")]
    Empty,
    #[error("more than {MAX_SELECTED} reports were selected")]
    TooMany,
    #[error("a selected value is not a report id")]
    NotAnId,
}

impl SelectionError {
    pub fn code(self) -> &'static str {
        match self {
            SelectionError::Empty => "empty",
            SelectionError::TooMany => "too-many",
            SelectionError::NotAnId => "not-an-id",
        }
    }
}

/// Distinct report ids, in the order they were given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection(Vec<Uuid>);

impl Selection {
    pub fn parse<'a>(
        values: impl IntoIterator<Item = &'a str>,
    ) -> Result<Selection, SelectionError> {
        let mut ids: Vec<Uuid> = Vec::new();
        for value in values {
            // Counted before parsing, so a body of many junk values is refused as too many.
            if ids.len() >= MAX_SELECTED {
                return Err(SelectionError::TooMany);
            }
            let id = Uuid::parse_str(value.trim()).map_err(|_| SelectionError::NotAnId)?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if ids.is_empty() {
            return Err(SelectionError::Empty);
        }
        Ok(Selection(ids))
    }

    pub fn ids(&self) -> &[Uuid] {
        &self.0
    }

    /// The ids as the store keeps them.
    pub fn texts(&self) -> Vec<String> {
        self.0.iter().map(Uuid::to_string).collect()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_is_some_distinct_ids_and_no_more_than_the_most() {
        let a = Uuid::new_v4().to_string();
        let b = Uuid::new_v4().to_string();
        let picked = Selection::parse([a.as_str(), b.as_str(), a.as_str()]);
        assert_eq!(picked.map(|s| s.len()), Ok(2));
        assert_eq!(Selection::parse([]), Err(SelectionError::Empty));
        assert_eq!(
            Selection::parse([a.as_str(), "../etc"]),
            Err(SelectionError::NotAnId)
        );
        let many: Vec<String> = (0..=MAX_SELECTED)
            .map(|_| Uuid::new_v4().to_string())
            .collect();
        assert_eq!(
            Selection::parse(many.iter().map(String::as_str)),
            Err(SelectionError::TooMany)
        );
        assert_eq!(
            Selection::parse(many[..MAX_SELECTED].iter().map(String::as_str)).map(|s| s.len()),
            Ok(MAX_SELECTED)
        );
    }
}

//! Files a report or a visit names by their staged upload: taken whole and cleaned, each with
//! whether the reporter asked for its position, and discarded once the report is stored.

use secrecy::ExposeSecret;
use uuid::Uuid;

use crate::domain::report::StagedFile;
use crate::domain::FieldErrors;
use crate::reporting::attachments::Cleaned;
use crate::reporting::staging::StagingError;
use crate::web::shared::error::Failure;
use crate::web::shared::state::AppState;

/// An upload's id as a client names it; an unreadable one names no upload.
pub fn upload_id(raw: &str) -> Uuid {
    // An id that is not one finds nothing, like an unknown one.
    Uuid::parse_str(raw).unwrap_or_else(|_| Uuid::nil())
}

/// The complete uploads a report or a visit names, cleaned already, each with whether the
/// reporter asked for its position; a missing or incomplete one names its place in the list.
pub async fn take_staged(
    state: &AppState,
    staged: &[StagedFile],
) -> Result<Result<Vec<(Cleaned, bool)>, FieldErrors>, Failure> {
    let mut errors = FieldErrors::default();
    if staged.len() > state.attachments.max_count {
        errors.push("attachments", "file_too_many");
        return Ok(Err(errors));
    }
    let staging = state.staging();
    let mut files = Vec::with_capacity(staged.len());
    for (i, file) in staged.iter().enumerate() {
        match staging
            .take(upload_id(&file.upload), file.token.expose_secret())
            .await
        {
            // The reservation ends here: the caller holds the bytes from now on.
            Ok((cleaned, _reservation)) => files.push((cleaned, file.use_location)),
            Err(StagingError::NotFound) => {
                errors.push(format!("attachments.{i}.upload"), "upload_unknown");
                return Ok(Err(errors));
            }
            Err(StagingError::Incomplete) => {
                errors.push(format!("attachments.{i}.upload"), "upload_incomplete");
                return Ok(Err(errors));
            }
            Err(e) => return Err(Failure::from(e)),
        }
    }
    Ok(Ok(files))
}

/// Uploads stored with a report or a visit go; what is left staged would expire anyway.
pub async fn discard_staged(state: &AppState, staged: &[StagedFile]) {
    for file in staged {
        if let Err(e) = state.staging().discard(upload_id(&file.upload)).await {
            tracing::warn!(error = %e, "a used upload was not discarded");
        }
    }
}

//! New versions of a report's projection: what a consulate or the police may see (who the person
//! is, their documents, where they are, what they want). An NGO responder issues one when
//! additions change it; it goes through the same parser as a submission, and is sealed to every
//! NGO queue holding the report and to the consular and police queues holding it with consent.
//! What it holds is `domain::Projection`'s list; who receives it is `Consents::admits`.

use serde::Serialize;
use uuid::Uuid;

use crate::casework::workspace::{entry, post};
use crate::domain::report::ProjectionInput;
use crate::domain::{Audience, FieldErrors, ItemKind, Report};
use crate::store::now;
use crate::trust::accounts::Principal;
use crate::trust::audit::Audit;
use crate::trust::receivers::Receivers;
use crate::trust::WorkspaceError;

/// A stored projection in the shape a responder edits (a submission's): the server's numbering
/// dropped, empty answers left out, coordinates as latitude and longitude, a document's kind as
/// its `type`.
pub fn editable(mut stored: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    fn prune(value: &mut Value) {
        match value {
            Value::Object(map) => {
                map.retain(|_, v| !v.is_null());
                map.values_mut().for_each(prune);
            }
            Value::Array(items) => items.iter_mut().for_each(prune),
            _ => {}
        }
    }
    if let Some(map) = stored.as_object_mut() {
        for key in ["version", "issued_by", "at", "sealed_on_device"] {
            map.remove(key);
        }
        if let Some(location) = map.get_mut("location").and_then(Value::as_object_mut) {
            if let Some(Value::Object(point)) = location.remove("coordinates") {
                for (from, to) in [("latitude", "latitude"), ("longitude", "longitude")] {
                    if let Some(v) = point.get(from) {
                        location.insert(to.into(), v.clone());
                    }
                }
            }
        }
    }
    if let Some(documents) = stored.get_mut("documents").and_then(Value::as_array_mut) {
        for document in documents.iter_mut().filter_map(Value::as_object_mut) {
            if let Some(kind) = document.remove("kind") {
                document.insert("type".into(), kind);
            }
        }
    }
    prune(&mut stored);
    stored
}

#[derive(Serialize)]
struct Versioned<'a, T: Serialize> {
    version: i64,
    /// The issuing organisation's name.
    issued_by: &'a str,
    at: i64,
    #[serde(flatten)]
    projection: T,
}

#[derive(Debug, thiserror::Error)]
pub enum ProjectionError {
    #[error("invalid projection")]
    Fields(FieldErrors),
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
}

/// Parses `json`, seals it as the next version and returns its number.
#[tracing::instrument(skip_all, fields(queue = %queue, report = %report))]
pub async fn issue(
    receivers: Receivers<'_>,
    audit: &Audit,
    who: &Principal,
    queue: &str,
    report: Uuid,
    json: &str,
) -> Result<i64, ProjectionError> {
    let store = receivers.store;
    let (row, _) = entry(receivers, who, queue, report).await?;
    // Only a queue that reads the whole report knows what the projection should say.
    if !row.kind.reads_whole_report() {
        return Err(WorkspaceError::Forbidden.into());
    }
    let input: ProjectionInput = serde_json::from_str(json).map_err(|_| {
        let mut errors = FieldErrors::default();
        errors.push("projection", "invalid_value");
        ProjectionError::Fields(errors)
    })?;
    let parsed = Report::parse(input.into_report()).map_err(ProjectionError::Fields)?;
    let (_, consents) = store
        .report_terms(report)
        .await
        .map_err(WorkspaceError::from)?
        .ok_or(WorkspaceError::NotFound)?;
    let version = store
        .item_count(report, ItemKind::Projection)
        .await
        .map_err(WorkspaceError::from)?
        + 1;
    // The organisation, not the member: a consulate or the police, who read this, have no need
    // of a caseworker's name, and where authorities are complicit it would put them at risk.
    let organisation = row.organisation_id.clone();
    let issuer = store
        .organisation(&organisation)
        .await
        .map_err(WorkspaceError::from)?
        .map_or(organisation, |o| o.name);
    let item = Versioned {
        version,
        issued_by: &issuer,
        at: now(),
        projection: parsed.projection(),
    };
    let what = (
        ItemKind::Projection,
        Audience::Projection,
        "projection_issued",
    );
    post(
        receivers,
        audit,
        who,
        queue,
        report,
        &item,
        what,
        None,
        // Sealing asks the same rule again as it stores; asked here too, it says plainly
        // that a withdrawn consent stops the new version.
        |h| consents.admits(h.kind),
    )
    .await?;
    // The list's summary for consulates and the police follows the projection they read.
    let projected =
        serde_json::to_value(parsed.projection()).map_err(|_| WorkspaceError::Invalid)?;
    post(
        receivers,
        audit,
        who,
        queue,
        report,
        &crate::domain::Summary::of_projection(&projected),
        (ItemKind::Summary, Audience::Projection, "summary_sealed"),
        None,
        |h| consents.admits(h.kind),
    )
    .await?;
    tracing::info!(version, "projection issued");
    Ok(version)
}

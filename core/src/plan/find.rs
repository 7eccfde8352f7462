//! Finding a member by what a person types: its id, or its display name.

use super::document::{Member, Plan};
use crate::error::{Error, Result};

/// The member of `plan` that `query` names: the member with that id, or
/// else the one member whose id or display name equals it ignoring case
/// and surrounding spaces (`"Halmstad"`, `"högskolan i halmstad"`).
///
/// A query that names no member, or more than one, is `unknown_member`,
/// and the error lists the plan's member ids.
///
/// ```
/// let plan = andel::Plan::reference();
/// assert_eq!(andel::plan::find_member(&plan, "halmstad")?.id, "halmstad");
/// assert_eq!(andel::plan::find_member(&plan, "Högskolan i Halmstad")?.id, "hh");
/// let err = andel::plan::find_member(&plan, "Halmstads kommun").unwrap_err();
/// assert_eq!(err.code(), "unknown_member");
/// assert!(err.to_string().contains("\"hh\""));
/// # Ok::<(), andel::Error>(())
/// ```
pub fn find_member<'p>(plan: &'p Plan, query: &str) -> Result<&'p Member> {
    if let Some(m) = plan.members.iter().find(|m| m.id == query) {
        return Ok(m);
    }
    let wanted = fold(query);
    let mut matches = plan
        .members
        .iter()
        .filter(|m| fold(&m.id) == wanted || fold(&m.name) == wanted);
    match (matches.next(), matches.next()) {
        (Some(m), None) => Ok(m),
        _ => Err(Error::unknown_member(
            query,
            plan.members.iter().map(|m| m.id.as_str()),
        )),
    }
}

/// The text as compared: trimmed, lower case.
fn fold(text: &str) -> String {
    text.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_first_then_unambiguous_names() {
        let plan = Plan::reference();
        assert_eq!(find_member(&plan, "laholm").unwrap().id, "laholm");
        assert_eq!(find_member(&plan, " LAHOLM ").unwrap().id, "laholm");
        assert_eq!(find_member(&plan, "Båstad").unwrap().id, "bastad");
        assert_eq!(find_member(&plan, "båstad").unwrap().id, "bastad");
    }

    #[test]
    fn an_ambiguous_name_is_refused_with_the_ids() {
        let mut plan = Plan::reference();
        // Two members now answer to "Halmstad".
        plan.members[6].name = "halmstad".into();
        let err = find_member(&plan, "HALMSTAD").unwrap_err();
        assert_eq!(err.code(), "unknown_member");
        match err {
            Error::UnknownMember { id, known } => {
                assert_eq!(id, "HALMSTAD");
                assert_eq!(known.len(), plan.members.len());
                assert_eq!(known[0], plan.members[0].id);
            }
            other => panic!("{other:?}"),
        }
        // The exact id still wins.
        assert_eq!(find_member(&plan, "halmstad").unwrap().id, "halmstad");
    }
}

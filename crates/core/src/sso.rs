//! Single sign-on: which role a person gets from the groups their city's
//! identity provider says they are in. The provider is asked at every
//! sign-in, so a person moved to another group has the new role the next
//! time they sign in, and one removed from every group gets none.

use crate::role::Role;

/// The groups a tenant maps to roles; an unset group gives no one that role.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupRoles {
    pub admin: Option<String>,
    pub editor: Option<String>,
    pub politician: Option<String>,
    pub viewer: Option<String>,
}

impl GroupRoles {
    /// The highest role any of `groups` gives, or `None` when no group is
    /// mapped: such a person is not let in (nothing is created for them).
    /// Group names compare exactly, as providers send ids or names that
    /// differ only in case for different groups.
    pub fn role_for<S: AsRef<str>>(&self, groups: &[S]) -> Option<Role> {
        let has = |g: &Option<String>| {
            g.as_deref()
                .filter(|g| !g.is_empty())
                .is_some_and(|g| groups.iter().any(|x| x.as_ref() == g))
        };
        [
            (&self.admin, Role::Admin),
            (&self.editor, Role::Editor),
            (&self.politician, Role::Politician),
            (&self.viewer, Role::Viewer),
        ]
        .into_iter()
        .find(|(g, _)| has(g))
        .map(|(_, r)| r)
    }

    /// Whether any group is mapped at all (a provider without any would let
    /// no one in).
    pub fn any(&self) -> bool {
        [&self.admin, &self.editor, &self.politician, &self.viewer]
            .iter()
            .any(|g| g.as_deref().is_some_and(|g| !g.is_empty()))
    }
}

/// The group names in a claim's value, as providers send them: a list of
/// strings (Entra ID, Keycloak), one string, or one string of names
/// separated by spaces or commas (some brokers). Anything else is no group.
pub fn groups_in_claim(value: Option<&ClaimValue<'_>>) -> Vec<String> {
    match value {
        Some(ClaimValue::List(items)) => items.iter().map(|s| s.to_string()).collect(),
        Some(ClaimValue::Text(s)) => s
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        None => Vec::new(),
    }
}

/// A claim's value as far as roles care (the web layer reads it from the
/// verified token's JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimValue<'a> {
    List(Vec<&'a str>),
    Text(&'a str),
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn map() -> GroupRoles {
        GroupRoles {
            admin: Some("oversyn-admins".into()),
            editor: Some("oversyn-editors".into()),
            politician: Some("kf-ledamoter".into()),
            viewer: Some("stadsledningskontoret".into()),
        }
    }

    #[test]
    fn the_highest_mapped_group_wins() {
        let m = map();
        assert_eq!(
            m.role_for(&["stadsledningskontoret", "oversyn-editors"]),
            Some(Role::Editor)
        );
        assert_eq!(m.role_for(&["kf-ledamoter"]), Some(Role::Politician));
        assert_eq!(
            m.role_for(&["oversyn-admins", "kf-ledamoter"]),
            Some(Role::Admin)
        );
        assert_eq!(m.role_for(&["stadsledningskontoret"]), Some(Role::Viewer));
    }

    #[test]
    fn no_mapped_group_lets_no_one_in() {
        let m = map();
        assert_eq!(m.role_for::<&str>(&[]), None);
        assert_eq!(m.role_for(&["Oversyn-Admins", "oversyn-admin"]), None);
        let none = GroupRoles::default();
        assert!(!none.any());
        assert_eq!(none.role_for(&["anything", ""]), None);
        let empty = GroupRoles {
            admin: Some(String::new()),
            ..GroupRoles::default()
        };
        assert_eq!(empty.role_for(&[""]), None, "an empty name maps nothing");
    }

    #[test]
    fn claims_come_as_lists_or_text() {
        assert_eq!(
            groups_in_claim(Some(&ClaimValue::List(vec!["a", "b c"]))),
            vec!["a", "b c"]
        );
        assert_eq!(
            groups_in_claim(Some(&ClaimValue::Text("a b,c"))),
            vec!["a", "b", "c"]
        );
        assert!(groups_in_claim(None).is_empty());
    }

    proptest! {
        /// Adding groups never lowers the role, and the role always comes
        /// from a group the person is in.
        #[test]
        fn more_groups_never_lower_the_role(
            picks in proptest::collection::vec(0usize..6, 0..6),
            extra in proptest::collection::vec(0usize..6, 0..3),
        ) {
            let names = ["oversyn-admins", "oversyn-editors", "kf-ledamoter", "stadsledningskontoret", "other", ""];
            let m = map();
            let few: Vec<&str> = picks.iter().map(|&i| names[i]).collect();
            let mut more = few.clone();
            more.extend(extra.iter().map(|&i| names[i]));
            let a = m.role_for(&few);
            let b = m.role_for(&more);
            prop_assert!(b >= a);
            if a.is_some() {
                prop_assert!(few.iter().any(|g| names[..4].contains(g)));
            }
        }
    }
}

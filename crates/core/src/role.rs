//! A user's role within a tenant and what it permits.

use crate::codes::Code;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Viewer,
    /// Reads like a viewer and may add reservations and statements to open cases.
    Politician,
    Editor,
    Admin,
}

impl Code for Role {
    const ALL: &'static [Self] = &[Role::Viewer, Role::Politician, Role::Editor, Role::Admin];
    fn code(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Politician => "politician",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }
}

impl Role {
    /// Editors and admins change the register; viewers only read it.
    pub fn can_write(self) -> bool {
        self >= Role::Editor
    }

    /// Politicians, editors and admins may enter positions on open cases.
    pub fn can_take_position(self) -> bool {
        self >= Role::Politician
    }

    /// Admins manage the tenant's users.
    pub fn can_admin(self) -> bool {
        self == Role::Admin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_editors_and_admins_write() {
        assert!(!Role::Viewer.can_write());
        assert!(Role::Editor.can_write());
        assert!(Role::Admin.can_write());
        assert!(!Role::Editor.can_admin());
        assert!(!Role::Politician.can_write());
        assert!(Role::Politician.can_take_position());
        assert!(!Role::Viewer.can_take_position());
    }
}

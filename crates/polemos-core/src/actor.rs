use serde::{Deserialize, Serialize};

use crate::Span;

/// Actor category in ACLED's inter-code sense.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorCategory {
    StateForces,
    RebelGroup,
    PoliticalMilitia,
    IdentityMilitia,
    Rioters,
    Protesters,
    Civilians,
    ExternalForces,
}

impl ActorCategory {
    pub const ALL: [ActorCategory; 8] = [
        ActorCategory::StateForces,
        ActorCategory::RebelGroup,
        ActorCategory::PoliticalMilitia,
        ActorCategory::IdentityMilitia,
        ActorCategory::Rioters,
        ActorCategory::Protesters,
        ActorCategory::Civilians,
        ActorCategory::ExternalForces,
    ];

    /// The name used in data files and output columns.
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorCategory::StateForces => "state_forces",
            ActorCategory::RebelGroup => "rebel_group",
            ActorCategory::PoliticalMilitia => "political_militia",
            ActorCategory::IdentityMilitia => "identity_militia",
            ActorCategory::Rioters => "rioters",
            ActorCategory::Protesters => "protesters",
            ActorCategory::Civilians => "civilians",
            ActorCategory::ExternalForces => "external_forces",
        }
    }

    /// ACLED's inter code (1 state forces ... 8 external/other forces).
    pub fn inter_code(&self) -> u8 {
        match self {
            ActorCategory::StateForces => 1,
            ActorCategory::RebelGroup => 2,
            ActorCategory::PoliticalMilitia => 3,
            ActorCategory::IdentityMilitia => 4,
            ActorCategory::Rioters => 5,
            ActorCategory::Protesters => 6,
            ActorCategory::Civilians => 7,
            ActorCategory::ExternalForces => 8,
        }
    }

    /// Parses the name used in data files.
    pub fn parse(s: &str) -> Option<ActorCategory> {
        ActorCategory::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// An actor resolved from the text: the dictionary entry and where it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    /// Canonical name from the actor dictionary ("Islamic State").
    pub name: String,
    pub category: ActorCategory,
    /// ISO 3166-1 alpha-2 code of the country the actor belongs to, when it is a state's.
    pub country: Option<String>,
    /// Where the actor is named in the text.
    pub span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_names_round_trip() {
        for c in ActorCategory::ALL {
            assert_eq!(ActorCategory::parse(c.as_str()), Some(c));
        }
        assert_eq!(ActorCategory::parse("nope"), None);
        assert_eq!(ActorCategory::Civilians.inter_code(), 7);
    }
}

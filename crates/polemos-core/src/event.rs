use serde::{Deserialize, Serialize};

use crate::{ActorRef, Attribution, Casualties, Certainty, EventDate, Location, Modality, Span};

/// ACLED event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventType {
    Battles,
    ExplosionsRemoteViolence,
    ViolenceAgainstCivilians,
    Protests,
    Riots,
    StrategicDevelopments,
}

impl EventType {
    /// The name as ACLED writes it.
    pub fn as_str(&self) -> &'static str {
        match self {
            EventType::Battles => "Battles",
            EventType::ExplosionsRemoteViolence => "Explosions/Remote violence",
            EventType::ViolenceAgainstCivilians => "Violence against civilians",
            EventType::Protests => "Protests",
            EventType::Riots => "Riots",
            EventType::StrategicDevelopments => "Strategic developments",
        }
    }
}

macro_rules! sub_event_types {
    ($($variant:ident => ($name:literal, $event_type:ident)),+ $(,)?) => {
        /// ACLED sub-event types; each belongs to one [`EventType`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum SubEventType {
            $($variant),+
        }

        impl SubEventType {
            pub const ALL: &'static [SubEventType] = &[$(SubEventType::$variant),+];

            /// The name as ACLED writes it.
            pub fn as_str(&self) -> &'static str {
                match self {
                    $(SubEventType::$variant => $name),+
                }
            }

            /// The event type this sub-event type belongs to.
            pub fn event_type(&self) -> EventType {
                match self {
                    $(SubEventType::$variant => EventType::$event_type),+
                }
            }
        }
    };
}

sub_event_types! {
    ArmedClash => ("Armed clash", Battles),
    GovernmentRegainsTerritory => ("Government regains territory", Battles),
    NonStateActorOvertakesTerritory => ("Non-state actor overtakes territory", Battles),
    ChemicalWeapon => ("Chemical weapon", ExplosionsRemoteViolence),
    AirDroneStrike => ("Air/drone strike", ExplosionsRemoteViolence),
    SuicideBomb => ("Suicide bomb", ExplosionsRemoteViolence),
    ShellingArtilleryMissileAttack => ("Shelling/artillery/missile attack", ExplosionsRemoteViolence),
    RemoteExplosive => ("Remote explosive/landmine/IED", ExplosionsRemoteViolence),
    Grenade => ("Grenade", ExplosionsRemoteViolence),
    SexualViolence => ("Sexual violence", ViolenceAgainstCivilians),
    Attack => ("Attack", ViolenceAgainstCivilians),
    AbductionForcedDisappearance => ("Abduction/forced disappearance", ViolenceAgainstCivilians),
    PeacefulProtest => ("Peaceful protest", Protests),
    ProtestWithIntervention => ("Protest with intervention", Protests),
    ExcessiveForceAgainstProtesters => ("Excessive force against protesters", Protests),
    ViolentDemonstration => ("Violent demonstration", Riots),
    MobViolence => ("Mob violence", Riots),
    Agreement => ("Agreement", StrategicDevelopments),
    Arrests => ("Arrests", StrategicDevelopments),
    ChangeToGroupActivity => ("Change to group/activity", StrategicDevelopments),
    DisruptedWeaponsUse => ("Disrupted weapons use", StrategicDevelopments),
    HeadquartersOrBaseEstablished => ("Headquarters or base established", StrategicDevelopments),
    LootingPropertyDestruction => ("Looting/property destruction", StrategicDevelopments),
    NonViolentTransferOfTerritory => ("Non-violent transfer of territory", StrategicDevelopments),
    Other => ("Other", StrategicDevelopments),
}

impl SubEventType {
    /// Parses the ACLED name (case-insensitive).
    pub fn parse(s: &str) -> Option<SubEventType> {
        SubEventType::ALL
            .iter()
            .copied()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// One event: typed, with its actors, place, date, casualties and who reports it.
///
/// Repeated reports of one event in a document (the headline and a body sentence, say) are
/// merged into one event; `evidence` lists the sentences that report it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Index of the sentence holding the trigger.
    pub sentence: u32,
    pub sentence_span: Span,
    pub trigger_span: Span,
    pub sub_event_type: SubEventType,
    /// How the violence was done: `air strike`, `shelling`, `car bomb`, ...
    pub method: Option<String>,
    /// CAMEO event code, e.g. `195`.
    pub cameo: Option<String>,
    /// PLOVER event category, e.g. `ASSAULT`.
    pub plover: Option<String>,
    /// The agent.
    pub actor1: Option<ActorRef>,
    /// The target or opponent.
    pub actor2: Option<ActorRef>,
    pub location: Option<Location>,
    /// Where the location was named.
    pub location_span: Option<Span>,
    /// When it happened.
    pub date: EventDate,
    /// Who was killed and injured.
    pub casualties: Casualties,
    /// Whether the text says it happened.
    pub modality: Modality,
    /// How sure the text is.
    pub certainty: Certainty,
    /// Who reports it.
    pub attribution: Option<Attribution>,
    /// Indices of the sentences reporting this event, in order; includes `sentence`.
    pub evidence: Vec<u32>,
    /// Whether this is the document's lead event: the one its headline and opening report.
    pub is_lead: bool,
    /// Ids of the rules that fired: the trigger family and the role pattern; `+model:NAME`
    /// at the end when a trained model chose the sub-event type.
    pub rule: String,
    /// What a trained event-type model said of this event, when one was given.
    #[serde(default)]
    pub typing: Option<ModelTyping>,
}

/// A trained model's reading of one event ([`Event::typing`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelTyping {
    /// The model's label: an ACLED sub-event type, or a label of the user's own codebook.
    pub label: String,
    /// The model's probability for `label`, 0 to 1.
    pub probability: f32,
    /// The sub-event type the rules gave the event, kept whether or not the model changed it;
    /// `None` for an event only the model found (in a document where the rules found none).
    pub rules_sub_event_type: Option<SubEventType>,
}

impl Event {
    /// This event as found in a stretch of a document that starts `bytes` bytes and
    /// `sentences` sentences into it: every span and sentence index moved by that much.
    pub fn shift(&mut self, bytes: usize, sentences: u32) {
        self.sentence += sentences;
        self.sentence_span = self.sentence_span.shifted(bytes);
        self.trigger_span = self.trigger_span.shifted(bytes);
        for actor in [&mut self.actor1, &mut self.actor2].into_iter().flatten() {
            actor.span = actor.span.shifted(bytes);
        }
        for span in [
            &mut self.location_span,
            &mut self.date.span,
            &mut self.casualties.span,
        ] {
            *span = span.map(|s| s.shifted(bytes));
        }
        if let Some(a) = &mut self.attribution {
            a.span = a.span.shifted(bytes);
        }
        for s in &mut self.evidence {
            *s += sentences;
        }
    }

    pub fn event_type(&self) -> EventType {
        self.sub_event_type.event_type()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_event_names_parse_back() {
        for t in SubEventType::ALL {
            assert_eq!(SubEventType::parse(t.as_str()), Some(*t));
        }
        assert_eq!(
            SubEventType::parse("air/drone strike"),
            Some(SubEventType::AirDroneStrike)
        );
        assert_eq!(
            SubEventType::AirDroneStrike.event_type().as_str(),
            "Explosions/Remote violence"
        );
        assert_eq!(SubEventType::ALL.len(), 25);
    }
}

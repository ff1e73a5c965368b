//! Actors in any country: every state's forces from the country table, named armed groups,
//! communities' militias, parties, and foreign forces, on texts written for these tests.

#![allow(clippy::unwrap_used)] // Helpers outside #[test] fns; a panic is a test failure.

use std::sync::OnceLock;

use polemos_core::{ActorCategory, ActorRef, Event};
use polemos_extract::{Document, Pipeline, Resources};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(Resources::embedded().unwrap()))
}

fn lead(text: &str) -> Event {
    let out = pipeline().run(vec![Document::from_text("t", text)]);
    out[0]
        .events
        .iter()
        .find(|e| e.is_lead)
        .cloned()
        .unwrap_or_else(|| panic!("no event in {text:?}"))
}

fn name(a: &Option<ActorRef>) -> Option<&str> {
    a.as_ref().map(|a| a.name.as_str())
}

fn category(a: &Option<ActorRef>) -> Option<ActorCategory> {
    a.as_ref().map(|a| a.category)
}

#[test]
fn a_demonym_before_a_force_noun_names_that_states_forces() {
    let e = lead("Kenyan police shot dead two robbery suspects in Garissa on Monday.");
    assert_eq!(name(&e.actor1), Some("Police Forces of Kenya"), "{e:#?}");
    let e = lead("Nigerian troops repelled an attack on their base in Monguno, Borno State.");
    assert_eq!(
        name(&e.actor1),
        Some("Military Forces of Nigeria"),
        "{e:#?}"
    );
    assert_eq!(category(&e.actor1), Some(ActorCategory::StateForces));
}

#[test]
fn a_countrys_name_before_an_event_noun_says_where_not_who() {
    let e = lead("Nigeria attack: gunmen kill 12 villagers in Zamfara.");
    assert_ne!(
        name(&e.actor1),
        Some("Military Forces of Nigeria"),
        "{e:#?}"
    );
}

#[test]
fn named_groups_of_any_region() {
    for (text, group) in [
        (
            "Al Shabaab fighters ambushed a convoy near Mandera, killing four.",
            "Al Shabaab",
        ),
        (
            "JNIM militants attacked an army post near Djibo on Sunday.",
            "Jamaat Nusrat al-Islam wal-Muslimin",
        ),
        (
            "The Arakan Army seized a border outpost in Maungdaw township.",
            "Arakan Army",
        ),
    ] {
        let e = lead(text);
        assert_eq!(name(&e.actor1), Some(group), "{text}: {e:#?}");
    }
}

#[test]
fn mixed_case_acronyms_match_only_as_written() {
    let e = lead("JeM militants attacked a police camp in Pulwama, killing two.");
    assert_eq!(name(&e.actor1), Some("Jaish-e-Mohammed"), "{e:#?}");
    let x = pipeline().run(vec![Document::from_text(
        "t",
        "Let them attack the post, the jem of the hills said.",
    )]);
    assert!(x[0]
        .mentions
        .iter()
        .all(|m| m.canonical != "Jaish-e-Mohammed"));
}

#[test]
fn a_communitys_armed_men_are_its_militia() {
    let e = lead("Pokot raiders attacked Turkana herders near Kapedo, killing three.");
    assert_eq!(name(&e.actor1), Some("Pokot communal militia"), "{e:#?}");
    assert_eq!(category(&e.actor1), Some(ActorCategory::IdentityMilitia));
}

#[test]
fn party_members_harmed_are_civilians() {
    let e = lead("Gunmen shot dead a local leader of the Awami League in Khulna on Friday.");
    assert_eq!(e.sub_event_type.as_str(), "Attack", "{e:#?}");
    assert_eq!(
        category(&e.actor2),
        Some(ActorCategory::Civilians),
        "{e:#?}"
    );
    assert!(e.rule.contains("actor2:party-members"), "{}", e.rule);
}

#[test]
fn party_members_fighting_each_other_riot() {
    let e = lead(
        "Activists of the Bangladesh Nationalist Party clashed with Jubo League men in Feni, \
         leaving ten injured.",
    );
    assert_eq!(e.sub_event_type.as_str(), "Mob violence", "{e:#?}");
    assert_eq!(category(&e.actor1), Some(ActorCategory::Rioters), "{e:#?}");
    // The party named only as the two sides' own ("two groups of the Awami League").
    let e =
        lead("Five people were hurt in a clash between two groups of the Awami League in Feni.");
    assert_eq!(e.sub_event_type.as_str(), "Mob violence", "{e:#?}");
    assert!(e.rule.contains("type:party-clash"), "{}", e.rule);
    // Members who bore arms fought as a militia.
    let e = lead(
        "Five people were hurt in an armed clash between two groups of the Awami League in Feni.",
    );
    assert_eq!(e.sub_event_type.as_str(), "Armed clash", "{e:#?}");
}

#[test]
fn party_members_fighting_the_police_or_destroying_property_riot() {
    let e = lead("Activists of the Bangladesh Nationalist Party clashed with police in Feni.");
    assert_eq!(e.sub_event_type.as_str(), "Mob violence", "{e:#?}");
    assert_eq!(category(&e.actor1), Some(ActorCategory::Rioters), "{e:#?}");
    assert_eq!(
        category(&e.actor2),
        Some(ActorCategory::StateForces),
        "{e:#?}"
    );
    assert!(e.rule.contains("actor:party-rioters"), "{}", e.rule);
    // Named second, and demonstrating: a violent demonstration against the police.
    let e = lead(
        "Police clashed with activists of the Bangladesh Nationalist Party during a march in Feni.",
    );
    assert_eq!(e.sub_event_type.as_str(), "Violent demonstration", "{e:#?}");
    assert_eq!(category(&e.actor1), Some(ActorCategory::Rioters), "{e:#?}");
    assert_eq!(
        category(&e.actor2),
        Some(ActorCategory::StateForces),
        "{e:#?}"
    );
    // Destroying property, they riot too.
    let e = lead("Activists of the Bangladesh Nationalist Party vandalised shops in Feni.");
    assert_eq!(e.sub_event_type.as_str(), "Mob violence", "{e:#?}");
    assert_eq!(category(&e.actor1), Some(ActorCategory::Rioters), "{e:#?}");
    // Members who bore arms fought as a militia.
    let e =
        lead("Armed activists of the Bangladesh Nationalist Party clashed with police in Feni.");
    assert_eq!(e.sub_event_type.as_str(), "Armed clash", "{e:#?}");
}

#[test]
fn a_generic_word_of_one_country_names_no_actor_of_it_elsewhere() {
    // "Rebels" are Syria's in Syria ...
    let e = lead("Rebels shelled army positions near Saraqib in Idlib province, Syria.");
    assert_eq!(name(&e.actor1), Some("Syrian rebels"), "{e:#?}");
    // ... and unidentified elsewhere.
    let e = lead("Insurgents attacked a police post in Rueso, Narathiwat, Thailand, on Monday.");
    assert_eq!(name(&e.actor1), Some("Unidentified armed group"), "{e:#?}");
    // "Opposition" outside Syria is no armed group.
    let e = lead("Police fired tear gas at opposition activists in Khulna, Bangladesh.");
    let names = [name(&e.actor1), name(&e.actor2)];
    assert!(!names.contains(&Some("Syrian rebels")), "{e:#?}");
}

#[test]
fn a_states_forces_abroad_are_external_forces() {
    let e = lead("Russian forces shelled Kharkiv on Tuesday, killing two civilians.");
    assert_eq!(name(&e.actor1), Some("Russian forces"), "{e:#?}");
    assert_eq!(category(&e.actor1), Some(ActorCategory::ExternalForces));
    assert!(e.rule.contains("actor:foreign-forces"), "{}", e.rule);
    let e = lead("Ukrainian troops shelled Russian positions near Bakhmut, Donetsk.");
    assert_eq!(
        name(&e.actor1),
        Some("Military Forces of Ukraine"),
        "{e:#?}"
    );
    assert_eq!(category(&e.actor1), Some(ActorCategory::StateForces));
}

#[test]
fn the_actor_another_is_tied_to_does_not_act() {
    let e = lead("An al-Qaeda-affiliated group attacked a checkpoint near Idlib.");
    assert_ne!(name(&e.actor1), Some("Al-Qaeda"), "{e:#?}");
    // Without the hyphen, "backed by" says who helped the ones acting.
    let e = lead("Government forces backed by Russian jets pushed into Jobar on Sunday.");
    assert_eq!(name(&e.actor1), Some("Syrian government forces"), "{e:#?}");
}

#[test]
fn a_demonym_before_a_foreign_namesake_is_its_own_states() {
    let e = lead("Syrian Popular Defence Forces shelled the village of Kafr Nabl.");
    assert_eq!(name(&e.actor1), Some("Syrian government forces"), "{e:#?}");
}

#[test]
fn the_place_attacked_says_whether_civilians_were_the_target() {
    let e = lead("Militants attacked the village of Tinga on Monday; no casualties were reported.");
    assert_eq!(e.sub_event_type.as_str(), "Attack", "{e:#?}");
    let e = lead("Militants attacked an army post near Tinga on Monday.");
    assert_eq!(e.sub_event_type.as_str(), "Armed clash", "{e:#?}");
    // The agent's own words ("militants") name no victims.
    let e = lead("Suspected jihadist militants attacked a market in Tinga.");
    assert_eq!(e.sub_event_type.as_str(), "Attack", "{e:#?}");
}

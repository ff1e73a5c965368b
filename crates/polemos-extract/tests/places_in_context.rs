//! Geocoding in context: which names are places in a sentence, and which place each means, on
//! texts written for these tests.

#![allow(clippy::unwrap_used)] // Helpers outside #[test] fns; a panic is a test failure.

use std::sync::OnceLock;

use polemos_core::{DocumentExtraction, MentionKind};
use polemos_extract::{Document, Pipeline, Resources};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(Resources::embedded().unwrap()))
}

/// What the pipeline finds in one text.
fn extract(text: &str) -> DocumentExtraction {
    let mut out = pipeline().run(vec![Document::from_text("t", text)]);
    out.pop().unwrap()
}

/// Each place mention as (text, country, admin1).
fn places(text: &str) -> Vec<(String, String, Option<String>)> {
    extract(text)
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Place)
        .filter_map(|m| {
            let l = m.location.as_ref()?;
            Some((
                m.span.slice(text).to_string(),
                l.country.clone(),
                l.admin1.clone(),
            ))
        })
        .collect()
}

fn names(text: &str) -> Vec<String> {
    places(text).into_iter().map(|p| p.0).collect()
}

#[test]
fn a_groups_or_communitys_name_is_no_place() {
    // GeoNames lists "Taliban", "Shabab" and "Masai" as names of towns in Turkey, Iran and
    // Malaysia.
    assert_eq!(
        names("Taliban fighters ambushed a police convoy in Helmand."),
        ["Helmand"]
    );
    assert_eq!(
        names("Al-Shabab militants stormed a hotel in Mogadishu."),
        ["Mogadishu"]
    );
    assert_eq!(
        names("Maasai herders clashed with police in Narok."),
        ["Narok"]
    );
}

#[test]
fn a_communitys_name_after_a_place_preposition_is_a_place() {
    let got = places("Bandits stole cattle in Turkana on Monday.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "Turkana");
    assert_eq!(got[0].1, "KE");
}

#[test]
fn a_state_that_names_its_forces_is_still_a_place() {
    assert_eq!(
        names("Talks in Washington on Iran ended as shelling hit Russia."),
        ["Washington", "Iran", "Russia"]
    );
}

#[test]
fn a_great_city_outweighs_the_small_namesakes_of_a_name_of_another_country() {
    // Shahjahanpur is a city of India; Dhaka both the capital of Bangladesh and a small
    // town of Bihar. The document is about Bangladesh.
    let got = places(
        "Students from Dhaka marched through the Shahjahanpur area of Dhaka city (Dhaka, Dhaka).",
    );
    let dhaka: Vec<_> = got.iter().filter(|p| p.0 == "Dhaka").collect();
    assert_eq!(dhaka.len(), 4, "{got:?}");
    assert!(dhaka.iter().all(|p| p.1 == "BD"), "{got:?}");
}

#[test]
fn a_small_town_abroad_is_left_unresolved() {
    // "Bazar" is an alternate name of Pazar, a town of Turkey; the story is in Bangladesh.
    let got = places("Two groups clashed at Station Bazar in Natore, Bangladesh.");
    assert!(got.iter().all(|p| p.1 == "BD"), "{got:?}");
    assert!(got.iter().any(|p| p.0 == "Natore"), "{got:?}");
    // A great city abroad stays: stories do travel.
    let got = places("After the clash in Natore, Bangladesh, the minister flew to London.");
    assert!(
        got.iter().any(|p| p.0 == "London" && p.1 == "GB"),
        "{got:?}"
    );
}

#[test]
fn a_country_in_a_compound_modifier_says_where_someone_is_from_not_where_the_story_is() {
    let got = places("The Britain-based monitor said two strikes hit Marea overnight.");
    let marea: Vec<_> = got.iter().filter(|p| p.0 == "Marea").collect();
    assert_eq!(marea.len(), 1, "{got:?}");
    assert_eq!(marea[0].1, "SY");
    assert_eq!(marea[0].2.as_deref(), Some("Aleppo"));
}

#[test]
fn the_containment_the_text_states_chooses_the_reading() {
    // Paris of Texas, not of France; Springfield of Ohio, not the larger ones of Missouri or
    // Massachusetts; Dunn, a name only a town under 15,000 bears, licensed by its state.
    let got = places(
        "Farmers marched in Paris (Texas) on Monday; Springfield, Ohio, and Dunn, North \
         Carolina, stayed calm.",
    );
    let has = |name: &str, admin1: &str| {
        got.iter()
            .any(|p| p.0 == name && p.1 == "US" && p.2.as_deref() == Some(admin1))
    };
    assert!(has("Paris", "Texas"), "{got:?}");
    assert!(has("Springfield", "Ohio"), "{got:?}");
    assert!(has("Dunn", "North Carolina"), "{got:?}");
}

#[test]
fn a_one_word_name_only_small_places_bear_needs_a_place_preposition() {
    // Dunn is a town of North Carolina and a surname.
    assert!(!names("Dunn said the talks had failed.").contains(&"Dunn".to_string()));
    assert!(names("Fighting was reported in Dunn overnight.").contains(&"Dunn".to_string()));
}

#[test]
fn countries_go_by_the_names_news_gives_them() {
    // From the project's country table; GeoNames has none of these abbreviations.
    let got = places("The envoy flew from the USA to the DRC, then on to the UAE.");
    let countries: Vec<&str> = got.iter().map(|p| p.1.as_str()).collect();
    assert_eq!(countries, ["US", "CD", "AE"], "{got:?}");
}

#[test]
fn abbreviations_are_places_only_as_written() {
    let got = places("Troops from the U.S. and the UK arrived in Lexington, Ky., on Monday.");
    let got: Vec<_> = got
        .iter()
        .map(|(n, c, a)| (n.as_str(), c.as_str(), a.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("U.S.", "US", None),
            ("UK", "GB", None),
            ("Lexington", "US", Some("Kentucky")),
            ("Ky.", "US", Some("Kentucky")),
        ]
    );
    // The pronoun, and capitals in a shouted headline, are no country.
    assert!(names("Let us go. HELP US NOW.").is_empty());
}

#[test]
fn an_abbreviation_modifying_a_noun_places_no_event() {
    // "U.S. aid workers" says whose, like "American aid workers": a place mention, but not
    // where the shelling was.
    let text = "Shelling killed two U.S. aid workers on Monday.";
    assert_eq!(names(text), ["U.S."]);
    let out = extract(text);
    let event = out.events.first().expect("an event");
    assert!(event.location.is_none(), "{:?}", event.location);
    // Where it ends a phrase, it is where things happen.
    let text = "Shelling killed two aid workers in the U.S. on Monday.";
    let out = extract(text);
    let event = out.events.first().expect("an event");
    assert_eq!(
        event.location.as_ref().map(|l| l.country.as_str()),
        Some("US")
    );
}

#[test]
fn districts_and_counties_are_places_and_towns_know_theirs() {
    let text = "Floods cut roads in Laurel County on Monday; a bridge near London, Kentucky, fell.";
    let out = extract(text);
    let found: Vec<(&str, &str, Option<&str>)> = out
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Place)
        .filter_map(|m| {
            let l = m.location.as_ref()?;
            Some((m.span.slice(text), l.feature.as_str(), l.admin2.as_deref()))
        })
        .collect();
    assert!(
        found.contains(&("Laurel County", "admin2", Some("Laurel County"))),
        "{found:?}"
    );
    assert!(
        found.contains(&("London", "city", Some("Laurel County"))),
        "{found:?}"
    );
}

#[test]
fn a_demonym_names_its_country_but_places_no_event() {
    let text = "Russian warplanes struck a market on Monday, killing five people.";
    let out = extract(text);
    let demonym = out
        .mentions
        .iter()
        .find(|m| m.kind == MentionKind::Place)
        .expect("a place mention");
    assert_eq!(demonym.span.slice(text), "Russian");
    assert_eq!(demonym.rule, "place:demonym");
    assert_eq!(
        demonym.location.as_ref().map(|l| l.country.as_str()),
        Some("RU")
    );
    let event = out.events.first().expect("an event");
    assert!(event.location.is_none(), "{:?}", event.location);
}

#[test]
fn a_continent_is_a_place_in_no_country_and_places_no_event() {
    let text = "Refugees from Africa drowned near a beach on Monday.";
    let out = extract(text);
    let africa = out
        .mentions
        .iter()
        .find(|m| m.kind == MentionKind::Place)
        .and_then(|m| m.location.as_ref())
        .expect("a place");
    // Not Mahdia, Tunisia, whose old name it is.
    assert_eq!(
        (africa.name.as_str(), africa.country.as_str()),
        ("Africa", "")
    );
    assert!(out.events.iter().all(|e| e.location.is_none()));
}

#[test]
fn a_countrys_name_means_the_country_before_a_town_of_that_name() {
    // Mexico City, near Ecatepec and Toluca, and Mexico, Missouri, near Sedalia and Columbia,
    // also answer to "Mexico".
    for text in [
        "Gunmen killed four people in Ecatepec and Toluca, and Mexico sent troops.",
        "Floods hit Sedalia, Columbia and Fulton in Missouri; Mexico also flooded.",
    ] {
        let got = places(text);
        let mexico = got.iter().find(|p| p.0 == "Mexico").expect("Mexico");
        assert_eq!(
            (mexico.1.as_str(), mexico.2.as_deref()),
            ("MX", None),
            "{got:?}"
        );
    }
}

#[test]
fn a_town_lies_in_the_region_the_document_names() {
    // Gainesville is a city of Florida, Georgia and Texas.
    for (named, region) in [("north Texas", "Texas"), ("Georgia", "Georgia")] {
        let text = format!("Storms hit {named} on Monday. In Gainesville, roofs were torn off.");
        let got = places(&text);
        let town = got
            .iter()
            .find(|p| p.0 == "Gainesville")
            .expect("Gainesville");
        assert_eq!(town.2.as_deref(), Some(region), "{got:?}");
    }
}

#[test]
fn another_languages_name_of_a_foreign_city_matches_only_as_written() {
    // "Rival" has the key of "Reval" (Tallinn's German name), "Uhuru" that of "Ohoro" (Oslo's
    // Maori name): neither is a place.
    assert!(
        !places("Rival villagers clashed with the police in Mandera.")
            .iter()
            .any(|p| p.1 == "EE")
    );
    assert!(
        !places("Marchers walked from Kibera to Uhuru Park in Nairobi.")
            .iter()
            .any(|p| p.1 == "NO")
    );
    // Written as the alias is, it still names the city.
    assert!(places("Protesters gathered in Reval on Sunday.")
        .iter()
        .any(|p| p.0 == "Reval" && p.1 == "EE"));
    // Transliteration variants of a place's own name still meet through the key.
    assert!(places("Gunmen attacked a checkpoint in Deir Ezzor.")
        .iter()
        .any(|p| p.1 == "SY"));
}

#[test]
fn names_outside_the_transliterated_region_match_only_as_written() {
    // By key, "Kuchi" is Kochi (India, Japan) and "Edia" Edea (Cameroon): outside the
    // countries whose names are transliterated from Arabic script, a place needs its own
    // spelling.
    assert!(
        !places("Gunmen killed two farmers in Kuchi village on Monday.")
            .iter()
            .any(|p| p.0 == "Kuchi"),
    );
    assert!(
        !places("Militants opened fire on a vehicle in the village of Tin Edia.")
            .iter()
            .any(|p| p.0 == "Edia"),
    );
    // Written as named, diacritics, a possessive and letters like "ł" aside, they do.
    assert!(places("Police closed roads in Kochi, Kerala on Monday.")
        .iter()
        .any(|p| p.0 == "Kochi" && p.1 == "IN"));
    assert!(places("The laboratory in Pulawy tested the samples.")
        .iter()
        .any(|p| p.1 == "PL"));
    assert!(places("Edea's market reopened on Friday.")
        .iter()
        .any(|p| p.1 == "CM"));
}

#[test]
fn a_word_for_a_countrys_own_administrative_units_says_where_the_story_is() {
    // Gopalganj is a town of Bihar and a district of Bangladesh; only Bangladesh has
    // upazilas.
    let bihar = places("Two men were hacked to death at a village in Gopalganj on Monday.");
    assert!(bihar.iter().any(|p| p.0 == "Gopalganj" && p.1 == "IN"));
    let bangladesh =
        places("Two men were hacked to death at a village in Gopalganj upazila on Monday.");
    assert!(bangladesh.iter().any(|p| p.0 == "Gopalganj" && p.1 == "BD"));
}

#[test]
fn a_name_whose_first_word_is_abbreviated_is_found() {
    // GeoNames writes them out ("Saint Paul", "Fort Worth"); news abbreviates them.
    let found = places("The meeting was held in St. Paul, Minnesota, on Monday.");
    assert!(
        found
            .iter()
            .any(|p| p.0 == "St. Paul" && p.1 == "US" && p.2.as_deref() == Some("Minnesota")),
        "{found:?}"
    );
    let found = places("Two men were arrested near Ft. Worth, Texas.");
    assert!(found.iter().any(|p| p.0 == "Ft. Worth"), "{found:?}");
}

#[test]
fn a_name_after_a_title_or_a_given_name_is_a_persons() {
    // Zongo is a town of Congo, Sanford one of Florida and North Carolina.
    let texts = [
        "Students protested over the death of journalist Norbert Zongo in Ouagadougou.",
        "Gov. Mark Sanford said on Friday he would not run again.",
        "President Museveni addressed the rally in Kampala.",
        // Police ranks and a team's coach: Rogers is a town of Arkansas.
        "Police in Little Rock, Arkansas, said Officer Rogers is in charge of the case.",
        "Sheriff Sanford said the road was closed.",
    ];
    for text in texts {
        let found = places(text);
        assert!(
            !found
                .iter()
                .any(|p| ["Zongo", "Sanford", "Museveni", "Rogers"].contains(&p.0.as_str())),
            "{text}: {found:?}"
        );
    }
    // Without the title or given name, and after a sentence's end, the towns are places.
    assert!(places("Fighting spread to Zongo on Monday.")
        .iter()
        .any(|p| p.0 == "Zongo"));
    assert!(places("Police in Rogers closed the road on Monday.")
        .iter()
        .any(|p| p.0 == "Rogers"));
    assert!(
        places("The report was filed by Nate Raymond. Sanford, Florida, was calm.")
            .iter()
            .any(|p| p.0 == "Sanford")
    );
    // A given name before a surname is a person's too, unless the word after it names a
    // kind of place.
    for text in [
        "The trip was a gift from Michael Marshall, the founder of the firm.",
        "Linda Evans said the road was closed.",
    ] {
        let found = places(text);
        assert!(
            !found
                .iter()
                .any(|p| ["Michael", "Linda"].contains(&p.0.as_str())),
            "{text}: {found:?}"
        );
    }
    assert!(
        places("Police in Madison Township, Ohio, closed the road on Monday.")
            .iter()
            .any(|p| p.0 == "Madison"),
        "{:?}",
        places("Police in Madison Township, Ohio, closed the road on Monday.")
    );
    // A capital stays a place: "Minister Kabul" is no one's name.
    assert!(places("The Interior Minister Kabul visit was cancelled.")
        .iter()
        .any(|p| p.0 == "Kabul"));
}

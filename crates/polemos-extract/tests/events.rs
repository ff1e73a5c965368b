//! Event coding on sentences written for these tests: every sub-event type the lexicon covers,
//! every role pattern, modality, attribution and certainty, dates and casualty traps.

use chrono::NaiveDate;
use polemos_core::{
    ActorCategory, Document, DocumentExtraction, Event, EventType, Modality, SubEventType,
};
use polemos_extract::{Pipeline, Resources};

fn pipeline() -> &'static Pipeline {
    static PIPELINE: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::new(Resources::embedded().expect("resources load")))
}

fn extract_on(text: &str, published: Option<(i32, u32, u32)>) -> DocumentExtraction {
    let mut doc = Document::from_text("t", text);
    if let Some((y, m, d)) = published {
        doc = doc.with_published(
            NaiveDate::from_ymd_opt(y, m, d).expect("date"),
            polemos_core::DateSource::Input,
        );
    }
    pipeline().process(doc)
}

fn events(text: &str) -> Vec<Event> {
    extract_on(text, None).events
}

fn only(text: &str) -> Event {
    let mut e = events(text);
    assert_eq!(e.len(), 1, "{text}: {e:#?}");
    e.remove(0)
}

/// The document's lead event; every document these tests write has one.
fn lead_of(x: &DocumentExtraction) -> &Event {
    x.events
        .iter()
        .find(|e| e.is_lead)
        .unwrap_or_else(|| panic!("no lead event: {:#?}", x.events))
}

fn name(a: &Option<polemos_core::ActorRef>) -> Option<&str> {
    a.as_ref().map(|a| a.name.as_str())
}

#[test]
fn each_sub_event_type() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            "Rebels clashed with government forces near Daraa.",
            "Armed clash",
            None,
        ),
        (
            "Syrian troops recaptured the town of Saraqib.",
            "Government regains territory",
            None,
        ),
        (
            "Islamic State fighters seized the village of Tal Abyad.",
            "Non-state actor overtakes territory",
            None,
        ),
        (
            "Russian warplanes struck Maarat al-Numan.",
            "Air/drone strike",
            Some("air strike"),
        ),
        (
            "A drone strike hit a car near Idlib.",
            "Air/drone strike",
            Some("drone strike"),
        ),
        (
            "Helicopters dropped barrel bombs on Douma.",
            "Air/drone strike",
            Some("barrel bomb"),
        ),
        (
            "Government forces shelled Jobar with artillery.",
            "Shelling/artillery/missile attack",
            Some("shelling"),
        ),
        (
            "Rockets fired by rebels hit Aleppo.",
            "Shelling/artillery/missile attack",
            Some("rocket"),
        ),
        (
            "A suicide bomber struck a checkpoint in Qamishli.",
            "Suicide bomb",
            Some("suicide bombing"),
        ),
        (
            "A car bomb exploded in Azaz.",
            "Remote explosive/landmine/IED",
            Some("car bomb"),
        ),
        (
            "A roadside bomb killed two soldiers near Palmyra.",
            "Remote explosive/landmine/IED",
            Some("IED"),
        ),
        (
            "A chlorine gas attack hit Khan Shaykhun.",
            "Chemical weapon",
            Some("chemical"),
        ),
        (
            "A grenade was thrown at a police station in Raqqa.",
            "Grenade",
            Some("grenade"),
        ),
        (
            "Islamic State militants executed five civilians in Raqqa.",
            "Attack",
            Some("execution"),
        ),
        (
            "Gunmen kidnapped three aid workers in Idlib.",
            "Abduction/forced disappearance",
            Some("abduction"),
        ),
        (
            "Security forces arrested dozens of activists in Damascus.",
            "Arrests",
            Some("arrest"),
        ),
        (
            "Hundreds of protesters staged a demonstration in Suwayda.",
            "Peaceful protest",
            None,
        ),
        (
            "Riots broke out in Daraa after the funeral.",
            "Violent demonstration",
            None,
        ),
        (
            "Rebels and government forces agreed to a ceasefire in Homs.",
            "Agreement",
            None,
        ),
        (
            "Islamic State militants blew up the Tishrin dam gate.",
            "Looting/property destruction",
            Some("explosive"),
        ),
        (
            "Rebels withdrew from the town of Ariha.",
            "Non-violent transfer of territory",
            None,
        ),
        (
            "Air defences intercepted two missiles over Homs.",
            "Disrupted weapons use",
            None,
        ),
    ];
    for (text, sub, method) in cases {
        let all = events(text);
        let e = all
            .iter()
            .find(|e| e.sub_event_type.as_str() == *sub)
            .unwrap_or_else(|| panic!("{text}: no {sub} in {all:#?}"));
        assert_eq!(e.method.as_deref(), *method, "{text}");
        assert!(e.cameo.is_some() && e.plover.is_some(), "{text}");
    }
}

#[test]
fn active_and_passive_roles() {
    let e = only("Islamic State militants attacked Syrian troops in Deir ez-Zor.");
    assert_eq!(
        (name(&e.actor1), name(&e.actor2)),
        (Some("Islamic State"), Some("Syrian government forces"))
    );
    let e = only("Syrian troops were attacked by Islamic State militants in Deir ez-Zor.");
    assert_eq!(
        (name(&e.actor1), name(&e.actor2)),
        (Some("Islamic State"), Some("Syrian government forces"))
    );
    assert!(e.rule.ends_with("role:passive-by"), "{}", e.rule);
    // A headline's participle with its "by" phrase right after it is passive too.
    let e = only("Suspected al-Shabaab militants killed by Kenyan police in Mombasa.");
    assert_eq!(name(&e.actor1), Some("Police Forces of Kenya"), "{e:#?}");
    // A time phrase inside the verb group leaves it passive, and its one victim counted.
    let e = only("A suspected al-Shabaab militant was on Wednesday morning shot dead by Kenyan police in Mombasa.");
    assert_eq!(
        (name(&e.actor1), name(&e.actor2)),
        (Some("Police Forces of Kenya"), Some("Al Shabaab"))
    );
    assert_eq!(e.casualties.killed, Some(1));
}

#[test]
fn a_verb_joined_to_one_before_shares_its_subject() {
    let lead = |text: &str| {
        let x = extract_on(text, None);
        let e = lead_of(&x);
        (name(&e.actor1).map(str::to_owned), e.rule.clone())
    };
    for text in [
        "Kenyan police pursued Pokot raiders near Kapedo and killed six of them.",
        "Kenyan police surrounded Pokot raiders near Kapedo, killing six of them.",
    ] {
        let (actor1, rule) = lead(text);
        assert_eq!(actor1.as_deref(), Some("Police Forces of Kenya"), "{text}");
        assert!(rule.contains("role:shared-subject"), "{text}: {rule}");
    }
    // Without a verb before it, the subject before the verb is the agent, as always.
    let (actor1, rule) = lead("Pokot raiders killed six herders near Kapedo.");
    assert_eq!(actor1.as_deref(), Some("Pokot communal militia"));
    assert!(rule.contains("role:active-subject-object"), "{rule}");
}

#[test]
fn noun_roles() {
    let e =
        only("Russian air strikes on Islamic State positions near Palmyra destroyed two depots.");
    assert_eq!(
        (name(&e.actor1), name(&e.actor2)),
        (Some("Russian forces"), Some("Islamic State"))
    );
    let e = only("The offensive by the Syrian Democratic Forces on Islamic State fighters in Raqqa continued.");
    assert_eq!(
        (name(&e.actor1), name(&e.actor2)),
        (Some("Syrian Democratic Forces"), Some("Islamic State"))
    );
    let e = only("Hezbollah's offensive on rebel fighters near Zabadani intensified.");
    assert_eq!(
        (name(&e.actor1), name(&e.actor2)),
        (Some("Hezbollah"), Some("Syrian rebels"))
    );
}

#[test]
fn aircraft_attacks_are_air_strikes_and_took_off_is_no_capture() {
    let e = only(
        "On January 30, six Tu-22M3 bombers took off from an airfield in Russia and attacked \
         positions of the IS in Deir ez-Zor province.",
    );
    assert_eq!(e.sub_event_type.as_str(), "Air/drone strike");
    assert_eq!(
        (name(&e.actor1), name(&e.actor2)),
        (Some("Russian forces"), Some("Islamic State"))
    );
    assert_eq!(
        e.location.as_ref().and_then(|l| l.admin1.as_deref()),
        Some("Deir ez-Zor")
    );
}

#[test]
fn supporters_are_not_agents() {
    let e = only("Syrian troops, backed by Russian warplanes, recaptured Palmyra.");
    assert_eq!(name(&e.actor1), Some("Syrian government forces"));
    assert_ne!(name(&e.actor2), Some("Russian forces"));
}

#[test]
fn civilians_are_targets_and_make_attacks_violence_against_civilians() {
    let e = only("Gunmen attacked civilians in a market in Homs.");
    assert_eq!(e.sub_event_type.as_str(), "Attack");
    assert_eq!(name(&e.actor2), Some("Civilians"));
}

#[test]
fn modality() {
    let all =
        events("The jihadists attacked the base but did not manage to get inside the barracks.");
    let entry = all
        .iter()
        .find(|e| e.modality.as_str() == "negated")
        .expect("negated entry");
    assert_eq!(
        entry.sub_event_type.as_str(),
        "Non-state actor overtakes territory"
    );
    assert!(all
        .iter()
        .any(|e| e.modality.as_str() == "asserted" && e.sub_event_type.as_str() == "Armed clash"));
    let e = only("The army is preparing to storm Islamic State positions in Raqqa.");
    assert_eq!(e.modality.as_str(), "planned");
}

#[test]
fn the_states_violence_at_a_protest_is_force_against_it() {
    let x = extract_on(
        "Police opened fire on students marching in Nairobi, Kenya, killing two.",
        None,
    );
    assert_eq!(x.events.len(), 1, "{:#?}", x.events);
    let e = &x.events[0];
    assert_eq!(
        e.sub_event_type,
        SubEventType::ExcessiveForceAgainstProtesters
    );
    assert_eq!(name(&e.actor2), Some("Police Forces of Kenya"));
    assert_eq!(e.casualties.killed, Some(2));
    assert!(e.rule.contains("type:force-at-protest"), "{}", e.rule);
    // Violence the protest is about stays its own event.
    let x = extract_on(
        "Students marched in Nairobi, Kenya, against the shooting of a classmate by police.",
        None,
    );
    let lead = lead_of(&x);
    assert_eq!(lead.sub_event_type, SubEventType::PeacefulProtest);
    assert_eq!(x.events.len(), 2, "{:#?}", x.events);
}

#[test]
fn violence_against_civilians_has_civilians_as_its_second_actor() {
    let e = only("Gunmen shot dead a trader at the market in Mopti, Mali, on Monday.");
    assert_eq!(e.sub_event_type.as_str(), "Attack");
    assert_eq!(name(&e.actor2), Some("Civilians"), "{e:#?}");
    assert!(e.rule.contains("actor2:codebook"), "{}", e.rule);
    // A target the text names stays: a clash with soldiers has no civilians.
    let e = only("Gunmen attacked soldiers at a checkpoint near Mopti, Mali, on Monday.");
    assert_eq!(e.sub_event_type.as_str(), "Armed clash");
    assert_ne!(name(&e.actor2), Some("Civilians"), "{e:#?}");
}

#[test]
fn a_territory_verb_takes_ground_not_people_or_things() {
    let territory = |text: &str| {
        events(text)
            .iter()
            .any(|e| e.sub_event_type.as_str() == "Non-state actor overtakes territory")
    };
    for text in [
        "Islamic State fighters captured the town after a week of fighting.",
        "Islamic State fighters seized large parts of eastern Deir ez-Zor province.",
        "Rebels captured Kafr Nabl from government forces on Thursday.",
    ] {
        assert!(territory(text), "{text}");
    }
    for text in [
        "Residents captured two suspected thieves and handed them to the police.",
        "Gunmen seized a truck loaded with supplies near the market in Kafr Nabl.",
        "The transport blockade entered its 12th day on Friday.",
        "Thousands took out a rally in Kafr Nabl on Friday.",
    ] {
        assert!(!territory(text), "{text}");
    }
}

/// ACLED codes the seizure of goods as looting; beside a killing it is part of the attack,
/// and weapons seized are no event of their own.
#[test]
fn a_capture_of_goods_is_looting_unless_it_is_part_of_an_attack() {
    let x = extract_on("Raiders seized nine goats from herders near Korra.", None);
    let lead = lead_of(&x);
    assert_eq!(
        lead.sub_event_type.as_str(),
        "Looting/property destruction",
        "{lead:#?}"
    );
    assert!(lead.rule.starts_with("looting.capture"), "{}", lead.rule);
    let x = extract_on(
        "Gunmen killed two herders and took over their cattle near Korra.",
        None,
    );
    let lead = lead_of(&x);
    assert_ne!(
        lead.sub_event_type.as_str(),
        "Looting/property destruction",
        "{lead:#?}"
    );
    assert_eq!(lead.casualties.killed, Some(2), "{lead:#?}");
    for text in [
        "Soldiers seized three weapons and documents at a checkpoint in Korra.",
        "Rebels overran the homes of herders near Korra.",
    ] {
        let seized = events(text);
        assert!(
            seized.iter().all(|e| !matches!(
                e.sub_event_type.as_str(),
                "Looting/property destruction"
                    | "Government regains territory"
                    | "Non-state actor overtakes territory"
            )),
            "{text}: {seized:#?}"
        );
    }
}

/// A blockade is a protest where the text says what it presses for; soldiers closing a road
/// are no protest.
#[test]
fn a_blockade_pressing_a_claim_is_a_protest() {
    let e = only(
        "Taxi drivers blocked the ring road near Korra for hours, demanding lower fuel prices.",
    );
    assert_eq!(e.sub_event_type, SubEventType::PeacefulProtest, "{e:#?}");
    assert!(e.rule.starts_with("protest.blockade"), "{}", e.rule);
    let closed = events("Soldiers blocked access to the valley near Korra on Monday.");
    assert!(
        closed
            .iter()
            .all(|e| e.event_type() != polemos_core::EventType::Protests),
        "{closed:#?}"
    );
}

#[test]
fn attribution_and_certainty() {
    let e = only("State news agency SANA reported that rebels shelled Aleppo.");
    assert_eq!(
        e.attribution.as_ref().map(|a| a.source.as_str()),
        Some("SANA")
    );
    assert_eq!(e.certainty.as_str(), "reported");
    let e = only("Rebels reportedly shelled Aleppo.");
    assert_eq!(e.certainty.as_str(), "claimed");
    let x = extract_on(
        "Opposition outlets are claiming that Russian jets bombed the hospital in Idlib. \
         The claim has been categorically denied by the Kremlin.",
        None,
    );
    assert_eq!(x.events.len(), 1, "{:#?}", x.events);
    assert_eq!(x.events[0].certainty.as_str(), "denied");
}

#[test]
fn dates_resolve_against_publication() {
    let x = extract_on(
        "Islamic State militants attacked the airbase in Deir ez-Zor on Saturday, killing 12 soldiers.",
        Some((2017, 4, 17)),
    );
    let e = &x.events[0];
    assert_eq!(e.date.start, NaiveDate::from_ymd_opt(2017, 4, 15));
    assert_eq!(e.date.precision, Some(1));
    // Without a publication date the expression is kept and the date left empty.
    let x = extract_on(
        "Islamic State militants attacked the airbase in Deir ez-Zor on Saturday.",
        None,
    );
    assert_eq!(x.events[0].date.start, None);
    assert!(x.events[0].date.span.is_some());
}

#[test]
fn casualties_by_group_and_traps() {
    let e = only("About 200 insurgents were killed in an attack in Raqqa province, the defence ministry said.");
    assert_eq!(e.casualties.killed, Some(200));
    assert_eq!(e.casualties.combatants_killed, Some(200));
    assert_eq!(
        e.attribution.as_ref().map(|a| a.source.as_str()),
        Some("defence ministry")
    );
    let e =
        only("Air strikes on Douma killed 14 civilians, including five children and two women.");
    assert_eq!(e.casualties.civilians_killed, Some(14));
    assert_eq!(e.casualties.children_killed, Some(5));
    assert_eq!(e.casualties.women_killed, Some(2));
    assert_eq!(e.casualties.killed, Some(14));
    let x = extract_on(
        "Shelling hit Homs. Since the war began in 2011, more than 400,000 people have been killed.",
        None,
    );
    assert!(
        x.events.iter().all(|e| e.casualties.killed.is_none()),
        "{:#?}",
        x.events
    );
}

#[test]
fn repeated_reports_merge_and_the_headline_leads() {
    let x = extract_on(
        "IS militants kill 12 soldiers in attack near Deir ez-Zor airbase\n\n\
         Islamic State militants attacked an army checkpoint near the airbase in Deir ez-Zor on \
         Saturday, killing 12 soldiers. Separately, rebels shelled Aleppo.",
        Some((2017, 4, 16)),
    );
    let lead: Vec<&Event> = x.events.iter().filter(|e| e.is_lead).collect();
    assert_eq!(lead.len(), 1);
    assert_eq!(lead[0].evidence, vec![0, 1]);
    assert_eq!(lead[0].casualties.killed, Some(12));
    assert_eq!(x.events.len(), 2, "{:#?}", x.events);
}

#[test]
fn a_blast_is_no_part_of_an_agreement_and_takes_the_toll() {
    let x = extract_on(
        "A bomb blast hit buses carrying evacuees under an evacuation deal outside Aleppo on \
         Saturday, killing 43 people.",
        Some((2017, 4, 16)),
    );
    let blast = x
        .events
        .iter()
        .find(|e| e.sub_event_type.as_str() == "Remote explosive/landmine/IED")
        .unwrap_or_else(|| panic!("no blast: {:#?}", x.events));
    assert_eq!(blast.casualties.killed, Some(43));
    assert_eq!(blast.casualties.civilians_killed, Some(43));
    assert!(blast.is_lead);
    let deal = x
        .events
        .iter()
        .find(|e| e.sub_event_type.as_str() == "Agreement")
        .unwrap_or_else(|| panic!("no agreement: {:#?}", x.events));
    assert_eq!(deal.casualties.killed, None);
}

#[test]
fn a_toll_told_in_another_clause_without_a_place_is_the_events() {
    // "while" opens another clause; the killing and the wounding in it are the attack's toll.
    for text in [
        "One villager was killed while three others were injured in an attack by gunmen on \
         Monday night.",
        "Gunmen killed a farmer while two of his sons were wounded in the attack.",
    ] {
        let e = only(text);
        assert_eq!(e.sub_event_type.as_str(), "Attack", "{text}: {e:#?}");
        assert_eq!(e.casualties.killed, Some(1), "{text}: {e:#?}");
        assert!(
            e.casualties.injured.is_some_and(|n| n >= 2),
            "{text}: {e:#?}"
        );
    }
    // A clause that names its own place tells of other dead.
    let x = events("Rebels attacked the town of Hama while 100 died in Aleppo.");
    assert!(x.iter().all(|e| e.casualties.killed != Some(100)), "{x:#?}");
}

#[test]
fn a_later_death_adds_to_the_toll_without_losing_the_wounded() {
    let e = only(
        "A bomb exploded in the crowded market, injuring 38 people. One person later died in \
         hospital.",
    );
    assert_eq!(e.casualties.killed, Some(1), "{e:#?}");
    assert_eq!(e.casualties.injured, Some(38), "{e:#?}");
    // "Fatally shot" tells a death.
    let e = only("A shopkeeper was fatally shot by gunmen near the market.");
    assert_eq!(e.casualties.killed, Some(1), "{e:#?}");
    // "The victim", "an IDP": nouns of the victim_groups lexicon.
    let e = only("Gunmen shot a shopkeeper in the market. The victim later died in hospital.");
    assert_eq!(e.casualties.killed, Some(1), "{e:#?}");
    let e = only("Unknown gunmen killed an IDP in the camp on Monday.");
    assert_eq!(
        (e.casualties.killed, e.sub_event_type.as_str()),
        (Some(1), "Attack"),
        "{e:#?}"
    );
}

#[test]
fn more_dead_told_with_also_add_to_the_toll() {
    for text in [
        "Militants attacked the police station and killed five policemen; two civilian workers \
         were also killed in the attack.",
        "Militants attacked the police station and killed five policemen. Two guards were also \
         killed.",
    ] {
        let e = only(text);
        assert_eq!(e.casualties.killed, Some(7), "{text}: {e:#?}");
    }
    // Told again without "also", the toll is one.
    let e = only(
        "Militants attacked the police station and killed five policemen. Five policemen were \
         killed, officials said.",
    );
    assert_eq!(e.casualties.killed, Some(5), "{e:#?}");
}

#[test]
fn a_headline_joins_the_opening_report_it_rewords() {
    let x = extract_on(
        "Shelling of town in Idlib province kills 19\n\n\
         At least 19 civilians were killed on Tuesday in heavy aerial bombardment of Saraqib, a \
         monitor said.",
        Some((2017, 4, 4)),
    );
    let lead: Vec<&Event> = x.events.iter().filter(|e| e.is_lead).collect();
    assert_eq!(lead.len(), 1, "{:#?}", x.events);
    assert_eq!(lead[0].evidence, vec![0, 1]);
    assert_eq!(lead[0].casualties.civilians_killed, Some(19));
    assert_eq!(x.events.len(), 1, "{:#?}", x.events);
}

#[test]
fn generic_words_take_a_group_named_nearby_only() {
    let near = events("Islamic State seized the village. The jihadists then shelled Aleppo.");
    let shelled = near.last().expect("events");
    assert_eq!(name(&shelled.actor1), Some("Islamic State"));
    let far = events(
        "Islamic State seized a village in Raqqa province in June. The United Nations said aid \
         could not reach the province for weeks. Talks on a ceasefire in the south resumed in \
         Geneva, where diplomats met for a third day. Officials gave no details of the agenda \
         and said another round would follow next month at the earliest. Prices of bread and \
         fuel rose again in the capital, traders said, as the currency fell to a new low against \
         the dollar. Terrorists fired rockets at Aleppo on Monday.",
    );
    let rockets = far.last().expect("events");
    assert_eq!(name(&rockets.actor1), Some("Unidentified armed group"));
}

#[test]
fn a_nationality_of_fighters_is_not_the_state() {
    let e = only("Syria terrorists shell residential districts of Aleppo city.");
    assert_ne!(name(&e.actor1), Some("Syrian government forces"));
}

#[test]
fn an_attack_on_no_armed_side_kills_civilians() {
    let e = only("The Daesh attack on the village of Aqareb killed 51 people.");
    assert_eq!(e.casualties.killed, Some(51));
    assert_eq!(e.casualties.civilians_killed, Some(51));
    let e = only("Rebels clashed with troops in Daraa, killing 20 people.");
    assert_eq!(e.casualties.civilians_killed, None);
}

#[test]
fn the_article_is_about_the_country_its_towns_are_in() {
    let x = extract_on(
        "An air strike hit a clinic near Syria's second city Aleppo, killing five medics. \
         Moscow denied its jets were involved. Officials in Moscow said the claims were false.",
        None,
    );
    let lead = lead_of(&x);
    let admin1 = lead.location.as_ref().and_then(|l| l.admin1.as_deref());
    assert_eq!(admin1, Some("Aleppo"), "{:#?}", x.events);
}

#[test]
fn an_exact_toll_replaces_a_vague_one() {
    let x = extract_on(
        "Almost a dozen civilians killed in air strikes on Idlib market\n\n\
         At least 11 civilians were killed on Sunday in air strikes on a market in Idlib \
         province, a monitor said.",
        Some((2017, 10, 8)),
    );
    let lead = lead_of(&x);
    assert_eq!(lead.casualties.killed, Some(11), "{:#?}", x.events);
    assert_eq!(lead.casualties.civilians_killed, Some(11));
    assert!(!lead.casualties.vague);
}

#[test]
fn civilians_the_text_names_replace_people_taken_as_civilians() {
    // The headline's 20 dead count as civilians only for want of better; the body says 10.
    let x = extract_on(
        "20 dead in air strikes on Latakia province\n\n\
         At least 20 people including 10 civilians were killed by air strikes in the province \
         of Latakia on Saturday, a monitor said.",
        Some((2013, 8, 10)),
    );
    let lead = lead_of(&x);
    assert_eq!(lead.casualties.killed, Some(20), "{:#?}", x.events);
    assert_eq!(
        lead.casualties.civilians_killed,
        Some(10),
        "{:#?}",
        x.events
    );
    // Civilians named for part of the event (a smaller toll) do not replace the whole toll.
    let x = extract_on(
        "Air strikes kill 31 in Aleppo province\n\n\
         At least 31 people were killed by air strikes in Aleppo province on Monday. Ten \
         civilians were killed in the air strikes on Aleppo province in the town of Atareb.",
        Some((2016, 5, 2)),
    );
    let lead = lead_of(&x);
    assert_eq!(
        lead.casualties.civilians_killed,
        Some(31),
        "{:#?}",
        x.events
    );
}

#[test]
fn raids_that_hit_a_place_are_air_raids() {
    let e = only("Raids struck the village of Kafr Nabl in Idlib province overnight.");
    assert_eq!(e.sub_event_type.as_str(), "Air/drone strike");
    let e = only("Special forces raided a house in Kafr Nabl.");
    assert_ne!(e.sub_event_type.as_str(), "Air/drone strike");
}

#[test]
fn a_states_bombing_is_an_air_strike_when_the_article_says_whose() {
    let x = extract_on(
        "Syrian regime warplanes struck Saraqib in Idlib province on Monday. Hours later the \
         bombing hit a school in Maarat al-Numan.",
        Some((2017, 4, 4)),
    );
    let second = x
        .events
        .iter()
        .find(|e| e.sentence == 1)
        .unwrap_or_else(|| panic!("{:#?}", x.events));
    assert_eq!(second.sub_event_type.as_str(), "Air/drone strike");
    assert_eq!(name(&second.actor1), Some("Syrian government forces"));
    assert!(second.rule.contains("+air:document"), "{}", second.rule);
}

#[test]
fn agents_after_by_a_and_spelling_variants() {
    let e = only("Some 50 civilians were killed in airstrikes conducted by a US-led coalition.");
    assert_eq!(name(&e.actor1), Some("US-led coalition"));
    let e =
        only("A chemical attack by Jaysh al-Islam fighters hit the district of Sheikh Maqsoud.");
    assert_eq!(name(&e.actor1), Some("Jaish al-Islam"));
    // A hedge after "by" leaves the agent the agent.
    let e = only("At least six air raids by suspected Russian jets hit the village of Haas.");
    assert_eq!(name(&e.actor1), Some("Russian forces"), "{e:#?}");
    assert_eq!(e.actor2, None);
}

#[test]
fn a_headline_naming_the_defenders_joins_the_report_of_the_civilian_dead() {
    let x = extract_on(
        "Shelling of rebel bastion in Idlib province kills 19\n\n\
         At least 19 civilians were killed on Tuesday in heavy aerial bombardment of Saraqib, \
         a monitor said.",
        Some((2017, 4, 4)),
    );
    let lead: Vec<&Event> = x.events.iter().filter(|e| e.is_lead).collect();
    assert_eq!(lead.len(), 1, "{:#?}", x.events);
    assert_eq!(lead[0].evidence, vec![0, 1], "{:#?}", x.events);
    assert_eq!(lead[0].casualties.civilians_killed, Some(19));
}

#[test]
fn an_unattributed_air_strike_takes_the_agent_of_the_paragraph() {
    let text = "Russian warplanes struck the town of Saraqib in Idlib province on Monday. \
         Air strikes also hit a market in Maarat al-Numan, killing nine people. \
         The town has been held by rebels since 2015. \
         Aid groups said hospitals were running out of supplies. \
         The United Nations called for a ceasefire in the province. \
         Turkey said it would host talks next month. \
         On Sunday air strikes hit a bakery in Kafr Nabl, a monitor said.";
    let x = extract_on(text, Some((2017, 4, 4)));
    let agent_in = |sentence: u32| {
        let e = x
            .events
            .iter()
            .find(|e| e.sentence == sentence)
            .unwrap_or_else(|| panic!("no event in sentence {sentence}: {:#?}", x.events));
        (name(&e.actor1).map(str::to_string), e.rule.clone())
    };
    // The next sentence's strikes are the same paragraph's: the Russian forces'.
    let (agent, rule) = agent_in(1);
    assert_eq!(agent.as_deref(), Some("Russian forces"), "{rule}");
    assert!(rule.contains("+actor1:document"), "{rule}");
    // Strikes recounted paragraphs later are not attributed by the article.
    let (agent, rule) = agent_in(6);
    assert_eq!(agent, None, "{rule}");
}

#[test]
fn a_group_without_aircraft_is_no_air_strike_agent() {
    let x = extract_on(
        "Jaish al-Fatah positions pounded by 56 airstrikes near Idlib.",
        Some((2016, 1, 5)),
    );
    let strike = x
        .events
        .iter()
        .find(|e| e.sub_event_type.as_str() == "Air/drone strike")
        .unwrap_or_else(|| panic!("{:#?}", x.events));
    assert_ne!(name(&strike.actor1), Some("Jaish al-Fatah"), "{strike:#?}");
    assert_eq!(name(&strike.actor2), Some("Jaish al-Fatah"), "{strike:#?}");
    assert!(
        strike.rule.contains("+agent:no-aircraft"),
        "{}",
        strike.rule
    );
}

#[test]
fn a_group_that_bombed_a_place_shelled_it() {
    let x = extract_on(
        "ISIS bombed regime-held parts of Deir ez-Zor city on Sunday, a monitor said.",
        Some((2016, 9, 12)),
    );
    let by_is = x
        .events
        .iter()
        .find(|e| name(&e.actor1) == Some("Islamic State"))
        .unwrap_or_else(|| panic!("{:#?}", x.events));
    assert_eq!(
        by_is.sub_event_type.as_str(),
        "Shelling/artillery/missile attack",
        "{}",
        by_is.rule
    );
    assert!(by_is.rule.contains("+ground:agent"), "{}", by_is.rule);
}

#[test]
fn a_claim_of_responsibility_names_the_agent_of_the_attack_before() {
    let x = extract_on(
        "A twin bombing struck a crowd in Qamishli in Hasakah province on Wednesday, killing 44 \
         people. The Daesh group claimed responsibility for the attack.",
        Some((2016, 7, 27)),
    );
    assert_eq!(x.events.len(), 1, "{:#?}", x.events);
    let e = &x.events[0];
    assert_eq!(e.sub_event_type.as_str(), "Remote explosive/landmine/IED");
    assert_eq!(name(&e.actor1), Some("Islamic State"), "{}", e.rule);
    assert!(e.rule.contains("+actor1:claim"), "{}", e.rule);
    assert_eq!(e.evidence, vec![0, 1]);
    // The attack is asserted; only its authorship is claimed.
    assert_eq!(e.certainty.as_str(), "asserted");
    // An attack of its own, not a claim, stays an event.
    let x = extract_on(
        "A bomb exploded in Qamishli on Wednesday. Later, IS militants attacked a checkpoint \
         in Hasakah.",
        Some((2016, 7, 27)),
    );
    assert_eq!(x.events.len(), 2, "{:#?}", x.events);
}

#[test]
fn a_motorcycle_bomber_is_a_suicide_bombing() {
    let e = only("A motorcycle bomber killed at least 16 civilians outside a bakery in Hasakah.");
    assert_eq!(e.sub_event_type.as_str(), "Suicide bomb");
    assert_eq!(e.casualties.civilians_killed, Some(16));
}

#[test]
fn headline_verbs_in_the_present_and_executions_by_crucifixion() {
    let e = only("Syrian Army Kills 50 Al-Nusra Front Terrorists in Daraa.");
    assert_eq!(name(&e.actor1), Some("Syrian government forces"), "{e:#?}");
    assert_eq!(e.casualties.combatants_killed, Some(50));
    assert_eq!(
        e.location.as_ref().and_then(|l| l.admin1.as_deref()),
        Some("Daraa")
    );
    let e = only("The militants crucified two men in the town of Mayadin, the Observatory said.");
    assert_eq!(e.method.as_deref(), Some("execution"), "{e:#?}");
    assert_eq!(e.casualties.killed, Some(2));
}

#[test]
fn an_aim_is_no_capture_and_the_dead_belong_to_what_happened() {
    // "to recapture": the counter-offensive happened, the recapture was its aim.
    let x = extract_on(
        "At least 29 rebels were killed in clashes with regime troops during a counter-offensive \
         to recapture the Castello road into Aleppo.",
        Some((2016, 8, 1)),
    );
    let aim = x
        .events
        .iter()
        .find(|e| e.rule.starts_with("territory."))
        .unwrap_or_else(|| panic!("{:#?}", x.events));
    assert_eq!(aim.modality.as_str(), "planned");
    let lead = lead_of(&x);
    assert_eq!(
        lead.sub_event_type.as_str(),
        "Armed clash",
        "{:#?}",
        x.events
    );
    // "waiting to enter": the toll is the blast's, not the entry's.
    let x = extract_on(
        "A bomb blast hit a bus convoy waiting to enter Aleppo on Saturday, killing at least 100.",
        Some((2017, 4, 15)),
    );
    let blast = x
        .events
        .iter()
        .find(|e| e.sub_event_type.as_str() == "Remote explosive/landmine/IED")
        .unwrap_or_else(|| panic!("{:#?}", x.events));
    assert_eq!(blast.casualties.killed, Some(100), "{:#?}", x.events);
}

#[test]
fn a_despite_phrase_names_no_target() {
    let x = extract_on(
        "Islamic State militants captured a string of villages near Aleppo on Friday despite a \
         major increase in Russian airstrikes.",
        Some((2015, 10, 9)),
    );
    let capture = x
        .events
        .iter()
        .find(|e| e.rule.starts_with("territory."))
        .unwrap_or_else(|| panic!("{:#?}", x.events));
    assert_eq!(name(&capture.actor1), Some("Islamic State"));
    assert_ne!(
        name(&capture.actor2),
        Some("Russian forces"),
        "{capture:#?}"
    );
}

#[test]
fn an_event_noun_describing_a_town_is_no_event() {
    let x = extract_on(
        "One dead in raid on Syria chemical attack town\n\n\
         One woman was killed in an air strike on Saturday on the town of Saraqib, site of a \
         chemical attack last month, a monitor said.",
        Some((2017, 4, 9)),
    );
    let lead: Vec<&Event> = x.events.iter().filter(|e| e.is_lead).collect();
    assert_eq!(lead.len(), 1, "{:#?}", x.events);
    assert_eq!(lead[0].sub_event_type.as_str(), "Air/drone strike");
    assert_eq!(lead[0].evidence, vec![0, 1], "{:#?}", x.events);
}

#[test]
fn an_event_recalled_as_background_does_not_lead() {
    let x = extract_on(
        "At least six children were killed in rebel rocket attacks on a school in western Aleppo \
         on Thursday, just a day after air strikes on a school in Idlib left 35 people dead.",
        Some((2016, 10, 27)),
    );
    let lead: Vec<&Event> = x.events.iter().filter(|e| e.is_lead).collect();
    assert_eq!(lead.len(), 1, "{:#?}", x.events);
    assert_eq!(lead[0].method.as_deref(), Some("rocket"), "{:#?}", x.events);
}

#[test]
fn a_generic_opening_takes_the_later_report_of_its_day() {
    let x = extract_on(
        "More than 130 people were killed in a terrorist attack near Aleppo on April 15, the UN \
         envoy said on Thursday. The envoy spoke to reporters in Geneva. Aid agencies asked for \
         access. Talks are due next month. On Saturday a suicide attacker detonated a car bomb \
         in Aleppo near a convoy of buses.",
        Some((2017, 4, 20)),
    );
    let lead: Vec<&Event> = x.events.iter().filter(|e| e.is_lead).collect();
    assert_eq!(lead.len(), 1, "{:#?}", x.events);
    assert_eq!(
        lead[0].method.as_deref(),
        Some("car bomb"),
        "{:#?}",
        x.events
    );
    assert_eq!(lead[0].casualties.killed, Some(130));
    assert_eq!(lead[0].evidence, vec![0, 4]);
}

#[test]
fn reports_far_apart_merge_only_when_they_agree_on_something() {
    let text = "An air strike killed a woman in Saraqib in Idlib province on Saturday, a monitor \
                said. The town was hit by a chemical attack last week. Residents fled to the \
                border. Aid groups asked for access. The United Nations called for calm. \
                US-led coalition jets have also carried out rare strikes in the province.";
    let x = extract_on(text, Some((2017, 4, 9)));
    let strikes: Vec<&Event> = x
        .events
        .iter()
        .filter(|e| e.sub_event_type.as_str() == "Air/drone strike")
        .collect();
    assert_eq!(strikes.len(), 2, "{:#?}", x.events);
    assert_eq!(name(&strikes[0].actor1), None);
    assert_eq!(name(&strikes[1].actor1), Some("US-led coalition"));
    // Near each other, silence is enough: the second sentence's strike is the first's.
    let x = extract_on(
        "An air strike killed a woman in Saraqib on Saturday. US-led coalition jets carried \
         out the strike, a monitor said.",
        Some((2017, 4, 9)),
    );
    assert_eq!(x.events.len(), 1, "{:#?}", x.events);
}

#[test]
fn the_dead_of_a_battle_are_its_target() {
    let e = only(
        "At least 34 Islamic State militants were killed in clashes with the Syrian Democratic \
         Forces near the Tishrin Dam.",
    );
    assert_eq!(
        (name(&e.actor1), name(&e.actor2)),
        (Some("Syrian Democratic Forces"), Some("Islamic State"))
    );
    assert!(e.rule.ends_with("role:noun-victims"), "{}", e.rule);
    // The side after "on" is a target, not the side that killed.
    let e = only("Twenty Syrian soldiers were killed in raids on Islamic State positions.");
    assert_ne!(name(&e.actor1), Some("Islamic State"), "{e:#?}");
}

#[test]
fn a_battle_reported_from_either_side_is_one_event() {
    let x = extract_on(
        "Islamic State militants clashed with Kurdish fighters near Kobani on Friday. At least 18 \
         Islamic State militants were killed in the clashes with Kurdish fighters, a monitor said.",
        Some((2014, 9, 20)),
    );
    assert_eq!(x.events.len(), 1, "{:#?}", x.events);
}

#[test]
fn a_downed_aircraft_is_the_target() {
    let x = extract_on(
        "Five killed as Russian military helicopter shot down in Syria\n\nAll five people on \
         board were killed, the Kremlin said.",
        Some((2016, 8, 1)),
    );
    let downed = x
        .events
        .iter()
        .find(|e| e.sub_event_type.as_str() == "Disrupted weapons use")
        .unwrap_or_else(|| panic!("{:#?}", x.events));
    assert_eq!(name(&downed.actor1), None);
    assert_eq!(name(&downed.actor2), Some("Russian forces"));
}

#[test]
fn a_day_possessive_without_its_apostrophe_makes_a_noun() {
    let x = extract_on(
        "Thursdays attack on the village comes as government forces push north.",
        None,
    );
    let attack = x
        .events
        .iter()
        .find(|e| e.trigger_span.slice(&x.parsed.doc.text) == "attack")
        .unwrap_or_else(|| panic!("{:#?}", x.events));
    assert!(attack.rule.contains("attack.noun"), "{}", attack.rule);
    assert_ne!(name(&attack.actor1), Some("Syrian government forces"));
}

#[test]
fn a_city_and_its_neighbourhood_place_one_event() {
    let x = extract_on(
        "Dozens of casualties in Aleppo bomb blast\n\nA bomb exploded in the Salaheddin district \
         of Aleppo on Wednesday, killing six people.",
        Some((2017, 4, 19)),
    );
    assert_eq!(x.events.len(), 1, "{:#?}", x.events);
    assert_eq!(x.events[0].evidence, vec![0, 1]);
    // Two cities of one province stay apart.
    let x = extract_on(
        "Bomb blast in Aleppo\n\nA bomb exploded in Manbij on Wednesday, killing six people.",
        Some((2017, 4, 19)),
    );
    assert_eq!(x.events.len(), 2, "{:#?}", x.events);
}

#[test]
fn air_operations_are_air_strikes() {
    let e = only(
        "More than 100 militants were killed in two days of air and ground operations by the \
         Syrian military.",
    );
    assert_eq!(e.method.as_deref(), Some("air strike"));
    assert_eq!(name(&e.actor1), Some("Syrian government forces"));
}

#[test]
fn a_killing_of_civilians_with_no_armed_target_is_violence_against_civilians() {
    let e = only("Islamic State militants killed 21 young men in a village near Mayadin.");
    assert_eq!(e.sub_event_type.as_str(), "Attack");
    assert_eq!(e.casualties.civilians_killed, Some(21));
    // Killing fighters stays a battle.
    let e = only("Islamic State militants killed 21 soldiers near Mayadin.");
    assert_eq!(e.sub_event_type.as_str(), "Armed clash");
}

#[test]
fn slitting_throats_is_an_execution() {
    let e = only("The gunmen slit the throats of four shepherds outside Palmyra.");
    assert_eq!(e.method.as_deref(), Some("execution"));
}

#[test]
fn an_event_noun_ending_a_headline_is_no_verb() {
    // "attack" with no object after it is the noun; "central Syria" is where, not who.
    let x = extract_on(
        "Jihadists kill 40 in central Syria attack\n\nThe Islamic State group killed 40 people \
         in an attack on a village in Hama province on Monday, a monitor said.",
        Some((2017, 5, 16)),
    );
    let lead = lead_of(&x);
    assert_eq!(name(&lead.actor1), Some("Islamic State"), "{:#?}", x.events);
    assert_eq!(lead.sub_event_type.as_str(), "Attack");
}

#[test]
fn a_group_named_later_refines_the_unidentified_gunmen() {
    let text = "Gunmen killed 25 villagers in the countryside of Homs province on Tuesday night, \
                residents of nearby towns said.";
    let alone = extract_on(text, Some((2013, 9, 16)));
    assert_eq!(
        name(&alone.events[0].actor1),
        Some("Unidentified armed group")
    );
    let x = extract_on(
        &format!("{text} Nusra Front fighters killed the villagers on Tuesday, the group said."),
        Some((2013, 9, 16)),
    );
    assert_eq!(x.events.len(), 1, "{:#?}", x.events);
    assert_eq!(name(&x.events[0].actor1), Some("Hayat Tahrir al-Sham"));
    assert_eq!(x.events[0].evidence, vec![0, 1]);
}

#[test]
fn a_trigger_that_says_how_gives_the_method() {
    let e = only("Gunmen attacked the village and shot dead 12 farmers.");
    assert_eq!(e.method.as_deref(), Some("shooting"), "{e:#?}");
    assert_eq!(e.casualties.killed, Some(12));
    let x = events("Gunmen stormed the village on Monday. Eight villagers were gunned down.");
    assert!(
        x.iter().any(|e| e.casualties.civilians_killed == Some(8)),
        "{x:#?}"
    );
}

#[test]
fn a_report_near_a_city_and_one_in_its_suburb_are_one_event() {
    let x = extract_on(
        "Government air strikes on an area near Damascus killed 30 people on Thursday. \
         The air strikes hit Douma, a suburb northeast of the capital, on Thursday.",
        Some((2014, 9, 12)),
    );
    let strikes: Vec<_> = x
        .events
        .iter()
        .filter(|e| e.sub_event_type.as_str() == "Air/drone strike")
        .collect();
    assert_eq!(strikes.len(), 1, "{strikes:#?}");
    assert_eq!(
        strikes[0].location.as_ref().map(|l| l.name.as_str()),
        Some("Douma")
    );
}

#[test]
fn civilians_killed_in_an_assault_are_not_its_push_through_the_lines() {
    // The headline's generic "assault" that killed civilians is the rockets, not the advance.
    let x = extract_on(
        "Dozens of civilians dead in rebel assault on Aleppo\n\nRebels launched a major \
         offensive on Friday to break through government lines in western Aleppo. Since then \
         rebel rocket fire has killed 38 civilians in the western districts.",
        Some((2016, 10, 30)),
    );
    let lead = lead_of(&x);
    assert_eq!(lead.method.as_deref(), Some("rocket"), "{:#?}", x.events);
    assert_eq!(lead.evidence, vec![0, 2]);
}

#[test]
fn strikes_the_text_leaves_unattributed_stay_so() {
    let x = extract_on(
        "Air strikes on a market in the city of Idlib, which is held by al-Qaeda affiliate the \
         Nusra Front, killed at least 19 civilians on Sunday. Four children were among those \
         killed in the air raids on Idlib, a monitor said. It was not clear who carried out the \
         Idlib strikes, but the monitor has reported previous air raids by the regime on Idlib \
         province. In Maarat al-Numan, unidentified warplanes also killed five civilians \
         including a woman.",
        Some((2016, 6, 20)),
    );
    let lead = lead_of(&x);
    // The holder of the city is not the target; nobody is named as the agent, and the regime's
    // earlier raids are another event.
    assert_eq!(name(&lead.actor1), None, "{:#?}", x.events);
    assert_eq!(name(&lead.actor2), Some("Civilians"));
    assert_eq!(lead.evidence, vec![0, 1]);
    assert_eq!(lead.casualties.civilians_killed, Some(19));
    assert_eq!(lead.casualties.children_killed, Some(4));
    // The toll of Maarat al-Numan is of another strike: it joins none of these.
    assert!(
        x.events
            .iter()
            .all(|e| e.casualties.civilians_killed != Some(5)),
        "{:#?}",
        x.events
    );
}

#[test]
fn another_strike_elsewhere_is_another_event() {
    let one =
        events("Government warplanes bombed Idlib province on Monday. An air strike hit Binnish.");
    assert_eq!(one.len(), 1, "{one:#?}");
    let two = events(
        "Government warplanes bombed Idlib province on Monday. Another air strike hit Binnish.",
    );
    assert_eq!(two.len(), 2, "{two:#?}");
}

#[test]
fn fighting_for_a_group_is_membership_not_a_battle() {
    // No battle is reported, and "were also killed" is passive: the jihadists are the dead,
    // not killers. The killing is the text's only event, by an unnamed hand, not a fight of
    // theirs.
    let x = events("Jihadists fighting for the Nusra Front were also killed, the monitor said.");
    assert_eq!(x.len(), 1, "{x:#?}");
    assert!(x[0].rule.starts_with("kill."), "{}", x[0].rule);
    assert_eq!(name(&x[0].actor1), Some("Unidentified armed group"));
    let x = events("Jihadists fighting the Nusra Front were killed, the monitor said.");
    assert_eq!(x.len(), 1, "{x:#?}");
    assert!(x[0].rule.starts_with("clash."));
}

#[test]
fn the_accused_is_the_agent_not_the_accuser() {
    let e = only(
        "The opposition accused the Syrian army of gassing hundreds in a chemical weapons attack \
         on Zamalka.",
    );
    assert_eq!(e.sub_event_type.as_str(), "Chemical weapon");
    assert_eq!(name(&e.actor1), Some("Syrian government forces"), "{e:#?}");
    let e = only("Rebels blamed Russian warplanes for the air strikes on Atareb.");
    assert_eq!(name(&e.actor1), Some("Russian forces"), "{e:#?}");
}

#[test]
fn a_demonstration_of_something_is_no_protest() {
    assert!(events("The toll is a demonstration of the fragile state of the zones.").is_empty());
    let e = only("Thousands joined a demonstration against the siege in Douma.");
    assert_eq!(e.sub_event_type.as_str(), "Peaceful protest");
}

#[test]
fn a_place_in_an_as_clause_is_not_the_events() {
    let x = extract_on(
        "A car bomb killed 43 people on Saturday as US-backed fighters advanced towards Raqqa. \
         The blast hit buses at a transit point in Rashidin west of Aleppo, the monitor said.",
        Some((2017, 4, 16)),
    );
    let lead = lead_of(&x);
    let place = lead.location.as_ref().expect("a place");
    assert_eq!(place.admin1.as_deref(), Some("Aleppo"), "{:#?}", x.events);
    // "as well as" is no clause.
    let e = only("Shelling killed 12 people in Jobar as well as in Zamalka.");
    assert_eq!(e.location.as_ref().map(|l| l.name.as_str()), Some("Jobar"));
}

#[test]
fn one_agents_strikes_in_the_country_and_in_a_town_of_it_are_one_event() {
    let x = extract_on(
        "Air strikes carried out by the United States in northwestern Syria killed 11 civilians \
         on Tuesday. Activists said US aircraft hit a residential building in the city of Idlib.",
        Some((2014, 9, 24)),
    );
    assert_eq!(x.events.len(), 1, "{:#?}", x.events);
    let place = x.events[0].location.as_ref().expect("a place");
    assert_eq!(place.admin1.as_deref(), Some("Idlib"));
    assert_eq!(x.events[0].casualties.civilians_killed, Some(11));
}

#[test]
fn raids_carried_out_by_jets_that_targeted_a_village_are_the_jets() {
    let e = only(
        "A first round of raids which were likely carried out by Russian jets targeted the \
         village of Duwayleh in Idlib province.",
    );
    assert_eq!(e.sub_event_type.as_str(), "Air/drone strike");
    assert_eq!(name(&e.actor1), Some("Russian forces"), "{e:#?}");
}

#[test]
fn a_roundup_is_placed_by_its_first_specific_report() {
    let x = extract_on(
        "More than 100 militants have been killed in two days of air and ground operations by \
         the Syrian military across the country. Syrian fighter jets targeted hideouts of the \
         militants in the town of al-Bab in the countryside of Aleppo. The Syrian aircraft also \
         dealt a heavy blow to militants in airstrikes on their posts in Eastern Ghouta.",
        Some((2016, 2, 17)),
    );
    let lead = lead_of(&x);
    let place = lead.location.as_ref().expect("a place");
    assert_eq!(place.admin1.as_deref(), Some("Aleppo"), "{:#?}", x.events);
}

#[test]
fn fighting_told_beside_a_capture_after_as_is_its_own_event() {
    let x = extract_on(
        "More than 50 rebels were killed in fighting in Hasakeh province as the Islamic State \
         group overran a town bordering Iraq, a monitor said on Sunday.",
        Some((2014, 3, 30)),
    );
    let lead = lead_of(&x);
    assert_eq!(
        lead.sub_event_type.as_str(),
        "Armed clash",
        "{:#?}",
        x.events
    );
    assert_eq!(lead.casualties.killed, Some(50));
    assert!(x
        .events
        .iter()
        .any(|e| e.sub_event_type.as_str() == "Non-state actor overtakes territory"));
}

#[test]
fn blowing_up_that_kills_is_an_explosion() {
    let e = only("Rebels blew up a tunnel under an army position in Aleppo, killing 38 soldiers.");
    assert_eq!(e.sub_event_type, SubEventType::RemoteExplosive);
    assert_eq!(e.method.as_deref(), Some("explosive"));
    assert_eq!(name(&e.actor1), Some("Syrian rebels"));
    // Nobody hurt: the destruction of property it stays.
    let e = only("Rebels blew up a bridge over the Euphrates near Raqqa.");
    assert_eq!(e.sub_event_type, SubEventType::LootingPropertyDestruction);
}

#[test]
fn no_side_from_inside_a_relative_clause() {
    // The regime used the building; it set off no blast.
    let e = only(
        "Nine soldiers were killed in the blast in Aleppo which brought down a building used by the regime.",
    );
    // With no side named, the codebook's unidentified armed group set it off.
    assert_eq!(name(&e.actor1), Some("Unidentified armed group"), "{e:#?}");
    assert!(e.rule.ends_with("+actor1:codebook"), "{}", e.rule);
    // Right after the trigger, "by" names the agent.
    let e = only("Nine soldiers were killed in a blast by rebels in Aleppo.");
    assert_eq!(name(&e.actor1), Some("Syrian rebels"));
}

#[test]
fn killed_as_a_clause_says_how_is_that_event() {
    let e = only("Three civilians were killed as warplanes bombed the town of Saraqib.");
    assert_eq!(e.sub_event_type, SubEventType::AirDroneStrike);
    assert_eq!(e.casualties.killed, Some(3));
    let e = only("Two civilians died in an attack as warplanes bombed the town of Saraqib.");
    assert_eq!(e.sub_event_type, SubEventType::AirDroneStrike, "{e:#?}");
    let e = only("Hundreds killed as street battles rage in Kobani.");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash);
    assert_eq!(e.casualties.killed, Some(100));
}

#[test]
fn an_attack_to_recapture_is_an_aim_and_lives_are_no_territory() {
    let x = extract_on(
        "Militants mounted an attack to recapture the Castello Road north of Aleppo.",
        None,
    );
    let capture = x
        .events
        .iter()
        .find(|e| e.sub_event_type == SubEventType::NonStateActorOvertakesTerritory)
        .expect("the aimed capture is kept");
    assert_eq!(capture.modality, Modality::Planned);
    assert!(events("The violence takes hundreds of lives in Latakia.")
        .iter()
        .all(|e| e.event_type() != EventType::Battles));
}

#[test]
fn territory_type_follows_an_agent_learnt_later() {
    // "they" names no agent; the attack folded into the capture brings the army's.
    let x = extract_on(
        "Syrian forces attacked near Castello Road north of Aleppo on Thursday. On Thursday they \
         seized a hilltop overlooking the Castello Road north of Aleppo.",
        Some((2016, 7, 10)),
    );
    let e = lead_of(&x);
    assert_eq!(name(&e.actor1), Some("Syrian government forces"), "{e:#?}");
    assert_eq!(e.sub_event_type, SubEventType::GovernmentRegainsTerritory);
}

#[test]
fn a_place_abroad_keeps_no_report_apart() {
    // "BEIRUT" after scraped furniture is no dateline, and the article is about Syria: the
    // counterattack is not placed in Beirut, so it is the attack the next sentence places.
    let x = extract_on(
        "Last updated 12:30 BEIRUT An IS counterattack on Syrian army positions on Monday left \
         20 militants dead. Dozens of IS fighters on Monday attacked army positions south of \
         Tabqa in Raqqa province, the monitor said.",
        Some((2016, 6, 15)),
    );
    let battles: Vec<&Event> = x
        .events
        .iter()
        .filter(|e| e.event_type() == EventType::Battles)
        .collect();
    assert_eq!(battles.len(), 1, "{battles:#?}");
    assert_eq!(
        battles[0].location.as_ref().map(|l| l.name.as_str()),
        Some("Tabqa")
    );
}

#[test]
fn years_and_opposed_actors_in_background_sentences() {
    let x = extract_on(
        "The war, which began with the repression of anti-government protests in 2011, has \
         killed more than 280,000 people.",
        Some((2016, 6, 15)),
    );
    for e in &x.events {
        assert_ne!(e.casualties.killed, Some(2011), "{e:#?}");
        // The government the protests opposed is no actor of theirs; a protest's first actor
        // is the protesters, as the codebook has it.
        let agent = e.actor1.as_ref().map(|a| a.category);
        assert!(
            agent.is_none() || agent == Some(ActorCategory::Protesters),
            "{e:#?}"
        );
    }
}

#[test]
fn a_supposed_event_neither_leads_nor_lends_its_agent() {
    let x = extract_on(
        "Diplomats said on Tuesday the plan could avert possible US strikes on Syria. Talks went \
         on in Geneva. The draft condemns an August 21 chemical weapons attack near Damascus \
         which killed more than 1,400 people.",
        Some((2013, 9, 10)),
    );
    let strike = x
        .events
        .iter()
        .find(|e| e.sub_event_type == SubEventType::AirDroneStrike)
        .expect("the supposed strike is kept");
    assert_eq!(strike.modality, Modality::Hypothetical);
    let lead = lead_of(&x);
    assert_eq!(
        lead.sub_event_type,
        SubEventType::ChemicalWeapon,
        "{lead:#?}"
    );
    assert_eq!(lead.actor1, None);
    assert_eq!(lead.casualties.killed, Some(1400));
}

#[test]
fn executions_of_a_counted_group_give_the_toll() {
    let e =
        only("IS published a video showing the execution of 17 young men from the town of Tibni.");
    assert_eq!(e.method.as_deref(), Some("execution"));
    assert_eq!(e.casualties.killed, Some(17));
}

#[test]
fn a_warned_against_headline_event_does_not_lead() {
    let x = extract_on(
        "Moscow Warns Against New US Missile Strikes on Syria\n\nThe Russian general staff warned \
         on Tuesday against new US missile strikes. On April 4 a chemical weapons attack in \
         Idlib province killed some 80 people.",
        Some((2017, 4, 11)),
    );
    let lead = lead_of(&x);
    assert_eq!(
        lead.sub_event_type,
        SubEventType::ChemicalWeapon,
        "{lead:#?}"
    );
    assert!(x
        .events
        .iter()
        .any(|e| e.method.as_deref() == Some("missile") && e.modality == Modality::Hypothetical));
}

#[test]
fn a_state_named_as_actor_does_not_make_the_article_about_it() {
    let x = extract_on(
        "An air strike hit an aid convoy west of Aleppo on Monday, killing 12 volunteers. Russia \
         denied its planes were involved. Russia said the convoy was not hit from the air. \
         Russia has called for an inquiry.",
        Some((2016, 9, 20)),
    );
    let lead = lead_of(&x);
    let place = lead.location.as_ref().expect("placed");
    assert_eq!(
        (place.name.as_str(), place.country.as_str()),
        ("Aleppo", "SY")
    );
    // A possessive places as "in" does.
    let x = extract_on(
        "Air strikes hit Syria's north on Monday, killing 12 civilians. Russia denied its planes \
         were involved. Russia said the claims were false.",
        Some((2016, 9, 20)),
    );
    let place = lead_of(&x).location.as_ref().expect("placed");
    assert_eq!(place.country, "SY", "{place:#?}");
}

#[test]
fn aircraft_behind_attacks_on_civilians_make_air_strikes() {
    let text = "Regime warplanes were behind the attacks that targeted an aid convoy near Aleppo \
                on Monday, killing 12 volunteers.";
    let e = only(text);
    assert_eq!(e.sub_event_type, SubEventType::AirDroneStrike, "{e:#?}");
    assert_eq!(e.casualties.civilians_killed, Some(12));
    // Gunmen fly nothing: their attack on civilians stays one.
    let e = only(&text.replace("Regime warplanes", "Gunmen"));
    assert_eq!(e.sub_event_type, SubEventType::Attack);
}

#[test]
fn munitions_carrying_a_chemical_agent_are_a_chemical_attack() {
    for text in [
        "Terrorists fired shells containing toxic materials on al-Hamadaniyeh in Aleppo.",
        "Rebels killed 84 people in Aleppo in a bombardment that included chemical weapons.",
    ] {
        let e = only(text);
        assert_eq!(
            e.sub_event_type,
            SubEventType::ChemicalWeapon,
            "{text}: {e:#?}"
        );
        assert_eq!(e.method.as_deref(), Some("chemical"));
    }
    // Side by side, not carried: two events.
    let x = events("Shelling hit Aleppo on Monday, a day before a chemical attack on Idlib.");
    assert_eq!(x.len(), 2, "{x:#?}");
}

#[test]
fn a_suicide_bombing_using_a_car_bomb_is_one_suicide_bombing() {
    let e = only(
        "Three citizens were killed in a suicide bombing using a car bomb in the al-Tadamun \
         neighbourhood of Damascus.",
    );
    assert_eq!(e.sub_event_type, SubEventType::SuicideBomb, "{e:#?}");
    assert_eq!(e.casualties.killed, Some(3));
}

#[test]
fn the_dead_go_to_what_killed_them_and_a_killing_blast_is_a_bombing() {
    let x = extract_on(
        "Heavy bombardment hit Aleppo and nearly 40 Syrian soldiers were killed when rebels \
         blew up a tunnel under a government position.",
        Some((2016, 7, 22)),
    );
    let blast = x
        .events
        .iter()
        .find(|e| e.method.as_deref() == Some("explosive"))
        .expect("the tunnel blast");
    assert_eq!(
        blast.sub_event_type,
        SubEventType::RemoteExplosive,
        "{blast:#?}"
    );
    assert_eq!(blast.casualties.killed, Some(40));
    let shelling = x
        .events
        .iter()
        .find(|e| e.sub_event_type == SubEventType::ShellingArtilleryMissileAttack)
        .expect("the bombardment");
    assert_eq!(shelling.casualties.killed, None);
}

#[test]
fn a_headline_blast_merged_with_the_tunnel_bombing_stays_with_it() {
    // The headline's generic "blast" is the tunnel bombing the body tells; once merged with
    // that report it says how, and no longer folds into the bombardment of the related links.
    let x = extract_on(
        "Rebel tunnel blast kills 38 soldiers in Aleppo\n\nRelated 43 civilians dead in \
         bombardment of rebel-held areas of Aleppo Nearly 40 soldiers were killed when rebels \
         blew up a tunnel under an army position in Aleppo on Thursday.",
        Some((2016, 7, 22)),
    );
    let lead = lead_of(&x);
    assert_eq!(
        lead.sub_event_type,
        SubEventType::RemoteExplosive,
        "{:#?}",
        x.events
    );
}

#[test]
fn a_suicide_bomb_attack_is_a_suicide_bombing() {
    let e = only("At least 22 people were killed in a double suicide bomb attack in Homs.");
    assert_eq!(e.sub_event_type, SubEventType::SuicideBomb, "{e:#?}");
    assert_eq!(e.casualties.killed, Some(22));
}

#[test]
fn people_broken_down_into_women_and_children_are_civilians() {
    let e = only(
        "Eleven people including a woman and a child were killed in rebel shelling of army \
         positions in Aleppo.",
    );
    assert_eq!(name(&e.actor2), Some("Syrian government forces"), "{e:#?}");
    assert_eq!(e.casualties.civilians_killed, Some(11), "{e:#?}");
    // Nor with soldiers among them.
    let e = only(
        "Twelve people including five soldiers and two children were killed in rebel shelling \
         of army positions in Aleppo.",
    );
    assert_ne!(e.casualties.civilians_killed, Some(12), "{e:#?}");
    // Without the breakdown, the dead of an attack on soldiers are not taken as civilians.
    let e = only("Eleven people were killed in rebel shelling of army positions in Aleppo.");
    assert_eq!(e.casualties.civilians_killed, None, "{e:#?}");
}

#[test]
fn a_protest_is_the_protesters_and_the_police_who_met_it_the_second_actor() {
    let e = only("Police fired tear gas at hundreds of teachers who rallied in Nairobi on Monday.");
    assert_eq!(e.event_type(), EventType::Protests, "{e:#?}");
    let a1 = e.actor1.as_ref().expect("actor1");
    assert_eq!(
        (a1.name.as_str(), a1.category),
        ("Protesters", ActorCategory::Protesters)
    );
    assert_eq!(a1.country.as_deref(), Some("KE"));
    assert!(e.rule.contains("+actor1:codebook"), "{}", e.rule);
    let a2 = e.actor2.as_ref().expect("actor2");
    assert_eq!(
        (a2.name.as_str(), a2.category),
        ("Police Forces of Kenya", ActorCategory::StateForces)
    );
}

#[test]
fn the_police_and_the_army_of_any_country_are_its_state_forces() {
    let e = only("Soldiers shot dead two suspected bandits near Gusau in Zamfara State.");
    let a1 = e.actor1.as_ref().expect("actor1");
    assert_eq!(a1.name, "Military Forces of Nigeria", "{e:#?}");
    assert_eq!(a1.country.as_deref(), Some("NG"));
    // Where the text says no country, the forces are still the state's.
    let e = only("Two men were killed in police firing on Tuesday night.");
    let a1 = e.actor1.as_ref().expect("actor1");
    assert_eq!(
        (a1.name.as_str(), a1.category, a1.country.as_deref()),
        ("Police Forces", ActorCategory::StateForces, None)
    );
}

#[test]
fn a_gunfight_is_an_armed_clash() {
    let e = only("A militant was killed in a gunfight with police in Khulna on Sunday.");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
    assert_eq!(e.casualties.killed, Some(1));
}

#[test]
fn violence_that_harmed_no_fighter_is_an_attack_on_civilians() {
    let e = only("Gunmen shot dead two traders in Kisumu on Friday.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    assert!(e.rule.contains("+type:unarmed-victims"), "{}", e.rule);
    // Fighters among the dead make it a clash.
    let e = only("Gunmen shot dead two soldiers in Kisumu on Friday.");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
    // Harm to nobody says nothing of the target.
    let e = only("Gunmen opened fire on a checkpoint in Kisumu on Friday.");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
}

#[test]
fn a_killing_is_the_event_of_a_text_that_reports_no_other() {
    let e = only("A shopkeeper was shot dead in Eldoret on Sunday night.");
    assert_eq!(
        e.event_type(),
        EventType::ViolenceAgainstCivilians,
        "{e:#?}"
    );
    assert_eq!(e.casualties.killed, Some(1));
    assert_eq!(name(&e.actor1), Some("Unidentified armed group"));
    // Beside a reported attack, an unattributed death is its toll, not an event of its own.
    let x = events("Rebels attacked an army post near Beni on Monday. Two people were killed.");
    assert_eq!(x.len(), 1, "{x:#?}");
    assert_eq!(x[0].casualties.killed, Some(2));
}

#[test]
fn violence_by_a_crowd_is_a_riot() {
    let e =
        only("Supporters of two rival candidates clashed in Kisumu on Sunday, injuring 12 people.");
    assert_eq!(e.sub_event_type, SubEventType::MobViolence, "{e:#?}");
    assert_eq!(name(&e.actor1), Some("Rioters"));
    assert!(e.rule.contains("+type:crowd"), "{}", e.rule);
    let e = only("Demonstrators clashed with police in Dakar during a protest over fuel prices.");
    assert_eq!(
        e.sub_event_type,
        SubEventType::ViolentDemonstration,
        "{e:#?}"
    );
    assert_eq!(name(&e.actor1), Some("Rioters"));
    assert_eq!(name(&e.actor2), Some("Police Forces of Senegal"));
    // A crowd telling of the violence is no crowd doing it.
    let e = only("Fierce clashes broke out near Talbiseh on Friday, residents said.");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
    // A crowd among the victims is no crowd doing violence.
    let e = only("Gunmen killed three students in Kisumu on Sunday.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    // In a clash both sides fought: villagers named as the second side are a crowd too.
    let e = only("Twenty people were hurt in a clash between the residents of two villages.");
    assert_eq!(e.sub_event_type, SubEventType::MobViolence, "{e:#?}");
    // Villagers who bore arms fought as a communal militia.
    let e =
        only("Twenty people were hurt in an armed clash between the residents of two villages.");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
    // The police named first in a clash with a crowd fought it, not attacked it.
    let e = only("Police clashed with students in Kisumu on Monday, leaving ten injured.");
    assert_eq!(e.sub_event_type, SubEventType::MobViolence, "{e:#?}");
    assert_eq!(name(&e.actor1), Some("Rioters"));
    // Fighting during a march is the march's, whoever is named.
    let e = only("Clashes broke out with police during a march in Dakar on Friday.");
    assert_eq!(
        e.sub_event_type,
        SubEventType::ViolentDemonstration,
        "{e:#?}"
    );
    // A month is no march.
    let e = only("On 12 March 2021, two people were killed in clashes near Beni.");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
}

#[test]
fn victims_are_read_where_the_verb_names_them() {
    // An active verb's victims follow it: the agent's "members" are no fighters harmed.
    let e = only("Members of a rival group assaulted a shopkeeper in Brahmanbaria.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    // A passive verb's victims are its subject; "by unidentified assailants" is its agent.
    let e = only("A jail inmate was killed by unidentified assailants in Gaibandha.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    assert_eq!(e.casualties.killed, Some(1));
    assert_eq!(name(&e.actor1), Some("Unidentified armed group"));
    assert!(e.rule.contains("role:passive-by"), "{}", e.rule);
    // Fighters named as the object keep it a clash.
    let e = only("Unknown gunmen attacked two policemen at a checkpoint in Kitale.");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
}

#[test]
fn beatings_and_stabbings_are_attacks() {
    let e = only("A trader was hacked to death by unknown men in Kisumu on Friday.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    let e = only("Unidentified assailants attacked and stabbed a council member in Lamu.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    // Done by a crowd, a beating is mob violence.
    let e = only("A mob beat a suspected thief in Kano on Monday.");
    assert_eq!(e.sub_event_type, SubEventType::MobViolence, "{e:#?}");
}

#[test]
fn people_who_beat_or_attack_someone_are_a_crowd_and_their_victim_civilians() {
    // Civilians as the subject of an active verb did the violence: a riot, with the rioters
    // as its first side and their victims, civilians, as its second.
    for text in [
        "Villagers beat a suspected thief in Kano on Monday.",
        "Residents attacked and killed a man they suspected of murder in Kisumu.",
        "Traders of the central market beat up a pickpocket in Jessore on Sunday.",
    ] {
        let e = only(text);
        assert_eq!(
            e.sub_event_type,
            SubEventType::MobViolence,
            "{text}: {e:#?}"
        );
        assert_eq!(name(&e.actor1), Some("Rioters"), "{text}");
        let victims = e.actor2.as_ref().map(|a| a.category);
        assert_eq!(victims, Some(ActorCategory::Civilians), "{text}: {e:#?}");
    }
    // Civilians named as the target of a noun stay its target.
    let e = only("Villagers came under attack by gunmen in Zamfara on Monday.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    assert_eq!(
        e.actor2.as_ref().map(|a| a.category),
        Some(ActorCategory::Civilians)
    );
}

#[test]
fn the_ways_people_protest_are_protests() {
    for text in [
        "Teachers formed a human chain in front of the district office in Bogra on Monday.",
        "Residents blocked the highway near Naivasha on Tuesday over water shortages.",
        "Hundreds of workers staged a march in Bobo-Dioulasso on Friday.",
        "Farmers gathered outside the town hall in Pune to denounce the new tax.",
        "Nurses held a press conference with banners in front of the hospital in Jeonju.",
        "Residents gathered in front of the governor's office in Kano to demand water.",
        "Protesters demanded higher wages outside the parliament in Valencia.",
    ] {
        let e = only(text);
        assert_eq!(e.event_type(), EventType::Protests, "{text}: {e:#?}");
        assert_eq!(name(&e.actor1), Some("Protesters"));
    }
}

#[test]
fn what_a_protest_is_about_does_not_lead() {
    for text in [
        "Students marched in Lagos on Monday against the killing of a classmate by police.",
        "Women formed a human chain in Khulna protesting the rape of a schoolgirl.",
    ] {
        let x = extract_on(text, None);
        let lead = lead_of(&x);
        assert_eq!(
            lead.event_type(),
            EventType::Protests,
            "{text}: {:#?}",
            x.events
        );
    }
    // With no protest before it, the killing leads.
    let x = extract_on(
        "Police killed a student in Lagos on Monday. Classmates later marched to the station.",
        None,
    );
    assert_eq!(
        lead_of(&x).event_type(),
        EventType::ViolenceAgainstCivilians
    );
}

#[test]
fn a_protest_whose_crowd_does_violence_is_a_violent_demonstration() {
    for text in [
        "Students protested in Pouytenga over fees and pelted the police station with stones.",
        "Traders demonstrated in Kisii on Monday, burning tyres on the main road.",
        "Students put up barricades on the highway in Pabna to protest against higher fees.",
        "Villagers protested in Korra against the new dam and threw rocks at the contractors.",
    ] {
        let e = only(text);
        assert_eq!(
            e.sub_event_type,
            SubEventType::ViolentDemonstration,
            "{text}: {e:#?}"
        );
        assert_eq!(name(&e.actor1), Some("Rioters"));
        assert!(e.rule.contains("type:violent-protest"), "{}", e.rule);
    }
    // Violence the protest is about is no violence of its crowd.
    let x = extract_on(
        "Hundreds of students marched in Dhaka in solidarity with the victims of the attacks.",
        None,
    );
    assert_eq!(
        lead_of(&x).sub_event_type,
        SubEventType::PeacefulProtest,
        "{:#?}",
        x.events
    );
}

#[test]
fn arrests_at_a_protest_are_its_intervention() {
    let x = extract_on(
        "Hundreds of teachers marched on the ministry in Harare on Monday. Police arrested 12 \
         of them.",
        None,
    );
    let lead = lead_of(&x);
    assert_eq!(
        lead.sub_event_type,
        SubEventType::ProtestWithIntervention,
        "{:#?}",
        x.events
    );
    assert_eq!(lead.evidence, vec![0, 1]);
    // The arrests stay an event of their own.
    let arrests = x
        .events
        .iter()
        .find(|e| e.sub_event_type == SubEventType::Arrests)
        .expect("the arrests");
    assert!(
        arrests.rule.contains("arrest:at-protest"),
        "{}",
        arrests.rule
    );
    // Arrests a protest is about are no intervention in it.
    let x = extract_on(
        "Lawyers rallied in Lahore demanding the release of colleagues detained last month.",
        None,
    );
    assert_eq!(lead_of(&x).sub_event_type, SubEventType::PeacefulProtest);
}

#[test]
fn destruction_is_coded_by_who_did_it() {
    let e = only("Militants burned a school in the village of Toptiagou on Tuesday.");
    assert_eq!(
        e.sub_event_type,
        SubEventType::LootingPropertyDestruction,
        "{e:#?}"
    );
    let e = only("Settlers vandalized a shed and uprooted olive trees near Salfit.");
    assert_eq!(
        e.sub_event_type,
        SubEventType::LootingPropertyDestruction,
        "{e:#?}"
    );
    // By a crowd, a riot: mob violence, or a violent demonstration during a hartal.
    let e = only("Villagers ransacked the health centre in Bungoma on Monday.");
    assert_eq!(e.sub_event_type, SubEventType::MobViolence, "{e:#?}");
    let e = only("Pickets set fire to a truck in Magura during the hartal.");
    assert_eq!(
        e.sub_event_type,
        SubEventType::ViolentDemonstration,
        "{e:#?}"
    );
}

#[test]
fn violence_both_ways_is_a_clash() {
    let e = only("Two armed groups of villagers attacked each other with guns in Sunamganj.");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
    // Done by a crowd with no arms named, a riot.
    let e = only("Villagers of two hamlets attacked one another over a pond in Sunamganj.");
    assert_eq!(e.sub_event_type, SubEventType::MobViolence, "{e:#?}");
}

#[test]
fn changes_to_a_groups_activity_are_strategic_developments() {
    for text in [
        "The governor imposed a curfew on Kalale from 8 pm on Monday.",
        "The army deployed two battalions with heavy equipment in Sirarou.",
    ] {
        let e = only(text);
        assert_eq!(
            e.sub_event_type,
            SubEventType::ChangeToGroupActivity,
            "{text}: {e:#?}"
        );
    }
}

#[test]
fn weapons_kept_from_use_are_disrupted() {
    for text in [
        "Police recovered 37 handmade bombs from a sand heap in Brahmanbaria.",
        "Soldiers discovered and defused two IEDs on the road to Gao.",
    ] {
        let e = only(text);
        assert_eq!(
            e.sub_event_type,
            SubEventType::DisruptedWeaponsUse,
            "{text}: {e:#?}"
        );
    }
    let e = only("Police recovered 37 handmade bombs from a sand heap in Brahmanbaria.");
    assert!(e.rule.contains("type:disrupted"), "{}", e.rule);
    // A bomb that went off is an explosion.
    let e = only("A roadside bomb exploded near a police patrol in Gao.");
    assert_eq!(e.sub_event_type, SubEventType::RemoteExplosive, "{e:#?}");
}

#[test]
fn a_labour_strike_is_a_protest() {
    for text in [
        "Teachers began an indefinite strike in Ouagadougou on Monday.",
        "Dock workers went on strike in Mombasa over unpaid wages.",
        "Doctors staged a 48-hour strike at the main hospital in Kano.",
    ] {
        let e = only(text);
        assert_eq!(
            e.sub_event_type,
            SubEventType::PeacefulProtest,
            "{text}: {e:#?}"
        );
    }
}

#[test]
fn a_protest_met_with_force_is_an_intervention() {
    let e =
        only("Police fired tear gas to disperse students who marched in Ouagadougou on Monday.");
    assert_eq!(
        e.sub_event_type,
        SubEventType::ProtestWithIntervention,
        "{e:#?}"
    );
    assert_eq!(name(&e.actor1), Some("Protesters"));
    // The students are the protesters, not a second side.
    assert_eq!(name(&e.actor2), None);
    let e = only(
        "Police dispersed a rally in Khartoum with live fire on Thursday, killing two protesters.",
    );
    assert_eq!(
        e.sub_event_type,
        SubEventType::ExcessiveForceAgainstProtesters,
        "{e:#?}"
    );
    assert_eq!(name(&e.actor1), Some("Protesters"));
    assert_eq!(name(&e.actor2), Some("Police Forces of Sudan"));
    // The dead a protest is about are no force met with: an intervention, with no deaths.
    let e = only(
        "Police fired tear gas at students who marched in Nairobi on Monday against the \
         killing of a teacher.",
    );
    assert_eq!(
        e.sub_event_type,
        SubEventType::ProtestWithIntervention,
        "{e:#?}"
    );
    assert_eq!(e.casualties.killed, None);
}

#[test]
fn uncounted_victims_named_by_the_trigger_decide_the_type() {
    let e = only("In Piripiri, a woman and a girl were shot and killed by two armed individuals.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    let e = only("Unknown gunmen killed a village councilman in Diahoye on Monday.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    let e = only("Unknown gunmen killed a policeman in Diahoye on Monday.");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
}

/// Killing words event notes use beside "killed": murders, assassinations, stranglings, and a
/// headline's present tense ("shoot dead"); lynching by a mob; the sit-in of South Asian
/// protest reports (dharna).
#[test]
fn murders_assassinations_lynchings_and_sit_ins() {
    let e = only("Unidentified gunmen assassinated a village chief in Korra district on Monday.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    let e = only("A shopkeeper was strangled to death by robbers in Tamsin on Friday.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    let e = only("Police investigate the murder of a schoolteacher in Baleni.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    let e = only("Villagers lynch a suspected cattle thief in Ugoro.");
    assert_eq!(e.sub_event_type, SubEventType::MobViolence, "{e:#?}");
    let e = only("Teachers staged a dharna in front of the district office in Pelli.");
    assert_eq!(e.sub_event_type, SubEventType::PeacefulProtest, "{e:#?}");
    // A murder case is no murder reported.
    assert!(events("The court heard the murder case against three men in Dasmar.").is_empty());
}

/// More of the words event notes write violence with: a riot as a verb, shoot outs written
/// apart, a clash's present tense, killing with a machete, an abduction's present tense.
#[test]
fn riots_shoot_outs_and_present_tenses() {
    let e = only("Students rioted in Korra after the exam results were cancelled.");
    assert_eq!(e.event_type(), EventType::Riots, "{e:#?}");
    let e = only("Two shoot outs between gangs were reported in Tamsin on Sunday.");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
    let e = only("Soldiers and rebels exchange fire near Baleni.");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
    let e = only("Bandits chopped a herder to death in Ugoro.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    let e = only("Gunmen abduct two traders on the road to Pelli.");
    assert_eq!(
        e.sub_event_type,
        SubEventType::AbductionForcedDisappearance,
        "{e:#?}"
    );
}

#[test]
fn a_find_of_the_dead_is_an_attack_without_the_finders_as_its_agent() {
    let e = only("Police found the bodies of three men dumped by a roadside in Culiacan.");
    assert_eq!(e.sub_event_type, SubEventType::Attack);
    // The police found them; they are no party to the killing.
    assert!(
        name(&e.actor1).is_none_or(|a| !a.contains("Police")),
        "{:?}",
        e.actor1
    );
    // Nor its target: the dead are the codebook's civilians.
    assert_eq!(name(&e.actor2), Some("Civilians"));
    assert_eq!(
        only("The bodies of two men were found in Ecatepec on Monday.").sub_event_type,
        SubEventType::Attack
    );
}

#[test]
fn a_find_told_in_the_present_tense() {
    // Headlines tell finds in the present: "They locate a body ...".
    let e = only("They locate a body in the El Dorado neighborhood of Culiacan.");
    assert_eq!(e.sub_event_type, SubEventType::Attack);
    assert_eq!(name(&e.actor2), Some("Civilians"));
}

#[test]
fn assassinate_in_the_present_tense() {
    // A commander is armed: ACLED codes his killing as a clash; a teacher's as an attack.
    let e = only("Gunmen assassinate a local commander in the countryside of Daraa.");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash);
    let e = only("Gunmen assassinate a teacher in the countryside of Daraa.");
    assert_eq!(e.sub_event_type, SubEventType::Attack);
}

#[test]
fn murder_as_a_verb_before_its_object() {
    let e = only("Armed men murder a woman inside her home in Uruapan.");
    assert_eq!(e.sub_event_type, SubEventType::Attack);
    // "murder" before anything but its object is not the verb ("a murder case").
    assert!(events("Police registered a murder case against the landlord.").is_empty());
}

/// Violence told by its harm alone: "wounded", "injured" are events when nothing else in the
/// sentence names one, typed by whom they hit.
#[test]
fn wounding_is_an_event_when_nothing_else_is_named() {
    let e = only("A farmer was wounded by gunmen at his home in Korra on Monday.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    let e = only("Two soldiers were injured near Baleni on Friday.");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
    // A more specific trigger of the sentence is the event; the wounding is its toll.
    let e = only("Three civilians were wounded when shelling hit Tamsin.");
    assert_eq!(
        e.sub_event_type,
        SubEventType::ShellingArtilleryMissileAttack,
        "{e:#?}"
    );
}

/// The other words reports use for these acts: opening fire, stone throwing by a crowd,
/// police tear gas on a gathering, hostages, a repelled attack, strikes from work, seized arms.
#[test]
fn gunfire_stones_tear_gas_hostages_and_seizures() {
    let e = only("Unknown gunmen opened fire on a minibus near Pelli on Sunday.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    let e = only("Youths threw stones at passing cars in Ugoro on Tuesday.");
    assert_eq!(e.event_type(), EventType::Riots, "{e:#?}");
    let e = only("Police fired tear gas at traders gathered outside the market in Dasmar.");
    assert_eq!(
        e.sub_event_type,
        SubEventType::ProtestWithIntervention,
        "{e:#?}"
    );
    let e = only("Gunmen held hostage twelve passengers of a bus near Korra.");
    assert_eq!(
        e.sub_event_type,
        SubEventType::AbductionForcedDisappearance,
        "{e:#?}"
    );
    let e = only("Soldiers repelled militants at a checkpoint outside Baleni.");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
    let e = only("Militants besieged the town of Korra for a week.");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
    // "The besieged town" names a siege's victim, not an event.
    assert!(events("Aid reached the besieged town of Korra on Monday.").is_empty());
    let e = only("Nurses began a work stoppage at the hospital in Tamsin.");
    assert_eq!(e.sub_event_type, SubEventType::PeacefulProtest, "{e:#?}");
    let e = only("Police seized weapons and ammunition in a house in Pelli.");
    assert_eq!(
        e.sub_event_type,
        SubEventType::DisruptedWeaponsUse,
        "{e:#?}"
    );
}

/// Who event notes say did it and to whom: an armed individual is an unidentified armed
/// group; a truck, a tracker, a preacher are unarmed targets; livestock seized is no territory.
#[test]
fn armed_individuals_unarmed_targets_and_seized_livestock() {
    let e = only("An armed individual killed two persons at a filling station in Korra.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    assert_eq!(name(&e.actor1), Some("Unidentified armed group"));
    let e = only("Militants opened fire on a truck near Baleni on Sunday.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    let e = only("Gunmen shot dead a wildlife tracker in Tamsin.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    let e = only("Militants killed a preacher and seized his livestock in Pelli.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    let e = only("Armed bandits attacked a polling station in Korra on Saturday.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
}

/// Barricades are a violent demonstration, as ACLED's codebook has it; taking part of a town
/// is taking territory, whatever "part" means after "took" alone.
#[test]
fn barricades_and_part_of_a_town_taken() {
    let e = only("Residents barricaded the road to the mine near Korra on Monday.");
    assert_eq!(
        e.sub_event_type,
        SubEventType::ViolentDemonstration,
        "{e:#?}"
    );
    let e = only("Rebels took control of part of Rwanguba on Friday.");
    assert_eq!(
        e.sub_event_type,
        SubEventType::NonStateActorOvertakesTerritory,
        "{e:#?}"
    );
}

/// Armed people named by the words of the regions they serve in: jawans, rangers, Arbakis,
/// levies are combatants when counted among the dead.
#[test]
fn jawans_and_rangers_are_combatants() {
    let e = only("Two jawans were killed in an attack by militants near Korra.");
    assert_eq!(e.casualties.combatants_killed, Some(2), "{e:#?}");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
}

/// Arrests demanded, urged, owed or denied are no arrests made.
#[test]
fn arrests_with_no_one_named_making_them_are_the_states() {
    let e = only("Three opposition activists were detained in Feni on Monday.");
    assert_eq!(e.sub_event_type, SubEventType::Arrests);
    assert_eq!(
        e.actor1.as_ref().map(|a| a.category),
        Some(polemos_core::ActorCategory::StateForces),
        "{e:#?}"
    );
    assert!(e.rule.contains("actor1:codebook"), "{}", e.rule);
    // A subject the dictionary does not know made them: no state's forces stand in for it.
    let e = only("The Feni Youth Front said it had detained two suspects in Feni.");
    assert!(e.actor1.is_none(), "{e:#?}");
}

#[test]
fn arrests_demanded_or_denied_are_not_asserted() {
    for (text, modality) in [
        (
            "He said the party leaders should be arrested under the new act.",
            Modality::Hypothetical,
        ),
        (
            "The opposition demanded the arrest of the district officer.",
            Modality::Hypothetical,
        ),
        (
            "Leaders of the march are likely to be arrested on Friday.",
            Modality::Hypothetical,
        ),
        (
            "Nobody was arrested as the march was peaceful.",
            Modality::Negated,
        ),
    ] {
        let e = only(text);
        assert_eq!(e.sub_event_type, SubEventType::Arrests, "{text}");
        assert_eq!(e.modality, modality, "{text}");
    }
    // Made, an arrest is asserted.
    let e = only("Police arrested the party leaders in Korra on Monday.");
    assert_eq!(e.modality, Modality::Asserted);
}

/// A killing told beside violence that is only supposed is an event of its own.
#[test]
fn a_killing_beside_supposed_violence_stands() {
    let found = events(
        "Rebels said the army might shell Korra next week, and on Monday armed gunmen killed \
         two farmers in Baleni.",
    );
    assert!(
        found
            .iter()
            .any(|e| e.modality == Modality::Asserted && e.sub_event_type == SubEventType::Attack),
        "{found:#?}"
    );
}

#[test]
fn arrests_and_peaceful_protests_record_no_deaths() {
    // ACLED's codebook gives an arrest no fatalities: the dead of its sentence are another
    // event's, here one told without a trigger.
    let x = extract_on(
        "Police arrested two men in Surat on Monday over the carnage in which 58 people were \
         burnt alive.",
        None,
    );
    let arrest = x
        .events
        .iter()
        .find(|e| e.sub_event_type == SubEventType::Arrests)
        .expect("the arrest is an event");
    assert_eq!(arrest.casualties.killed, None, "{:#?}", x.events);
}

#[test]
fn a_groups_members_counted_as_civilians_are_civilians_harmed() {
    // The group names the dead, and the text counts them as civilians: an attack on civilians.
    let e = only("Two PCJSS activists were shot dead by unidentified gunmen in Rangamati.");
    assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    assert_eq!(
        e.actor2.as_ref().map(|a| a.category),
        Some(ActorCategory::Civilians)
    );
    // Its fighters killed stay a clash.
    let e = only("Two PCJSS cadres were shot dead by unidentified gunmen in Rangamati.");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
}

//! Training, cross-validating, saving and applying event-type models, on labelled texts
//! written for these tests (sentences made from small authored word lists).

use std::sync::{Arc, OnceLock};

use polemos_core::{Document, DocumentExtraction, SubEventType};
use polemos_extract::classify::{
    cross_validate, train, ModelError, ModelInfo, RulesReading, TrainOptions, TypeModel,
};
use polemos_extract::{Pipeline, Resources};

const TOWNS: &[&str] = &[
    "Korra", "Baleni", "Tamsin", "Ugoro", "Pelli", "Dasmar", "Horvik", "Nuala", "Seret", "Abano",
];
const GROUPS: &[&str] = &[
    "teachers",
    "farmers",
    "students",
    "traders",
    "nurses",
    "miners",
    "drivers",
    "residents",
];

/// Labelled texts of four sub-event types, `n` of each, in words that tell them apart as a
/// codebook would: protests demand, clashes are between armed sides, attacks hit people who
/// do not fight back, and one codebook of the user's own (see `own_codebook`).
fn labelled(n: usize) -> (Vec<String>, Vec<String>) {
    let mut texts = Vec::new();
    let mut labels = Vec::new();
    for i in 0..n {
        let town = TOWNS[i % TOWNS.len()];
        let other = TOWNS[(i * 3 + 1) % TOWNS.len()];
        let group = GROUPS[i % GROUPS.len()];
        let count = 2 + i % 9;
        let samples = [
            (
                format!(
                    "{group} gathered peacefully outside the council office in {town} to demand \
                     higher wages, carrying banners and chanting slogans."
                ),
                "Peaceful protest",
            ),
            (
                format!(
                    "Army troops and rebel fighters exchanged fire near {town} for several hours; \
                     {count} combatants were killed on both sides before the rebels withdrew \
                     towards {other}."
                ),
                "Armed clash",
            ),
            (
                format!(
                    "Unidentified gunmen stormed a house in {town} and shot dead {count} unarmed \
                     {group}, then fled on motorbikes towards {other}."
                ),
                "Attack",
            ),
            (
                format!(
                    "Military aircraft bombed positions in {town}; the air raids destroyed \
                     buildings and killed {count} people near {other}."
                ),
                "Air/drone strike",
            ),
        ];
        for (text, label) in samples {
            texts.push(text);
            labels.push(label.to_string());
        }
    }
    (texts, labels)
}

fn info(name: &str) -> ModelInfo {
    ModelInfo {
        name: name.into(),
        ..ModelInfo::unnamed()
    }
}

fn model() -> &'static TypeModel {
    static MODEL: OnceLock<TypeModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        let (texts, labels) = labelled(40);
        train(
            &texts,
            &labels,
            None,
            info("tests"),
            &TrainOptions::default(),
        )
        .expect("trains")
    })
}

fn base_pipeline() -> Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE
        .get_or_init(|| Pipeline::new(Resources::embedded().expect("resources load")))
        .clone()
}

fn extract(pipeline: &Pipeline, text: &str) -> DocumentExtraction {
    pipeline.process(Document::from_text("t", text))
}

#[test]
fn learns_the_labels_and_says_how_sure_it_is() {
    let m = model();
    assert_eq!(
        m.labels(),
        [
            "Air/drone strike",
            "Armed clash",
            "Attack",
            "Peaceful protest"
        ]
    );
    assert!(m.types_sub_events());
    assert_eq!(m.info().n_examples, 160);
    let p = m.predict("Nurses gathered outside the ministry in Lomar to demand their pay.");
    assert_eq!(p.label, "Peaceful protest");
    assert!(p.probability > 0.5 && p.probability <= 1.0, "{p:?}");
    let p = m.predict("Gunmen shot dead three unarmed traders in a house in Vesk.");
    assert_eq!(p.label, "Attack", "{p:?}");
}

#[test]
fn cross_validation_types_held_out_texts() {
    let (texts, labels) = labelled(20);
    let (names, cv) = cross_validate(&texts, &labels, None, 4, &TrainOptions::default()).unwrap();
    assert_eq!(names.len(), 4);
    assert_eq!(cv.fold_accuracy.len(), 4);
    let held_out: u32 = cv.confusion.iter().flatten().sum();
    assert_eq!(
        held_out as usize,
        texts.len(),
        "every text is held out once"
    );
    assert!(cv.accuracy() > 0.9, "{}", cv.render(&names));
    assert_eq!(
        cv.event_type_accuracy(&names).map(|a| a >= cv.accuracy()),
        Some(true)
    );
}

#[test]
fn training_is_deterministic_and_the_file_round_trips() {
    let (texts, labels) = labelled(10);
    let a = train(&texts, &labels, None, info("a"), &TrainOptions::default()).unwrap();
    let b = train(&texts, &labels, None, info("a"), &TrainOptions::default()).unwrap();
    let bytes = a.to_bytes().unwrap();
    assert_eq!(bytes, b.to_bytes().unwrap(), "same data, same model");
    let back = TypeModel::from_bytes(&bytes).unwrap();
    assert_eq!(back, a);
    assert_eq!(back.describe(), a.describe());

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.polemos");
    a.save(&path).unwrap();
    assert_eq!(TypeModel::load(&path).unwrap(), a);
}

#[test]
fn damaged_and_foreign_files_are_refused_with_a_reason() {
    let bytes = model().to_bytes().unwrap();
    let message = |b: &[u8]| match TypeModel::from_bytes(b) {
        Err(ModelError::Format(m)) => m,
        other => panic!("expected a format error, got {other:?}"),
    };
    assert!(message(b"id,notes\n1,hello\n").contains("not a polemos model file"));
    let mut newer = bytes.clone();
    newer[8] = 99;
    assert!(message(&newer).contains("format 99"), "{}", message(&newer));
    assert!(message(&bytes[..bytes.len() / 2]).contains("damaged"));
    let missing = TypeModel::load(std::path::Path::new("/no/such/model.polemos"));
    assert!(matches!(missing, Err(ModelError::Io { .. })));
}

#[test]
fn bad_training_data_is_an_error() {
    let one_label = train(
        &["a", "b"],
        &["x", "x"],
        None,
        info("m"),
        &TrainOptions::default(),
    );
    assert!(matches!(one_label, Err(ModelError::Training(m)) if m.contains("two labels")));
    let lengths = train(
        &["a", "b"],
        &["x"],
        None,
        info("m"),
        &TrainOptions::default(),
    );
    assert!(matches!(lengths, Err(ModelError::Training(_))));
    let empty_label = train(
        &["a", "b"],
        &["x", " "],
        None,
        info("m"),
        &TrainOptions::default(),
    );
    assert!(matches!(empty_label, Err(ModelError::Training(m)) if m.contains("row 1")));
    let folds = cross_validate(&["a", "b"], &["x", "y"], None, 3, &TrainOptions::default());
    assert!(matches!(folds, Err(ModelError::Training(_))));
}

#[test]
fn without_a_model_events_are_the_rules_own() {
    let text = "Soldiers clashed with rebels in Korra, killing 4 fighters.";
    let rules = extract(&base_pipeline(), text);
    assert!(rules.events.iter().all(|e| e.typing.is_none()));
    let with_model = extract(&base_pipeline().with_model(Arc::new(model().clone())), text);
    assert_eq!(rules.events.len(), with_model.events.len());
    for (r, m) in rules.events.iter().zip(&with_model.events) {
        let typing = m.typing.as_ref().expect("the model read every event");
        assert_eq!(typing.rules_sub_event_type, Some(r.sub_event_type));
        assert!(typing.probability > 0.0 && typing.probability <= 1.0);
    }
}

/// A codebook that codes any shooting of people as an attack on civilians, even when the
/// rules read a clash: where the model is sure, its sub-event type wins, and the rules' one
/// is kept beside it. A type the model was not taught is not its to judge.
#[test]
fn a_confident_model_retypes_and_the_rules_answer_is_kept() {
    let mut texts = Vec::new();
    let mut labels = Vec::new();
    for (i, town) in TOWNS.iter().enumerate() {
        let group = GROUPS[i % GROUPS.len()];
        let samples = [
            (
                format!("Gunmen clashed with {group} in {town} and shot them dead."),
                "Attack",
            ),
            (
                format!("Army troops and rebels exchanged fire for hours near {town}."),
                "Armed clash",
            ),
            (
                format!("{group} marched through {town} with banners to demand water."),
                "Peaceful protest",
            ),
        ];
        for (text, label) in samples {
            texts.push(text);
            labels.push(label.to_string());
        }
    }
    let m = train(
        &texts,
        &labels,
        None,
        info("mine"),
        &TrainOptions::default(),
    )
    .unwrap();
    let pipeline = base_pipeline().with_model(Arc::new(m));
    let text = "Gunmen clashed with farmers in Tamsin and shot them dead.";
    let x = extract(&pipeline, text);
    let lead = x.events.iter().find(|e| e.is_lead).expect("an event");
    let typing = lead.typing.as_ref().unwrap();
    // The rules read "clashed with" as a clash (should they come to read this sentence as
    // an attack, write one they read otherwise).
    assert_eq!(typing.rules_sub_event_type, Some(SubEventType::ArmedClash));
    assert_eq!(lead.sub_event_type, SubEventType::Attack, "{lead:#?}");
    assert!(typing.probability >= 0.5);
    assert!(lead.rule.ends_with("+model:mine"), "{}", lead.rule);
    let rules = extract(&base_pipeline(), text);
    let rules_lead = rules.events.iter().find(|e| e.is_lead).unwrap();
    assert_eq!(typing.rules_sub_event_type, Some(rules_lead.sub_event_type));

    // Air strikes are none of the model's three labels: the rules' type stands.
    let x = extract(
        &pipeline,
        "Warplanes bombed the market in Tamsin, killing 9 people.",
    );
    let lead = x.events.iter().find(|e| e.is_lead).expect("an event");
    assert_eq!(
        lead.sub_event_type,
        SubEventType::AirDroneStrike,
        "{lead:#?}"
    );
    assert!(!lead.rule.contains("+model:"));
    assert!(lead.typing.is_some());
}

#[test]
fn labels_of_a_users_own_codebook_leave_the_acled_types_alone() {
    let (texts, labels) = labelled(10);
    let own: Vec<String> = labels
        .iter()
        .map(|l| {
            if l == "Peaceful protest" {
                "civic"
            } else {
                "violent"
            }
            .to_string()
        })
        .collect();
    let m = train(&texts, &own, None, info("own"), &TrainOptions::default()).unwrap();
    assert!(!m.types_sub_events());
    let text = "Army troops and rebel fighters exchanged fire near Pelli; 3 were killed.";
    let x = extract(&base_pipeline().with_model(Arc::new(m)), text);
    let rules = extract(&base_pipeline(), text);
    assert!(!x.events.is_empty());
    for (e, r) in x.events.iter().zip(&rules.events) {
        assert_eq!(e.sub_event_type, r.sub_event_type);
        assert_eq!(e.rule, r.rule);
        assert_eq!(e.typing.as_ref().map(|t| t.label.as_str()), Some("violent"));
    }
}

/// A model trained only on events reads every passage as one of them; text with no word of
/// violence or protest must not become an event because of it.
#[test]
fn text_without_a_trigger_gets_no_event_from_the_model() {
    let pipeline = base_pipeline().with_model(Arc::new(model().clone()));
    let x = extract(
        &pipeline,
        "The council of Korra approved a new budget for schools and roads. Traders welcomed \
         the decision at a meeting in Baleni.",
    );
    assert!(x.events.is_empty(), "{:#?}", x.events);
}

/// A model that also learnt a kind of event the rules have no trigger for (families
/// arriving displaced, coded "Other"), from texts of `n` of each kind.
fn model_knowing_displacement(n: usize) -> TypeModel {
    let (mut texts, mut labels) = labelled(n);
    for i in 0..n {
        let town = TOWNS[i % TOWNS.len()];
        let other = TOWNS[(i * 7 + 3) % TOWNS.len()];
        let count = 20 + 13 * i;
        texts.push(format!(
            "Displacement: about {count} families from {town} arrived in {other} and were \
             registered by the local authorities."
        ));
        labels.push("Other".to_string());
    }
    train(
        &texts,
        &labels,
        None,
        info("moves"),
        &TrainOptions::default(),
    )
    .expect("trains")
}

/// A short text the rules find no trigger in, written as the model's training texts of one
/// kind are, is an event of the model's own: its rule names the model, and the rules' type is
/// none.
#[test]
fn a_short_text_like_the_models_own_is_its_event_without_a_trigger() {
    let text = "Displacement: about 140 families from Pelli arrived in Seret and were registered \
                by the local authorities.";
    let rules = extract(&base_pipeline(), text);
    assert!(rules.events.is_empty(), "{:#?}", rules.events);
    let pipeline = base_pipeline().with_model(Arc::new(model_knowing_displacement(30)));
    let x = extract(&pipeline, text);
    let [e] = x.events.as_slice() else {
        panic!("one event: {:#?}", x.events)
    };
    assert_eq!(e.sub_event_type, SubEventType::Other);
    assert_eq!(e.rule, "model:moves");
    let typing = e.typing.as_ref().expect("the model's reading");
    assert!(typing.probability >= 0.8, "{typing:?}");
    assert_eq!(typing.rules_sub_event_type, None);
}

/// However sure the model is, a short text mostly of words and pairs it never saw is not its
/// event: it learnt events only, and reads any text as one.
#[test]
fn a_short_text_unlike_the_models_own_is_no_event_however_sure_it_is() {
    let model = model_knowing_displacement(30);
    let text = "About 140 families of music fans from Pelli arrived in Seret for the annual \
                festival and were welcomed by its organisers.";
    let words_alone = model.predict(text);
    assert!(words_alone.probability >= 0.8, "{words_alone:?}");
    let x = extract(&base_pipeline().with_model(Arc::new(model)), text);
    assert!(x.events.is_empty(), "{:#?}", x.events);
}

/// The rules' reading of a text: the type and trigger rule of the event they lead with.
#[test]
fn the_rules_reading_of_a_text_is_its_lead_events_type_and_trigger() {
    let readings = base_pipeline().rules_readings(&[
        "Soldiers clashed with rebels in Korra, killing 4 fighters.",
        "The council of Korra approved a new budget for schools and roads.",
    ]);
    assert_eq!(readings[0].sub_event_type, Some(SubEventType::ArmedClash));
    let trigger = readings[0].trigger.as_deref().unwrap_or_default();
    assert!(trigger.starts_with("clash"), "{trigger}");
    assert!(!trigger.contains('+'), "{trigger}");
    assert_eq!(readings[1], RulesReading::default());
}

/// A codebook in which what decides is what the rules read, not the words: texts that say
/// nothing, labelled an attack where the rules read a clash and a protest where they read a
/// protest. A model trained with the rules' readings learns that, and types a clash the rules
/// find as the codebook's attack; a model of the words alone cannot, and leaves the rules'
/// type.
#[test]
fn a_model_reading_the_rules_learns_what_their_types_mean_in_a_codebook() {
    let clash = RulesReading {
        sub_event_type: Some(SubEventType::ArmedClash),
        trigger: Some("clash.verb".into()),
    };
    let protest = RulesReading {
        sub_event_type: Some(SubEventType::PeacefulProtest),
        trigger: Some("protest.verb".into()),
    };
    let (mut texts, mut labels, mut readings) = (Vec::new(), Vec::new(), Vec::new());
    for town in TOWNS {
        for (reading, label) in [(&clash, "Attack"), (&protest, "Peaceful protest")] {
            texts.push(format!("It happened in {town} on that day."));
            labels.push(label.to_string());
            readings.push(reading.clone());
        }
    }
    let options = TrainOptions::default();
    let reading = train(&texts, &labels, Some(&readings), info("reads"), &options).unwrap();
    assert!(reading.reads_rules());
    let words = train(&texts, &labels, None, info("words"), &options).unwrap();
    assert!(!words.reads_rules());

    let text = "Soldiers clashed with rebels in Korra, killing 4 fighters.";
    let lead = |m: TypeModel| {
        let x = extract(&base_pipeline().with_model(Arc::new(m)), text);
        x.events.into_iter().find(|e| e.is_lead).expect("an event")
    };
    let by_reading = lead(reading.clone());
    assert_eq!(
        by_reading.sub_event_type,
        SubEventType::Attack,
        "{by_reading:#?}"
    );
    assert!(
        by_reading.rule.ends_with("+model:reads"),
        "{}",
        by_reading.rule
    );
    let typing = by_reading.typing.as_ref().unwrap();
    assert_eq!(typing.rules_sub_event_type, Some(SubEventType::ArmedClash));
    assert!(typing.probability > 0.9, "{typing:?}");
    let by_words = lead(words);
    assert_eq!(
        by_words.sub_event_type,
        SubEventType::ArmedClash,
        "{by_words:#?}"
    );
    // Air strikes are none of its labels, and the rules gave none to its texts: the model does
    // not know what they mean in this codebook, and the rules' type stands.
    let x = extract(
        &base_pipeline().with_model(Arc::new(reading.clone())),
        "Warplanes bombed the market in Tamsin, killing 9 people.",
    );
    let air = x.events.iter().find(|e| e.is_lead).expect("an event");
    assert_eq!(air.sub_event_type, SubEventType::AirDroneStrike, "{air:#?}");

    // One reading per text, or none at all.
    let short = train(&texts, &labels, Some(&readings[1..]), info("m"), &options);
    assert!(matches!(short, Err(ModelError::Training(m)) if m.contains("readings")));
}

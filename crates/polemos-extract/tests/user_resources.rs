//! A researcher's own folder of data files (`Resources::from_dir`): actors, triggers and word
//! classes added to the built-in ones, with every file in the provenance and clear errors.

#![allow(clippy::unwrap_used)] // Helpers outside #[test] fns; a panic is a test failure.

use polemos_extract::{Document, Pipeline, Resources, REPLACE_MARKER};

const TEXT: &str = "Fighters of the Northern Valley Union waylaid a convoy near Mopti on Monday, \
                    killing three lorry drivers.";

fn lead(resources: Resources) -> polemos_core::Event {
    let out = Pipeline::new(resources).run(vec![Document::from_text("a", TEXT)]);
    out[0]
        .events
        .iter()
        .find(|e| e.is_lead)
        .cloned()
        .expect("an event")
}

fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn a_folder_adds_an_actor_a_trigger_and_a_victim_group() {
    let before =
        Pipeline::new(Resources::embedded().unwrap()).run(vec![Document::from_text("a", TEXT)]);
    assert!(before[0]
        .events
        .iter()
        .all(|e| e.trigger_span.slice(TEXT) != "waylaid"));

    let dir = folder(&[
        (
            "actors.tsv",
            "# Groups of my study area.\n\
             name\tcategory\tcountry\tkind\tdemonyms\taliases\tresolves_to\n\
             Northern Valley Union\trebel_group\tML\tnamed\t\tNVU\t\n",
        ),
        (
            "triggers.tsv",
            "id\tpatterns\tpos\tsub_event_type\tif_civilians\tmethod\tcameo\tplover\tfallback\tgeneric\tneeds_place\n\
             waylay.verb\twaylaid|waylays\tverb\tArmed clash\tAttack\t\t190\tFIGHT\t\tyes\t\n",
        ),
        ("victim_groups.tsv", "entry\tgroup\ndrivers\tcivilians\n"),
    ]);
    let resources = Resources::from_dir(dir.path()).unwrap();
    let described = resources.describe();
    for file in ["actors.tsv", "triggers.tsv", "victim_groups.tsv"] {
        assert!(described.contains(file), "{described}");
    }
    let event = lead(resources);
    assert_eq!(event.trigger_span.slice(TEXT), "waylaid");
    let actor = event.actor1.expect("the group acts");
    assert_eq!(actor.name, "Northern Valley Union");
    assert_eq!(event.casualties.killed, Some(3));
    assert_eq!(event.casualties.civilians_killed, Some(3));
}

#[test]
fn a_class_file_can_replace_the_built_in_one() {
    let dir = folder(&[(
        "compass_words.txt",
        &format!("{REPLACE_MARKER}\n# Only these.\nupriver\n"),
    )]);
    let resources = Resources::from_dir(dir.path()).unwrap();
    let class = resources.lexicon.class("compass_words").unwrap();
    assert_eq!(class.entries().collect::<Vec<_>>(), ["upriver"]);
}

#[test]
fn bad_files_say_which_file_and_line() {
    let unknown = folder(&[("victim_group.tsv", "entry\tgroup\ndrivers\tcivilians\n")]);
    let err = Resources::from_dir(unknown.path()).unwrap_err().to_string();
    assert!(
        err.contains("victim_group.tsv") && err.contains("no built-in word class"),
        "{err}"
    );

    // Columns out of order are an error; the first columns alone (a file written before a
    // column was added) are not.
    let header = folder(&[("actors.tsv", "category\tname\nrebel_group\tX\n")]);
    let err = Resources::from_dir(header.path()).unwrap_err().to_string();
    assert!(
        err.contains("actors.tsv:1") && err.contains("header"),
        "{err}"
    );
    let older = folder(&[(
        "triggers.tsv",
        "id\tpatterns\tpos\tsub_event_type\nwaylay.verb\twaylaid\tverb\tArmed clash\n",
    )]);
    assert!(Resources::from_dir(older.path()).is_ok());

    let row = folder(&[(
        "actors.tsv",
        "# mine\nname\tcategory\tcountry\tkind\tdemonyms\taliases\tresolves_to\n\
         Valley Guards\tpirates\tML\tnamed\t\t\t\n",
    )]);
    let err = Resources::from_dir(row.path()).unwrap_err().to_string();
    assert!(
        err.contains("actors.tsv:3") && err.contains("pirates"),
        "{err}"
    );

    let missing = Resources::from_dir("no/such/folder")
        .unwrap_err()
        .to_string();
    assert!(missing.contains("no/such/folder"), "{missing}");
}

#[test]
fn an_exported_folder_reads_back_as_the_built_in_resources() {
    let dir = tempfile::tempdir().unwrap();
    let written = Resources::export_builtin(dir.path(), false).unwrap();
    assert!(written.len() > 50);
    assert!(dir.path().join("harm_words.tsv").exists());
    assert!(dir.path().join("actors.tsv").exists());
    // A second export into the same folder would overwrite edits: an error unless asked.
    let again = Resources::export_builtin(dir.path(), false)
        .unwrap_err()
        .to_string();
    assert!(again.contains("already exists"), "{again}");
    Resources::export_builtin(dir.path(), true).unwrap();

    let embedded = Resources::embedded().unwrap();
    let read_back = Resources::from_dir(dir.path()).unwrap();
    assert_eq!(read_back.lexicon, embedded.lexicon);
    let run = |r: Resources| {
        let out = Pipeline::new(r).run(vec![Document::from_text("a", TEXT)]);
        format!("{:?}", out[0].events)
    };
    assert_eq!(run(read_back), run(embedded));
}

#[test]
fn a_folder_adds_a_community_and_a_country_name() {
    let text = "Kel Essouk raiders attacked a camp of herders near Gao, killing two.";
    let run = |resources: Resources| {
        let out = Pipeline::new(resources).run(vec![Document::from_text("a", text)]);
        out[0]
            .events
            .iter()
            .find(|e| e.is_lead)
            .and_then(|e| e.actor1.clone())
    };
    let before = run(Resources::embedded().unwrap());
    assert_ne!(
        before.as_ref().map(|a| a.name.as_str()),
        Some("Kel Essouk communal militia")
    );
    let dir = folder(&[(
        "communities.tsv",
        "name\tcountry\tforms\nKel Essouk\tML\tKel-Essouk\n",
    )]);
    let resources = Resources::from_dir(dir.path()).unwrap();
    assert!(resources.describe().contains("communities.tsv"));
    let actor = run(resources).expect("the raiders act");
    assert_eq!(actor.name, "Kel Essouk communal militia");
    assert_eq!(actor.category, polemos_core::ActorCategory::IdentityMilitia);

    let bad = folder(&[(
        "countries.tsv",
        "iso2\tname\tdemonyms\tcapitals\tother_names\nKenya\tKenya\t\t\t\n",
    )]);
    let err = Resources::from_dir(bad.path()).unwrap_err().to_string();
    assert!(
        err.contains("countries.tsv:2") && err.contains("ISO"),
        "{err}"
    );
}

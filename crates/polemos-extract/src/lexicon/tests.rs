//! The lexicon lint: every built-in class file parses, is read by the rules, has its header,
//! holds folded entries once each, and keeps apart from the classes it must not overlap.

use super::*;
use crate::fold::fold_key;

fn embedded() -> Lexicon {
    Lexicon::embedded().expect("the built-in lexicon loads")
}

#[test]
fn embedded_classes_load_and_compile() {
    let lexicon = embedded();
    assert_eq!(lexicon.classes().count(), EMBEDDED.len());
    let vocab = Vocab::new(&lexicon).unwrap();
    assert!(vocab.compass_words.contains("northern"));
    assert!(!vocab.compass_words.contains("in"));
}

#[test]
fn every_class_is_read_by_the_rules() {
    let lexicon = embedded();
    for class in lexicon.classes() {
        let mut without = lexicon.clone();
        without.classes.remove(class.name());
        let err = Vocab::new(&without).expect_err(class.name());
        assert!(err.to_string().contains(class.name()), "{err}");
    }
}

#[test]
fn every_file_says_what_it_is_for_and_where_it_comes_from() {
    for (file, text) in EMBEDDED {
        let name = file.rsplit_once('.').unwrap().0;
        let header: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
        assert!(
            header
                .first()
                .is_some_and(|l| l.starts_with(&format!("# {name}: "))),
            "{file} must open with `# {name}: what the class is for`"
        );
        for needed in ["Used by:", "Source:"] {
            assert!(
                header.iter().any(|l| l.contains(needed)),
                "{file}: no `{needed}` line in its header"
            );
        }
    }
}

#[test]
fn entries_are_folded_and_listed_once() {
    for class in embedded().classes() {
        let mut seen = std::collections::HashSet::new();
        for entry in class.entries() {
            assert_eq!(
                fold_key(entry),
                entry,
                "class `{}`: `{entry}` is not in folded form",
                class.name()
            );
            assert!(
                seen.insert(entry),
                "class `{}`: `{entry}` listed twice",
                class.name()
            );
        }
    }
}

#[test]
fn classes_that_exclude_each_other_do() {
    // A stop name is never indexed, so guarding it would do nothing; a victim noun is no verb
    // of harm; a vague quantity is no number word.
    let lexicon = embedded();
    for (a, b) in [
        ("guarded_place_names", "stop_names"),
        ("victim_groups", "harm_words"),
        ("number_words", "vague_quantities"),
        ("clause_words", "relative_words"),
    ] {
        let (a, b) = (lexicon.class(a).unwrap(), lexicon.class(b).unwrap());
        let both: Vec<&str> = a
            .entries()
            .filter(|e| b.entries().any(|f| f == *e))
            .collect();
        assert!(
            both.is_empty(),
            "`{}` and `{}` share {both:?}",
            a.name(),
            b.name()
        );
    }
}

#[test]
fn user_files_add_to_or_replace_a_class() {
    let mut lexicon = embedded();
    let before = lexicon.class("compass_words").unwrap().entries().count();
    lexicon
        .extend("compass_words.txt", "# mine\nupper\n")
        .unwrap();
    let class = lexicon.class("compass_words").unwrap();
    assert_eq!(class.entries().count(), before + 1);
    assert_eq!(class.origins(), ["compass_words.txt", "compass_words.txt"]);
    lexicon
        .extend(
            "compass_words.txt",
            &format!("{REPLACE_MARKER}\nupper\nlower\n"),
        )
        .unwrap();
    let entries: Vec<&str> = lexicon.class("compass_words").unwrap().entries().collect();
    assert_eq!(entries, ["upper", "lower"]);
}

#[test]
fn bad_user_files_are_errors_that_say_why() {
    let mut lexicon = embedded();
    let unknown = lexicon.extend("compas_words.txt", "north\n").unwrap_err();
    assert!(unknown
        .to_string()
        .contains("no built-in word class `compas_words`"));
    let columns = lexicon
        .extend("victim_groups.tsv", "entry\tkind\nmedics\tcivilians\n")
        .unwrap_err();
    assert!(columns.to_string().contains("columns"), "{columns}");
    let value = lexicon
        .extend("victim_groups.tsv", "entry\tgroup\nmedics\tdoctors\n")
        .unwrap_err();
    assert!(value.to_string().contains("bad group `doctors`"), "{value}");
    let phrase = lexicon
        .extend("compass_words.txt", "north west\n")
        .unwrap_err();
    assert!(phrase.to_string().contains("several words"), "{phrase}");
    let header = "entry\tharm\tbefore_count\tafter_count\tcount_verb\tvictim_verb\n";
    let harm = lexicon
        .extend(
            "harm_words.tsv",
            &format!("{header}maimed\thurt\tyes\t\t\t\n"),
        )
        .unwrap_err();
    assert!(harm.to_string().contains("killed or injured"), "{harm}");
    let flag = lexicon
        .extend(
            "harm_words.tsv",
            &format!("{header}maimed\tinjured\tY\t\t\t\n"),
        )
        .unwrap_err();
    assert!(flag.to_string().contains("\"yes\" or empty"), "{flag}");
    // A failed extension leaves the lexicon as it was.
    assert_eq!(lexicon, embedded());
}

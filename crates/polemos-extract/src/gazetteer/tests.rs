use super::*;

#[test]
fn embedded_loads_and_finds_variants() {
    let g = Gazetteer::embedded().unwrap();
    assert!(g.len() > 500);
    for variant in [
        "Deir ez-Zor",
        "Deir Ez Zor",
        "Deir Ezzor",
        "Dayr az Zawr",
        "Deir al-Zour",
        "Deir el-Zor",
    ] {
        let hits = g.lookup(variant);
        assert!(
            hits.iter()
                .any(|p| p.admin1.as_deref() == Some("Deir ez-Zor")),
            "{variant} -> {hits:?}"
        );
    }
    assert!(g.lookup("Lattakia").iter().any(|p| p.name == "Latakia"));
    assert!(g.lookup("Hamas").is_empty());
    assert!(g.lookup("Syrian").is_empty());
    // A village the authored supplement adds (not in GeoNames' cities500).
    for variant in ["Dabiq", "Dabeq"] {
        assert!(
            g.lookup(variant)
                .iter()
                .any(|p| p.admin1.as_deref() == Some("Aleppo")),
            "{variant}"
        );
    }
}

#[test]
fn bad_rows_are_reported_with_line() {
    let tsv = "name\tkind\tcountry\tlatitude\tlongitude\nAleppo\tcity\tSY\tnorth\t37.1\n";
    let err = Gazetteer::from_tsv("t.tsv", tsv).unwrap_err().to_string();
    assert!(err.starts_with("t.tsv:2:"), "{err}");
    assert!(Gazetteer::from_tsv("t.tsv", "name\tkind\n").is_err());
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/geonames")
}

#[test]
fn geonames_import_round_trips_and_merges() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("zz.tsv.zst");
    let n = Gazetteer::import_geonames(&[fixtures()], &out).unwrap();
    assert_eq!(n, 4);
    let imported = Gazetteer::from_path(&out).unwrap();
    let direct = Gazetteer::from_geonames(&[fixtures()]).unwrap();
    assert_eq!(imported.places(), direct.places());
    // Variant spellings of an imported village meet through the name key.
    let found = imported.lookup("Tal Zaytoun");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].name, "Tall Zaytun");

    let base = Gazetteer::embedded().unwrap();
    let merged = Gazetteer::merged(&base, &imported).unwrap();
    assert_eq!(merged.len(), base.len() + 4);
    assert!(!merged.lookup("Tell Zeitoun").is_empty());
    assert!(!merged.lookup("Aleppo").is_empty());
    // Same GeoNames id: merged into one place with both alias sets.
    let again = Gazetteer::merged(&merged, &imported).unwrap();
    assert_eq!(again.len(), merged.len());

    let plain = dir.path().join("zz.tsv");
    imported.write_to(&plain).unwrap();
    let text = std::fs::read_to_string(&plain).unwrap();
    assert!(text.starts_with("# polemos gazetteer"));
    assert_eq!(
        Gazetteer::from_path(&plain).unwrap().places(),
        imported.places()
    );
}

/// Prints how many distinct places share a key with another place, by exact (folded) name and
/// by name key, to measure what the transliteration key merges. Run with `--nocapture`.
#[test]
fn key_collisions_report() {
    use crate::fold::fold_key;
    let g = Gazetteer::embedded().unwrap();
    let count = |key_of: &dyn Fn(&str) -> String| {
        let mut by_key: HashMap<String, HashSet<(String, String)>> = HashMap::new();
        for p in g.places() {
            // Same name and country counted once: a city and its province are one "place".
            by_key
                .entry(key_of(&p.name))
                .or_default()
                .insert((p.country.clone(), p.admin1.clone().unwrap_or_default()));
        }
        by_key
            .values()
            .filter(|v| v.len() > 1)
            .map(HashSet::len)
            .sum::<usize>()
    };
    let folded = count(&|n| fold_key(n));
    let keyed = count(&|n| name_key(n));
    println!(
        "places {}, keys {}: places sharing a canonical-name key with another place: \
         folded {folded}, name key {keyed}",
        g.len(),
        g.index().len()
    );
    assert!(keyed >= folded);
}

#[test]
fn load_time_report() {
    let t = std::time::Instant::now();
    let g = Gazetteer::embedded().unwrap();
    println!(
        "embedded gazetteer: {} places in {:?}",
        g.len(),
        t.elapsed()
    );
}

#[test]
fn abbreviations_are_looked_up_as_written() {
    let g = Gazetteer::embedded().unwrap();
    let names = |n: &str| -> Vec<String> { g.lookup(n).iter().map(|p| p.name.clone()).collect() };
    assert_eq!(names("U.S."), ["United States"]);
    assert_eq!(names("Ky."), ["Kentucky"]);
    assert!(names("u.s.").is_empty());
}

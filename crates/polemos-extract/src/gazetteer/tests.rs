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
fn tmp_load_parts() {
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let text =
            table::decode("x", include_bytes!("../../data/gazetteer/places.tsv.zst")).unwrap();
        let t1 = t.elapsed();
        let places = table::parse("x", &text).unwrap();
        let t2 = t.elapsed();
        let n: usize = places.iter().map(|p| 1 + p.aliases.len()).sum();
        let bytes: usize = places
            .iter()
            .map(|p| p.name.len() + p.aliases.iter().map(|a| a.len()).sum::<usize>())
            .sum();
        let keys: Vec<String> = places
            .iter()
            .flat_map(|p| std::iter::once(&p.name).chain(p.aliases.iter()))
            .map(|n| name_key(n))
            .collect();
        let t3 = t.elapsed();
        let g = Gazetteer::from_places(places).unwrap();
        let t4 = t.elapsed();
        println!("decode {t1:?} parse {t2:?} key1thread {:?} from_places {:?}; names {n} bytes {bytes} keys {} {}", t3 - t2, t4 - t3, keys.len(), g.len());
    }
}

#[allow(dead_code)]
mod tmp_speed_gen {
    const WORDS: &[&str] = &[
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "said",
        "on",
        "that",
        "for",
        "was",
        "with",
        "forces",
        "government",
        "killed",
        "people",
        "at",
        "by",
        "from",
        "were",
        "rebels",
        "fighters",
        "army",
        "strikes",
        "air",
        "attack",
        "Syrian",
        "Observatory",
        "for",
        "Human",
        "Rights",
        "monitor",
        "town",
        "province",
        "city",
        "villages",
        "near",
        "outskirts",
        "northern",
        "countryside",
        "Hamas",
        "officials",
        "told",
        "Reuters",
        "Saturday",
        "shelling",
        "residents",
        "civilians",
        "including",
        "children",
        "women",
        "militants",
        "Islamic",
        "State",
        "Kurdish-led",
        "SDF",
        "U.S.-led",
        "coalition",
        "Russian",
        "warplanes",
        "opposition",
        "groups",
        "held",
        "areas",
    ];
    const PLACES: &[&str] = &[
        "Aleppo",
        "Deir ez-Zor",
        "Deir Ezzor",
        "Raqqa",
        "Idlib",
        "Hama",
        "Homs",
        "Damascus",
        "al-Bab",
        "Manbij",
        "Qamishli",
        "Hasakeh",
        "Douma",
        "Eastern Ghouta",
        "Daraa",
        "Palmyra",
        "Maarat al-Numan",
        "Khan Sheikhoun",
        "Latakia",
        "Mosul",
        "Turkey",
        "Iraq",
        "Syria",
    ];

    /// A deterministic pseudo-random generator (64-bit LCG), so every run sees the same text.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) as usize
        }
    }

    /// About `bytes` of news-like text: sentences of 12-30 words, one word in 25 a place name.
    pub fn news_text(bytes: usize) -> String {
        let mut rng = Lcg(42);
        let mut out = String::with_capacity(bytes + 200);
        while out.len() < bytes {
            let n = 12 + rng.next() % 19;
            for i in 0..n {
                let w = if rng.next() % 25 == 0 {
                    PLACES[rng.next() % PLACES.len()]
                } else {
                    WORDS[rng.next() % WORDS.len()]
                };
                if i == 0 {
                    let mut c = w.chars();
                    if let Some(f) = c.next() {
                        out.extend(f.to_uppercase());
                        out.push_str(c.as_str());
                    }
                } else {
                    out.push(' ');
                    out.push_str(w);
                }
                if rng.next() % 15 == 0 {
                    out.push(',');
                }
            }
            out.push_str(". ");
        }
        out
    }
}

fn tmp_min_time(f: &mut dyn FnMut()) -> std::time::Duration {
    let mut best = std::time::Duration::MAX;
    for _ in 0..300 {
        let t = std::time::Instant::now();
        f();
        best = best.min(t.elapsed());
    }
    best
}

#[test]
fn tmp_speed() {
    let g = Gazetteer::embedded().unwrap();
    let text = tmp_speed_gen::news_text(1 << 18);
    let corpus: String = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/corpus"
    ))
    .unwrap()
    .flatten()
    .filter_map(|e| std::fs::read_to_string(e.path()).ok())
    .collect::<Vec<_>>()
    .join("\n");
    let mut corpus_text = String::new();
    while corpus_text.len() < 1 << 18 {
        corpus_text.push_str(&corpus);
    }
    for (name, t) in [("bench", &text), ("corpus", &corpus_text)] {
        let mut n = 0;
        let d = tmp_min_time(&mut || n += g.find_names(t).len());
        let k = tmp_min_time(&mut || n += name_key::KeyedText::new(t).words.len());
        let mut keyer = name_key::Keyer::default();
        let l = tmp_min_time(&mut || {
            n += g
                .index()
                .candidates_where(t, &mut keyer, |t, s| t.as_bytes()[s].is_ascii_uppercase())
                .len()
        });
        println!(
            "{name}: lazy proper {:.0} MB/s",
            t.len() as f64 / l.as_secs_f64() / 1e6
        );
        println!(
            "{name}: find_names {:.0} MB/s, keying {:.0} MB/s ({n})",
            t.len() as f64 / d.as_secs_f64() / 1e6,
            t.len() as f64 / k.as_secs_f64() / 1e6
        );
    }
    let mut best = std::time::Duration::MAX;
    for _ in 0..10 {
        let t = std::time::Instant::now();
        let g = Gazetteer::embedded().unwrap();
        best = best.min(t.elapsed());
        assert!(g.len() > 0);
    }
    println!("load min {best:?}");
}

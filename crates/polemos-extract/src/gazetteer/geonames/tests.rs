use super::*;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/geonames")
}

#[test]
fn reads_a_country_file_with_admin_names_and_alternates() {
    let places = read(&[fixtures()]).unwrap();
    let names: Vec<&str> = places.iter().map(|p| p.name.as_str()).collect();
    // The mountain (class T) and the abandoned place (PPLQ) are skipped.
    assert_eq!(
        names,
        vec![
            "Tall Zaytun",
            "Madinat al-Burj",
            "Wadi Nukhayl",
            "Muhafazat al-Burj"
        ]
    );
    let tall = &places[0];
    assert_eq!(tall.kind.as_str(), "village");
    assert_eq!(tall.admin1.as_deref(), Some("Burj"));
    assert_eq!(tall.admin2.as_deref(), Some("Burj District"));
    assert_eq!(tall.geonames_id, Some(9_000_001));
    // Machine romanisations, other scripts and links are dropped; English alternates kept.
    assert_eq!(
        tall.aliases,
        vec!["Tell Zeitoun", "Tal Zaytoun", "تل زيتون", "Tel Zeitun"]
    );
    let burj = &places[1];
    assert_eq!(burj.kind.as_str(), "city");
    assert!(burj.aliases.contains(&"Madīnat al-Burj".to_string()));
    let wadi = &places[2];
    assert_eq!(wadi.admin1.as_deref(), Some("Nukhayl"));
    assert_eq!(wadi.admin2.as_deref(), Some("0201"));
    // Historic alternates are not kept.
    assert_eq!(wadi.aliases, vec!["وادي نخيل"]);
    assert_eq!(places[3].kind.as_str(), "admin1");
    assert_eq!(places[3].admin1.as_deref(), Some("Muhafazat al-Burj"));
}

#[test]
fn only_place_files_are_required() {
    let dir = fixtures();
    let places = read(&[dir.join("ZZ.txt")]).unwrap();
    assert_eq!(places[0].admin1.as_deref(), Some("01"));
    assert!(read(&[dir.join("admin1CodesASCII.txt")]).is_err());
    let err = read(&[dir.join("missing.txt")]).unwrap_err().to_string();
    assert!(err.contains("missing.txt"), "{err}");
}

#[test]
fn short_rows_are_errors_with_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("XX.txt");
    std::fs::write(&path, "1\tA\tA\n").unwrap();
    let err = read(&[path]).unwrap_err().to_string();
    assert!(err.contains("XX.txt:1:"), "{err}");
}

#[test]
fn alias_filter() {
    assert!(usable_alias("Deir ez-Zor"));
    assert!(usable_alias("دير الزور"));
    assert!(!usable_alias("dyr alzwr"));
    assert!(!usable_alias("DEZ"));
    assert!(!usable_alias("Дейр"));
    assert!(!usable_alias("Al"));
}

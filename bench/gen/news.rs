// The benchmark corpus generator, shared by the criterion benches of polemos-parse,
// polemos-extract and polemos-export through `include!("../../../bench/gen/news.rs")`.
//
// It is the algorithm of bench/gen_corpus.py, on the same templates (bench/gen/templates.txt,
// whose header describes their syntax): a given seed and size give the same articles, byte for
// byte, as `python bench/gen_corpus.py`, so the criterion figures and bench/compare.py measure
// the same text. Keep the two in step.

mod news {
    use std::collections::HashMap;

    const TEMPLATES: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../bench/gen/templates.txt"
    ));
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const WEEKDAYS: [&str; 7] = [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ];
    const KINDS: [&str; 10] = [
        "event",
        "event",
        "event",
        "event",
        "detail",
        "detail",
        "quote",
        "quote",
        "background",
        "background",
    ];

    /// One generated article: its id (`article-000042`), publication date (`YYYY-MM-DD`) and
    /// text.
    #[derive(Debug, Clone)]
    pub struct Article {
        pub id: String,
        pub published: String,
        pub text: String,
    }

    /// The articles of [`corpus`] as polemos documents, with their publication date given as
    /// input (as `polemos.extract(texts, published=...)` would).
    pub fn documents(bytes: usize, seed: u64) -> Vec<polemos_core::Document> {
        corpus(bytes, seed)
            .into_iter()
            .map(|a| {
                let mut d = polemos_core::Document::from_text(a.id, a.text);
                d.published = chrono::NaiveDate::parse_from_str(&a.published, "%Y-%m-%d").ok();
                d.published_source = Some(polemos_core::DateSource::Input);
                d
            })
            .collect()
    }

    /// Articles until their text adds up to at least `bytes` bytes; `seed` 1 is the default of
    /// bench/gen_corpus.py.
    pub fn corpus(bytes: usize, seed: u64) -> Vec<Article> {
        let sections = templates();
        let mut out = Vec::new();
        let mut total = 0;
        while total < bytes {
            let a = article(&sections, seed, out.len() as u64);
            total += a.text.len();
            out.push(a);
        }
        out
    }

    fn templates() -> HashMap<&'static str, Vec<&'static str>> {
        let mut sections: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut current: Option<&str> = None;
        for line in TEMPLATES.split('\n') {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('[') && line.ends_with(']') {
                let name = &line[1..line.len() - 1];
                sections.entry(name).or_default();
                current = Some(name);
            } else {
                let name = current.expect("templates.txt: text before the first section");
                sections.entry(name).or_default().push(line);
            }
        }
        sections
    }

    struct SplitMix64(u64);

    impl SplitMix64 {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Day of the week, 0 = Sunday (Sakamoto's method).
    fn weekday(year: i64, month: usize, day: i64) -> usize {
        const OFFSETS: [i64; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let y = if month < 3 { year - 1 } else { year };
        (y + y / 4 - y / 100 + y / 400 + OFFSETS[month - 1] + day).rem_euclid(7) as usize
    }

    struct Writer<'a> {
        sections: &'a HashMap<&'static str, Vec<&'static str>>,
        rng: SplitMix64,
        sticky: HashMap<String, String>,
    }

    impl Writer<'_> {
        fn expand(&mut self, text: &str) -> String {
            let mut out = String::new();
            let mut rest = text;
            while let Some(j) = rest.find('{') {
                let k = j + rest[j..].find('}').expect("templates.txt: unclosed '{'");
                out.push_str(&rest[..j]);
                let v = self.value(&rest[j + 1..k]);
                out.push_str(&v);
                rest = &rest[k + 1..];
            }
            out.push_str(rest);
            out
        }

        fn value(&mut self, name: &str) -> String {
            if let Some(inner) = name.strip_prefix('^') {
                let mut v = self.value(inner);
                if let Some(first) = v.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                return v;
            }
            if let Some(inner) = name.strip_prefix('*') {
                if let Some(v) = self.sticky.get(name) {
                    return v.clone();
                }
                let v = self.value(inner);
                self.sticky.insert(name.to_string(), v.clone());
                return v;
            }
            if let Some(range) = name.strip_prefix('#') {
                let (low, high) = range.split_once('-').expect("templates.txt: {#A-B}");
                let low: usize = low.parse().expect("templates.txt: {#A-B}");
                let high: usize = high.parse().expect("templates.txt: {#A-B}");
                return (low + self.rng.below(high - low + 1)).to_string();
            }
            let sections = self.sections;
            let alternatives = sections
                .get(name)
                .unwrap_or_else(|| panic!("templates.txt: no section [{name}]"));
            let line = alternatives[self.rng.below(alternatives.len())];
            self.expand(line)
        }
    }

    fn article(
        sections: &HashMap<&'static str, Vec<&'static str>>,
        seed: u64,
        index: u64,
    ) -> Article {
        let mut w = Writer {
            sections,
            rng: SplitMix64(seed.wrapping_mul(0x100_0000_01B3).wrapping_add(index)),
            sticky: HashMap::new(),
        };
        let year = 2012 + w.rng.below(7) as i64;
        let month = 1 + w.rng.below(12);
        let day = 1 + w.rng.below(28) as i64;
        w.sticky.insert("*year".into(), year.to_string());
        w.sticky.insert("*month".into(), MONTHS[month - 1].into());
        w.sticky.insert("*day".into(), day.to_string());
        w.sticky.insert(
            "*weekday".into(),
            WEEKDAYS[weekday(year, month, day)].into(),
        );

        let mut parts: Vec<String> = Vec::new();
        for _ in 0..w.rng.below(3) {
            parts.push(w.value("nav"));
        }
        parts.push(w.value("headline"));
        if w.rng.below(2) == 0 {
            parts.push(w.value("published"));
        }
        let mut lead = w.value("lead");
        if w.rng.below(4) != 0 {
            lead = format!("{} {lead}", w.value("dateline"));
        }
        parts.push(lead);
        for _ in 0..5 + w.rng.below(12) {
            let kind = KINDS[w.rng.below(KINDS.len())];
            let n = 1 + w.rng.below(3);
            let sentences: Vec<String> = (0..n).map(|_| w.value(kind)).collect();
            parts.push(sentences.join(" "));
            if w.rng.below(6) == 0 {
                parts.push(w.value("inline"));
            }
        }
        for _ in 0..w.rng.below(4) {
            parts.push(w.value("teaser"));
        }
        for _ in 0..w.rng.below(3) {
            parts.push(w.value("footer"));
        }
        Article {
            id: format!("article-{index:06}"),
            published: format!("{year:04}-{month:02}-{day:02}"),
            text: parts.join("\n\n") + "\n",
        }
    }
}

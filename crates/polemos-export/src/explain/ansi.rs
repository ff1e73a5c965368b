//! The explain view as terminal text: mentions coloured (or bracketed, without colour) and
//! the events listed under the text.

use std::fmt::Write as _;

use super::model::Explanation;

const RESET: &str = "\x1b[0m";

/// SGR codes of each mention kind: bold red triggers, blue actors, green places, yellow counts.
fn style(kind: &str) -> &'static str {
    match kind {
        "trigger" => "\x1b[1;31m",
        "actor" => "\x1b[34m",
        "place" => "\x1b[32m",
        "casualty" => "\x1b[33m",
        _ => "\x1b[4m",
    }
}

/// One-letter tag of each kind, for plain text: `[attacked]{T}`.
fn tag(kind: &str) -> char {
    match kind {
        "trigger" => 'T',
        "actor" => 'A',
        "place" => 'P',
        "casualty" => 'C',
        _ => '?',
    }
}

/// The text with mentions marked, then one block per event. With `colour`, mentions are
/// coloured with ANSI escapes; without, they are written `[span]{T}` (T trigger, A actor,
/// P place, C casualty) so the view survives pipes and log files.
pub fn render_ansi(x: &Explanation, colour: bool) -> String {
    let mut out = String::new();
    let bold = |s: &str| {
        if colour {
            format!("\x1b[1m{s}{RESET}")
        } else {
            s.to_string()
        }
    };
    let _ = writeln!(out, "{}", bold(&x.doc_id));
    if colour {
        let _ = writeln!(
            out,
            "{}trigger{RESET} {}actor{RESET} {}place{RESET} {}casualty{RESET}\n",
            style("trigger"),
            style("actor"),
            style("place"),
            style("casualty")
        );
    } else {
        out.push_str("[trigger]{T} [actor]{A} [place]{P} [casualty]{C}\n\n");
    }
    let mut at = 0;
    for h in &x.highlights {
        let (Some(before), Some(inside)) = (x.text.get(at..h.start), x.text.get(h.start..h.end))
        else {
            continue;
        };
        out.push_str(before);
        if colour {
            let _ = write!(out, "{}{inside}{RESET}", style(&h.kind));
        } else {
            let _ = write!(out, "[{inside}]{{{}}}", tag(&h.kind));
        }
        at = h.end;
    }
    out.push_str(x.text.get(at..).unwrap_or_default());
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push('\n');
    if x.events.is_empty() {
        out.push_str("No events.\n");
    }
    for e in &x.events {
        let _ = writeln!(
            out,
            "{}  {} / {}  \"{}\"",
            bold(&e.event_id),
            e.event_type,
            e.sub_event_type,
            e.trigger
        );
        let fields = [
            ("actor1", &e.actor1),
            ("actor2", &e.actor2),
            ("place", &e.place),
            ("date", &e.date),
            ("fatalities", &e.fatalities),
            ("certainty", &e.certainty),
            ("source", &e.source),
            ("rule", &e.rule),
            ("model", &e.model),
        ];
        for (name, value) in fields {
            if !value.is_empty() {
                let _ = writeln!(out, "    {name:<10} {value}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::Highlight;

    #[test]
    fn plain_and_coloured() {
        let x = Explanation {
            doc_id: "d".into(),
            text: "IS attacked Homs.".into(),
            highlights: vec![Highlight {
                start: 3,
                end: 11,
                kind: "trigger".into(),
                tooltip: String::new(),
            }],
            events: vec![],
        };
        let plain = render_ansi(&x, false);
        assert!(plain.contains("IS [attacked]{T} Homs."), "{plain}");
        assert!(!plain.contains('\x1b'));
        let coloured = render_ansi(&x, true);
        assert!(coloured.contains("\x1b[1;31mattacked\x1b[0m"));
    }
}

//! The explain view as a self-contained HTML fragment (inline styles: Jupyter, VS Code and
//! GitHub's notebook viewer strip `<style>` blocks inconsistently, inline styles survive).

use std::fmt::Write as _;

use super::model::{Explanation, Highlight};

/// Background colour of each mention kind; the legend uses the same.
fn colour(kind: &str) -> &'static str {
    match kind {
        "trigger" => "#ffb3b3",
        "actor" => "#b3d1ff",
        "place" => "#b8e6b8",
        "casualty" => "#ffd9a0",
        _ => "#e0e0e0",
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn mark(out: &mut String, text: &str, h: &Highlight) {
    let _ = write!(
        out,
        "<mark style=\"background:{};padding:0 2px;border-radius:3px\" title=\"{}\" \
         data-kind=\"{}\">{}</mark>",
        colour(&h.kind),
        escape(&h.tooltip),
        escape(&h.kind),
        escape(text)
    );
}

/// The document text with highlighted mentions (tooltips give the rule ids), a legend, and a
/// table of the events.
pub fn render_html(x: &Explanation) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<div class=\"polemos-explain\" style=\"font-family:sans-serif;line-height:1.6\">\
         <div style=\"font-weight:bold;margin-bottom:4px\">{}</div>",
        escape(&x.doc_id)
    );
    out.push_str("<div style=\"margin-bottom:6px;font-size:90%\">");
    for kind in ["trigger", "actor", "place", "casualty"] {
        let _ = write!(
            out,
            "<span style=\"background:{};padding:0 4px;margin-right:6px;border-radius:3px\">\
             {kind}</span>",
            colour(kind)
        );
    }
    out.push_str(
        "</div><div style=\"white-space:pre-wrap;border-left:3px solid #ccc;padding-left:8px\">",
    );
    let mut at = 0;
    for h in &x.highlights {
        let (Some(before), Some(inside)) = (x.text.get(at..h.start), x.text.get(h.start..h.end))
        else {
            continue;
        };
        out.push_str(&escape(before));
        mark(&mut out, inside, h);
        at = h.end;
    }
    out.push_str(&escape(x.text.get(at..).unwrap_or_default()));
    out.push_str("</div>");
    if x.events.is_empty() {
        out.push_str("<p><em>No events.</em></p>");
    } else {
        out.push_str(
            "<table style=\"margin-top:8px;font-size:90%;border-collapse:collapse\"><thead><tr>",
        );
        // The model's column only where a trained model read the events.
        let with_model = x.events.iter().any(|e| !e.model.is_empty());
        let headers = [
            "event",
            "type",
            "trigger",
            "actor1",
            "actor2",
            "place",
            "date",
            "fatalities",
            "certainty",
            "source",
            "rule",
            "model",
        ];
        for h in &headers[..headers.len() - usize::from(!with_model)] {
            let _ = write!(
                out,
                "<th style=\"text-align:left;padding:2px 6px\">{h}</th>"
            );
        }
        out.push_str("</tr></thead><tbody>");
        for e in &x.events {
            let kind = format!("{} / {}", e.event_type, e.sub_event_type);
            let cells = [
                &e.event_id,
                &kind,
                &e.trigger,
                &e.actor1,
                &e.actor2,
                &e.place,
                &e.date,
                &e.fatalities,
                &e.certainty,
                &e.source,
                &e.rule,
                &e.model,
            ];
            out.push_str("<tr>");
            for c in &cells[..cells.len() - usize::from(!with_model)] {
                let _ = write!(
                    out,
                    "<td style=\"text-align:left;padding:2px 6px;border-top:1px solid #ddd\">{}</td>",
                    escape(c)
                );
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</div>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_marks_mentions() {
        let x = Explanation {
            doc_id: "a<b".into(),
            text: "IS <attacked> Homs".into(),
            highlights: vec![Highlight {
                start: 14,
                end: 18,
                kind: "place".into(),
                tooltip: "place: Homs | rule place:name".into(),
            }],
            events: vec![],
        };
        let html = render_html(&x);
        assert!(html.contains("a&lt;b"));
        assert!(html.contains("IS &lt;attacked&gt; "));
        assert!(html
            .contains("title=\"place: Homs | rule place:name\" data-kind=\"place\">Homs</mark>"));
        assert!(html.contains("No events."));
    }
}

//! Cross-validation as text: accuracy, per-label precision and recall, and the confusion
//! table, as `polemos train` prints it and `Model.report()` returns it.

use std::fmt::Write;

use polemos_core::SubEventType;

use super::model::CrossValidation;

impl CrossValidation {
    /// Share of held-out texts whose label names the right ACLED event type, when every label
    /// is an ACLED sub-event type (each belongs to one event type).
    pub fn event_type_accuracy(&self, labels: &[String]) -> Option<f32> {
        let types: Option<Vec<_>> = labels
            .iter()
            .map(|l| SubEventType::parse(l).map(|s| s.event_type()))
            .collect();
        let types = types?;
        let (mut right, mut all) = (0u64, 0u64);
        for (g, row) in self.confusion.iter().enumerate() {
            for (p, &n) in row.iter().enumerate() {
                all += u64::from(n);
                if types.get(g) == types.get(p) {
                    right += u64::from(n);
                }
            }
        }
        (all > 0).then(|| right as f32 / all as f32)
    }

    /// The report: overall and per-fold accuracy, then one line per label (texts, recall,
    /// precision, what it is most often mistaken for), then the confusion table with labels
    /// numbered as in the lines above.
    pub fn render(&self, labels: &[String]) -> String {
        let mut out = String::new();
        let folds: Vec<String> = self
            .fold_accuracy
            .iter()
            .map(|a| format!("{:.1}", a * 100.0))
            .collect();
        let _ = writeln!(
            out,
            "{}-fold cross-validation: accuracy {:.1}% (folds: {})",
            self.fold_accuracy.len(),
            self.accuracy() * 100.0,
            folds.join(", ")
        );
        if let Some(a) = self.event_type_accuracy(labels) {
            let _ = writeln!(
                out,
                "ACLED event type (from the sub-event type): {:.1}%",
                a * 100.0
            );
        }
        let k = labels.len();
        let predicted: Vec<u32> = (0..k)
            .map(|p| {
                self.confusion
                    .iter()
                    .map(|row| row.get(p).copied().unwrap_or(0))
                    .sum()
            })
            .collect();
        let width = labels
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(5)
            .max(5);
        let _ = writeln!(
            out,
            "\n{:>3}  {:<width$}  {:>6}  {:>6}  {:>9}  most often taken for",
            "#", "label", "texts", "recall", "precision"
        );
        for (g, row) in self.confusion.iter().enumerate() {
            let total: u32 = row.iter().sum();
            let right = row.get(g).copied().unwrap_or(0);
            let ratio = |a: u32, b: u32| {
                if b == 0 {
                    "-".to_string()
                } else {
                    format!("{:.1}", f64::from(a) * 100.0 / f64::from(b))
                }
            };
            let worst = row
                .iter()
                .enumerate()
                .filter(|&(p, &n)| p != g && n > 0)
                .max_by_key(|&(p, &n)| (n, std::cmp::Reverse(p)))
                .map(|(p, n)| format!("{} ({n})", labels[p]))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{:>3}  {:<width$}  {:>6}  {:>6}  {:>9}  {worst}",
                g + 1,
                labels[g],
                total,
                ratio(right, total),
                ratio(right, predicted[g]),
            );
        }
        let cell = self
            .confusion
            .iter()
            .flatten()
            .max()
            .map_or(1, |m| m.to_string().len())
            .max(k.to_string().len())
            + 1;
        let _ = write!(
            out,
            "\nconfusion (rows: label, columns: predicted)\n{:>3} ",
            ""
        );
        for p in 0..k {
            let _ = write!(out, "{:>cell$}", p + 1);
        }
        out.push('\n');
        for (g, row) in self.confusion.iter().enumerate() {
            let _ = write!(out, "{:>3} ", g + 1);
            for &n in row {
                let _ = write!(out, "{:>cell$}", n);
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accuracy_by_sub_event_and_event_type() {
        let labels: Vec<String> = ["Armed clash", "Attack", "Peaceful protest"]
            .map(String::from)
            .to_vec();
        let cv = CrossValidation {
            fold_accuracy: vec![0.5, 0.75],
            // Gold Armed clash: 2 right, 1 taken for Attack; gold Attack: 1 right, 1 taken
            // for Armed clash (another type); gold protest: 1 right.
            confusion: vec![vec![2, 1, 0], vec![1, 1, 0], vec![0, 0, 1]],
        };
        assert!((cv.accuracy() - 4.0 / 6.0).abs() < 1e-6);
        assert_eq!(cv.event_type_accuracy(&labels), Some(4.0 / 6.0));
        let text = cv.render(&labels);
        assert!(
            text.contains("accuracy 66.7% (folds: 50.0, 75.0)"),
            "{text}"
        );
        assert!(
            text.contains("Armed clash") && text.contains("Attack (1)"),
            "{text}"
        );
        let own: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        assert_eq!(cv.event_type_accuracy(&own), None);
    }
}

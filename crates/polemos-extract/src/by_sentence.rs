//! A document's findings grouped by sentence, so that the per-sentence work of event building
//! reads only the sentence's own actors, places, counts and dates: scanning whole lists for
//! each sentence made a long document's cost grow with the square of its length.

/// Positions into a list, grouped by the sentence of each item (a counting sort: linear).
#[derive(Debug, Clone, Default)]
pub(crate) struct Grouped {
    /// Item positions, ordered by sentence (stable within a sentence).
    order: Vec<u32>,
    /// For sentence `s`, its items are `order[starts[s]..starts[s + 1]]`.
    starts: Vec<u32>,
}

impl Grouped {
    /// Groups items whose sentences are `keys`, in list order.
    pub(crate) fn new(keys: &[u32]) -> Self {
        let n = keys.iter().max().map_or(0, |&m| m as usize + 1);
        let mut starts = vec![0u32; n + 1];
        for &k in keys {
            starts[k as usize + 1] += 1;
        }
        for s in 1..starts.len() {
            starts[s] += starts[s - 1];
        }
        let mut next = starts.clone();
        let mut order = vec![0u32; keys.len()];
        for (i, &k) in keys.iter().enumerate() {
            let slot = &mut next[k as usize];
            order[*slot as usize] = i as u32;
            *slot += 1;
        }
        Grouped { order, starts }
    }

    /// The positions in the list grouped of the items in sentence `s`, in list order.
    pub(crate) fn positions(&self, s: u32) -> impl DoubleEndedIterator<Item = usize> + '_ {
        let s = s as usize;
        let range = match (self.starts.get(s), self.starts.get(s + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        };
        self.order[range].iter().map(|&i| i as usize)
    }

    /// The items of `items` (the list grouped) in sentence `s`, in list order.
    pub(crate) fn of<'a, T>(
        &'a self,
        items: &'a [T],
        s: u32,
    ) -> impl DoubleEndedIterator<Item = &'a T> + 'a {
        self.positions(s).filter_map(move |i| items.get(i))
    }
}

/// The findings of a document grouped by sentence ([`crate::events::Findings`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct SentenceIndex {
    pub places: Grouped,
    pub actors: Grouped,
    pub casualties: Grouped,
    pub dates: Grouped,
}

impl SentenceIndex {
    pub(crate) fn new(
        places: &[crate::gazetteer::PlaceMatch],
        actors: &[crate::actors::ActorMatch],
        casualties: &[crate::casualties::Casualty],
        dates: &[crate::dates::DateMention],
    ) -> Self {
        let keys = |k: Vec<u32>| Grouped::new(&k);
        SentenceIndex {
            places: keys(places.iter().map(|p| p.sentence).collect()),
            actors: keys(actors.iter().map(|a| a.sentence).collect()),
            casualties: keys(casualties.iter().map(|c| c.sentence).collect()),
            dates: keys(dates.iter().map(|d| d.sentence).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_come_back_by_sentence_in_list_order() {
        let items = ["a0", "b2", "c0", "d1", "e2"];
        let g = Grouped::new(&[0, 2, 0, 1, 2]);
        let of = |s| g.of(&items, s).copied().collect::<Vec<_>>();
        assert_eq!(of(0), ["a0", "c0"]);
        assert_eq!(of(1), ["d1"]);
        assert_eq!(of(2), ["b2", "e2"]);
        assert_eq!(g.positions(2).collect::<Vec<_>>(), [1, 4]);
        assert!(of(3).is_empty());
        assert!(Grouped::new(&[]).of(&items, 0).next().is_none());
    }
}

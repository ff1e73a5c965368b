//! Events ACLED records no deaths for (the lexicon's `deathless_sub_event_types`) keep none
//! once typed: a protest still peaceful after the protest rules have read its sentence (no
//! force met it, no violence of its own) counted the dead it was about ("marched over the
//! killing of three students"), not its own, and an arrest never killed anyone. Run after the
//! crowd and protest rules, which read the counts to type a protest that met deadly force.

use super::Built;
use crate::lexicon::Vocab;

/// Clears the deaths of each event whose sub-event type records none (rule
/// `casualty:deathless-type`); the injured stay.
pub fn drop_deaths_of_deathless(v: &Vocab, merged: &mut [Built]) {
    for b in merged.iter_mut() {
        let e = &mut b.event;
        if e.casualties.killed.is_none() || !v.deathless_sub_event_types.contains(&e.sub_event_type)
        {
            continue;
        }
        let c = &mut e.casualties;
        c.killed = None;
        c.civilians_killed = None;
        c.children_killed = None;
        c.women_killed = None;
        c.combatants_killed = None;
        c.vague = false;
        c.civilians_inferred = false;
        if c.injured.is_none() {
            c.span = None;
        }
        e.rule.push_str("+casualty:deathless-type");
    }
}

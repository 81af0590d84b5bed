//! The time budget of one file (`--timeout`): a deadline that every stage
//! which can run long on a large input checks, between its steps and every
//! so many iterations of its loops, so a file stops within a fraction of a
//! second of its budget however large it is.

use std::time::Instant;

/// The file's time budget ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimedOut;

/// When a file's time budget runs out; `None` is no budget.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Deadline(pub Option<Instant>);

impl Deadline {
    /// No budget: never expires.
    pub const NONE: Deadline = Deadline(None);

    /// Whether the budget has run out.
    pub fn expired(self) -> bool {
        self.0.is_some_and(|d| Instant::now() >= d)
    }

    /// `Err(TimedOut)` once the budget has run out.
    pub fn check(self) -> Result<(), TimedOut> {
        if self.expired() { Err(TimedOut) } else { Ok(()) }
    }

    /// Check once every `every` calls (`n` counts the calls): reading the
    /// clock on each line of a text of millions of lines would cost more
    /// than the work.
    pub fn check_every(self, n: usize, every: usize) -> Result<(), TimedOut> {
        if n % every == every - 1 { self.check() } else { Ok(()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn no_budget_never_expires_and_a_past_deadline_has() {
        assert_eq!(Deadline::NONE.check(), Ok(()));
        let past = Deadline(Instant::now().checked_sub(Duration::from_millis(1)));
        assert_eq!(past.check(), Err(TimedOut));
        // only every `every`-th call looks at the clock
        assert_eq!(past.check_every(0, 4), Ok(()));
        assert_eq!(past.check_every(3, 4), Err(TimedOut));
    }
}

//! A panic inside a reader (ours, or the spreadsheet library's on a damaged file) becomes a
//! finding on that file, never the end of the command: [`catch`] runs a step with panics caught
//! and their message kept, and the hook installed by [`install_panic_capture`] keeps the message
//! quiet instead of printing it while such a step runs.

use std::cell::RefCell;

thread_local! {
    /// `Some` while a guarded step runs on this thread: the message of its panic, once one happens.
    static PANIC_MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs a panic hook that keeps the message of a panic inside [`catch`] instead of printing
/// it; any other panic is printed as usual.
pub fn install_panic_capture() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let guarded = PANIC_MESSAGE.with(|m| m.borrow().is_some());
        if guarded {
            // Keep the place (crate file and line) but not the build machine's paths.
            let place = info.location().map(|l| {
                let f = l.file();
                let short = f.rfind("/src/").map_or(f, |i| &f[i + 1..]);
                format!("{short}:{}", l.line())
            });
            let payload = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let msg = format!("{payload} ({})", place.unwrap_or_default());
            PANIC_MESSAGE.with(|m| *m.borrow_mut() = Some(msg));
        } else {
            default(info);
        }
    }));
}

/// Runs `step` with panics caught: `Err(message)` when it panicked. Steps may nest.
pub fn catch<T>(step: impl FnOnce() -> T) -> Result<T, String> {
    let outer = PANIC_MESSAGE.with(|m| m.borrow_mut().replace(String::new()));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(step));
    let message = PANIC_MESSAGE.with(|m| std::mem::replace(&mut *m.borrow_mut(), outer));
    result.map_err(|_| message.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_caught_with_its_message_and_nesting_restores_the_outer_step() {
        install_panic_capture();
        let outer = catch(|| {
            let inner = catch(|| -> u8 { panic!("inner boom") });
            assert!(inner.unwrap_err().contains("inner boom"));
            7
        });
        assert_eq!(outer, Ok(7));
        assert!(PANIC_MESSAGE.with(|m| m.borrow().is_none()));
    }
}
